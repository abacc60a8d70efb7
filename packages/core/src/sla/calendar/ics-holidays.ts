import { SlaError } from '../sla-error';
import type { Holiday } from './business-calendar-schema';
import { civilFromDayNumber, civilToDayNumber, daysInMonth, isoDateOf } from './local-date';
import { expandYearlyRecurrence, parseYearlyRecurrence } from './yearly-recurrence';

/** Options for {@link importIcsHolidays}. */
export interface IcsHolidayImportOptions {
  /** Last year an unbounded recurrence that cannot be kept as `repeatsYearly` is expanded into (default: its first year + 50). */
  readonly throughYear?: number;
}

/** An event the import left out, and why. */
export interface SkippedIcsEvent {
  /** The event's `UID`, when it has one. */
  readonly uid?: string;
  /** The event's `SUMMARY`, when it has one. */
  readonly summary?: string;
  /** Why the event is not a holiday. */
  readonly reason: string;
}

/** The holidays found in an iCalendar file, and the events that were left out. */
export interface IcsHolidayImport {
  /** Holidays ready for a calendar definition's `holidays`. */
  readonly holidays: Holiday[];
  /** Events that are not all-day holidays or use recurrences this import does not support. */
  readonly skipped: SkippedIcsEvent[];
}

interface ContentLine {
  readonly name: string;
  readonly parameters: ReadonlyMap<string, string>;
  readonly value: string;
}

/** Unfolds RFC 5545 §3.1 folded lines: a line break followed by a space or tab continues the line. */
function unfold(text: string): string[] {
  return text.replace(/\r\n?/g, '\n').replace(/\n[ \t]/g, '').split('\n');
}

function parseContentLine(line: string): ContentLine | undefined {
  let inQuotes = false;
  let colon = -1;
  for (let index = 0; index < line.length; index++) {
    const char = line[index];
    if (char === '"') inQuotes = !inQuotes;
    else if (char === ':' && !inQuotes) {
      colon = index;
      break;
    }
  }
  if (colon < 0) return undefined;
  const [name = '', ...rawParameters] = line.slice(0, colon).split(';');
  const parameters = new Map<string, string>();
  for (const parameter of rawParameters) {
    const equals = parameter.indexOf('=');
    if (equals > 0) parameters.set(parameter.slice(0, equals).toUpperCase(), parameter.slice(equals + 1).replace(/^"|"$/g, ''));
  }
  return { name: name.toUpperCase(), parameters, value: line.slice(colon + 1) };
}

function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, char: string) => (char === 'n' || char === 'N' ? '\n' : char));
}

/** Converts a basic-format date (`YYYYMMDD`, optionally followed by a time) to a day number. */
function dayOfBasicDate(value: string): number | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})(T\d{6}Z?)?$/.exec(value.trim());
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return civilToDayNumber(year, month, day);
}

function isAllDay(line: ContentLine): boolean {
  return line.parameters.get('VALUE') === 'DATE' || /^\d{8}$/.test(line.value.trim());
}

/** Reads a `DURATION` made only of days and weeks (`P1D`, `P2W`). */
function durationDays(value: string): number | undefined {
  const match = /^\+?P(?:(\d+)W)?(?:(\d+)D)?$/.exec(value.trim());
  if (!match || (match[1] === undefined && match[2] === undefined)) return undefined;
  return Number(match[1] ?? 0) * 7 + Number(match[2] ?? 0);
}

type EventLines = Map<string, ContentLine[]>;

function holidayOf(firstDay: number, lengthDays: number, name: string | undefined, repeatsYearly: boolean): Holiday {
  const holiday: Holiday = { date: isoDateOf(firstDay) };
  if (lengthDays > 1) holiday.through = isoDateOf(firstDay + lengthDays - 1);
  if (name !== undefined) holiday.name = name;
  if (repeatsYearly) holiday.repeatsYearly = true;
  return holiday;
}

function convertEvent(
  event: EventLines,
  options: IcsHolidayImportOptions,
  movedInstances: ReadonlySet<number>,
  holidays: Holiday[],
  skipped: SkippedIcsEvent[],
) {
  const first = (name: string) => event.get(name)?.[0];
  const uid = first('UID')?.value;
  const summaryLine = first('SUMMARY');
  const summary = summaryLine === undefined ? undefined : unescapeText(summaryLine.value);
  const skip = (reason: string) => {
    const entry: { uid?: string; summary?: string; reason: string } = { reason };
    if (uid !== undefined) entry.uid = uid;
    if (summary !== undefined) entry.summary = summary;
    skipped.push(entry);
  };
  if (first('STATUS')?.value.toUpperCase() === 'CANCELLED') return skip('cancelled');
  const start = first('DTSTART');
  if (!start) return skip('no DTSTART');
  if (!isAllDay(start)) return skip('not an all-day event');
  const startDay = dayOfBasicDate(start.value);
  if (startDay === undefined) return skip(`bad DTSTART ${start.value}`);
  let lengthDays = 1;
  const end = first('DTEND');
  const duration = first('DURATION');
  if (end) {
    // DTEND of an all-day event is exclusive (RFC 5545 §3.6.1): 20251225..20251226 is one day.
    const endDay = dayOfBasicDate(end.value);
    if (endDay === undefined || endDay < startDay) return skip(`bad DTEND ${end.value}`);
    lengthDays = Math.max(1, endDay - startDay);
  } else if (duration) {
    const days = durationDays(duration.value);
    if (days === undefined) return skip(`unsupported DURATION ${duration.value}`);
    lengthDays = Math.max(1, days);
  }
  const rrule = first('RRULE');
  if (!rrule) {
    holidays.push(holidayOf(startDay, lengthDays, summary, false));
    return;
  }
  const parsed = parseYearlyRecurrence(rrule.value, dayOfBasicDate);
  if (!parsed.ok) return skip(parsed.reason);
  const excluded = new Set<number>(movedInstances);
  for (const line of event.get('EXDATE') ?? []) {
    for (const value of line.value.split(',')) {
      const day = dayOfBasicDate(value);
      if (day !== undefined) excluded.add(day);
    }
  }
  const { rule } = parsed;
  const plainYearly =
    rule.interval === 1 &&
    rule.count === undefined &&
    rule.untilDay === undefined &&
    rule.monthDays === undefined &&
    rule.weekdays === undefined &&
    (rule.months === undefined || (rule.months.length === 1 && rule.months[0] === civilFromDayNumber(startDay).month)) &&
    excluded.size === 0;
  if (plainYearly) {
    holidays.push(holidayOf(startDay, lengthDays, summary, true));
    return;
  }
  const throughYear = options.throughYear ?? civilFromDayNumber(startDay).year + 50;
  for (const day of expandYearlyRecurrence(rule, startDay, throughYear)) {
    if (!excluded.has(day)) holidays.push(holidayOf(day, lengthDays, summary, false));
  }
}

/**
 * Imports holidays from an iCalendar (`.ics`) file: every all-day `VEVENT` becomes a holiday
 * (multi-day events use `through`; `DTEND` is exclusive). A plain `RRULE:FREQ=YEARLY` becomes a
 * `repeatsYearly` holiday; yearly rules with `INTERVAL`, `COUNT`, `UNTIL`, `BYMONTH`, `BYMONTHDAY`,
 * `BYDAY` (e.g. `4TH` for Thanksgiving) and `EXDATE` are expanded to dates. Timed events, other
 * frequencies and cancelled events are reported in `skipped`.
 *
 * @param ics - The file's text.
 * @param options - Expansion options.
 * @returns The holidays, sorted by date, and the skipped events.
 * @throws SlaError (`invalid_ics`) when the text is not an iCalendar object.
 * @example
 * const { holidays } = importIcsHolidays(await readFile('holidays.ics', 'utf8'));
 * createBusinessCalendar({ id: 'de', timeZone: 'Europe/Berlin', weeklyHours, holidays });
 */
export function importIcsHolidays(ics: string, options: IcsHolidayImportOptions = {}): IcsHolidayImport {
  const lines = unfold(ics);
  if (!lines.some((line) => line.trim().toUpperCase() === 'BEGIN:VCALENDAR')) {
    throw new SlaError('invalid_ics', 'Not an iCalendar file: BEGIN:VCALENDAR is missing');
  }
  const events: EventLines[] = [];
  let event: EventLines | undefined;
  let nestedDepth = 0;
  for (const raw of lines) {
    const line = parseContentLine(raw.trim());
    if (!line) continue;
    const value = line.value.trim().toUpperCase();
    if (line.name === 'BEGIN' && value === 'VEVENT') {
      event = new Map();
      nestedDepth = 0;
    } else if (event && line.name === 'BEGIN') {
      nestedDepth++; // VALARM and other components inside an event
    } else if (event && line.name === 'END' && nestedDepth > 0) {
      nestedDepth--;
    } else if (event && line.name === 'END' && value === 'VEVENT') {
      events.push(event);
      event = undefined;
    } else if (event && nestedDepth === 0) {
      const existing = event.get(line.name);
      if (existing) existing.push(line);
      else event.set(line.name, [line]);
    }
  }
  // An event with RECURRENCE-ID replaces one instance of the recurring event with the same UID.
  const movedInstances = new Map<string, Set<number>>();
  for (const candidate of events) {
    const uid = candidate.get('UID')?.[0]?.value;
    const recurrenceDay = dayOfBasicDate(candidate.get('RECURRENCE-ID')?.[0]?.value ?? '');
    if (uid === undefined || recurrenceDay === undefined) continue;
    const moved = movedInstances.get(uid) ?? new Set<number>();
    moved.add(recurrenceDay);
    movedInstances.set(uid, moved);
  }
  const holidays: Holiday[] = [];
  const skipped: SkippedIcsEvent[] = [];
  for (const candidate of events) {
    const uid = candidate.get('UID')?.[0]?.value;
    const isMaster = candidate.get('RECURRENCE-ID') === undefined;
    const moved = isMaster && uid !== undefined ? movedInstances.get(uid) : undefined;
    convertEvent(candidate, options, moved ?? new Set(), holidays, skipped);
  }
  holidays.sort((left, right) => (left.date < right.date ? -1 : left.date > right.date ? 1 : 0));
  return { holidays, skipped };
}
