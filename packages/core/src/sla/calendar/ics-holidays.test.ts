import { describe, expect, it } from 'vitest';
import { createBusinessCalendar } from './business-calendar';
import { importIcsHolidays } from './ics-holidays';

const ics = (...events: string[]): string =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Throughline//Test//EN', ...events, 'END:VCALENDAR'].join('\r\n');

describe('importIcsHolidays', () => {
  it('reads all-day events, unfolding folded lines and unescaping text', () => {
    const { holidays, skipped } = importIcsHolidays(
      ics(
        'BEGIN:VEVENT',
        'UID:xmas-2025',
        'DTSTART;VALUE=DATE:20251225',
        'DTEND;VALUE=DATE:20251226',
        'SUMMARY:Christmas Day\\, the one with a ',
        ' folded summary',
        'END:VEVENT',
      ),
    );
    expect(skipped).toEqual([]);
    expect(holidays).toEqual([{ date: '2025-12-25', name: 'Christmas Day, the one with a folded summary' }]);
  });

  it('treats DTEND as exclusive for multi-day events and accepts DURATION', () => {
    const { holidays } = importIcsHolidays(
      ics(
        'BEGIN:VEVENT',
        'DTSTART;VALUE=DATE:20251224',
        'DTEND;VALUE=DATE:20251227',
        'SUMMARY:Christmas break',
        'END:VEVENT',
        'BEGIN:VEVENT',
        'DTSTART:20260101',
        'DURATION:P1D',
        'END:VEVENT',
      ),
    );
    expect(holidays).toEqual([
      { date: '2025-12-24', through: '2025-12-26', name: 'Christmas break' },
      { date: '2026-01-01' },
    ]);
  });

  it('keeps a plain yearly rule as a repeating holiday', () => {
    const { holidays } = importIcsHolidays(
      ics('BEGIN:VEVENT', 'DTSTART;VALUE=DATE:20200101', 'RRULE:FREQ=YEARLY', 'SUMMARY:New Year', 'END:VEVENT'),
    );
    expect(holidays).toEqual([{ date: '2020-01-01', name: 'New Year', repeatsYearly: true }]);
  });

  it('expands yearly rules with BYDAY ordinals, COUNT, UNTIL and EXDATE', () => {
    const { holidays } = importIcsHolidays(
      ics(
        'BEGIN:VEVENT',
        'UID:thanksgiving',
        'DTSTART;VALUE=DATE:20231123',
        'RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=4TH;COUNT=3',
        'SUMMARY:Thanksgiving',
        'END:VEVENT',
        'BEGIN:VEVENT',
        'DTSTART;VALUE=DATE:20240527',
        'RRULE:FREQ=YEARLY;BYMONTH=5;BYDAY=-1MO;UNTIL=20260601',
        'EXDATE;VALUE=DATE:20250526',
        'SUMMARY:Memorial Day',
        'END:VEVENT',
      ),
    );
    expect(holidays.map((holiday) => holiday.date)).toEqual([
      '2023-11-23',
      '2024-05-27',
      '2024-11-28',
      '2025-11-27',
      '2026-05-25',
    ]);
  });

  it('lets a RECURRENCE-ID instance move one occurrence of a recurring holiday', () => {
    const { holidays } = importIcsHolidays(
      ics(
        'BEGIN:VEVENT',
        'UID:bank-holiday',
        'DTSTART;VALUE=DATE:20250505',
        'RRULE:FREQ=YEARLY;BYMONTH=5;BYDAY=1MO;COUNT=2',
        'END:VEVENT',
        'BEGIN:VEVENT',
        'UID:bank-holiday',
        'RECURRENCE-ID;VALUE=DATE:20260504',
        'DTSTART;VALUE=DATE:20260508',
        'END:VEVENT',
      ),
    );
    expect(holidays.map((holiday) => holiday.date)).toEqual(['2025-05-05', '2026-05-08']);
  });

  it('skips timed, cancelled and unsupported events, and ignores alarms inside events', () => {
    const { holidays, skipped } = importIcsHolidays(
      ics(
        'BEGIN:VEVENT',
        'UID:meeting',
        'DTSTART:20251201T090000Z',
        'SUMMARY:Team meeting',
        'END:VEVENT',
        'BEGIN:VEVENT',
        'UID:gone',
        'DTSTART;VALUE=DATE:20251202',
        'STATUS:CANCELLED',
        'END:VEVENT',
        'BEGIN:VEVENT',
        'UID:weekly',
        'DTSTART;VALUE=DATE:20251203',
        'RRULE:FREQ=WEEKLY',
        'END:VEVENT',
        'BEGIN:VEVENT',
        'UID:with-alarm',
        'DTSTART;VALUE=DATE:20251204',
        'BEGIN:VALARM',
        'DTSTART:20251203T090000Z',
        'END:VALARM',
        'END:VEVENT',
      ),
    );
    expect(holidays).toEqual([{ date: '2025-12-04' }]);
    expect(skipped).toEqual([
      { uid: 'meeting', summary: 'Team meeting', reason: 'not an all-day event' },
      { uid: 'gone', reason: 'cancelled' },
      { uid: 'weekly', reason: 'unsupported recurrence FREQ=WEEKLY' },
    ]);
  });

  it('feeds a calendar definition', () => {
    const { holidays } = importIcsHolidays(
      ics('BEGIN:VEVENT', 'DTSTART;VALUE=DATE:20240704', 'RRULE:FREQ=YEARLY', 'END:VEVENT'),
    );
    const calendar = createBusinessCalendar({
      id: 'us',
      timeZone: 'America/New_York',
      weeklyHours: { friday: [{ opens: '09:00', closes: '17:00' }], monday: [{ opens: '09:00', closes: '17:00' }] },
      holidays,
    });
    expect(calendar.isOpen(Date.parse('2025-07-04T10:00:00-04:00'))).toBe(false);
    expect(calendar.isOpen(Date.parse('2025-07-07T10:00:00-04:00'))).toBe(true);
  });

  it('rejects text that is not an iCalendar file', () => {
    expect(() => importIcsHolidays('hello')).toThrowError(expect.objectContaining({ code: 'invalid_ics' }));
  });
});
