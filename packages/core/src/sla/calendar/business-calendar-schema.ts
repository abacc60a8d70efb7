import { z } from 'zod';
import { clockTimeToMs, dayNumberOf } from './local-date';
import { isKnownTimeZone } from './zone-offsets';

/** A calendar date written `YYYY-MM-DD`, in the calendar's own time zone. */
export const calendarDateSchema = z.string().refine((value) => dayNumberOf(value) !== undefined, {
  message: 'Expected a real calendar date written YYYY-MM-DD',
});

/** A wall-clock time of day written `HH:MM`, from `00:00` to `24:00`. */
export const clockTimeSchema = z.string().refine((value) => clockTimeToMs(value) !== undefined, {
  message: 'Expected a time of day written HH:MM between 00:00 and 24:00',
});

/**
 * One opening interval of a day: open from `opens` until `closes`; when `closes` is not after
 * `opens` the interval runs past midnight and closes on the next day (a night shift).
 */
export const openingHoursSchema = z
  .object({
    /** When the interval opens, local `HH:MM` (any time but `24:00`). */
    opens: clockTimeSchema,
    /** When it closes, local `HH:MM`: `24:00` is the end of the day; a time not after `opens` is on the next day. */
    closes: clockTimeSchema,
  })
  .refine((hours) => hours.opens !== '24:00', { message: 'An interval cannot open at 24:00' })
  .refine((hours) => hours.opens !== hours.closes || hours.closes === '24:00', {
    message: 'An interval that opens and closes at the same time is ambiguous: split it in two',
  });

/** The intervals of one day; several intervals make a split shift, none means closed. */
export const dayHoursSchema = z.array(openingHoursSchema);

/** Opening intervals for each weekday; a missing weekday is closed. */
export const weeklyHoursSchema = z
  .object({
    /** Monday's opening intervals; closed when missing. */
    monday: dayHoursSchema.optional(),
    /** Tuesday's opening intervals; closed when missing. */
    tuesday: dayHoursSchema.optional(),
    /** Wednesday's opening intervals; closed when missing. */
    wednesday: dayHoursSchema.optional(),
    /** Thursday's opening intervals; closed when missing. */
    thursday: dayHoursSchema.optional(),
    /** Friday's opening intervals; closed when missing. */
    friday: dayHoursSchema.optional(),
    /** Saturday's opening intervals; closed when missing. */
    saturday: dayHoursSchema.optional(),
    /** Sunday's opening intervals; closed when missing. */
    sunday: dayHoursSchema.optional(),
  })
  .strict();

/** A holiday: closed all day on `date` (through `through`, inclusive), optionally every year. */
export const holidaySchema = z
  .object({
    /** The holiday's first (or only) day. */
    date: calendarDateSchema,
    /** The last day of a holiday several days long (inclusive); the holiday is `date` alone when missing. */
    through: calendarDateSchema.optional(),
    /** A display name, such as `Christmas Day`. */
    name: z.string().optional(),
    /** Closed on the same days of every later year too (never before `date`'s year). */
    repeatsYearly: z.boolean().optional(),
  })
  .refine((holiday) => holiday.through === undefined || holiday.through >= holiday.date, {
    message: '`through` must not be before `date`',
  });

/** Dated hours that replace the weekly hours of the days from `date` through `through` (inclusive). */
export const hoursOverrideSchema = z
  .object({
    /** The first (or only) day whose hours are replaced. */
    date: calendarDateSchema,
    /** The last day whose hours are replaced (inclusive); only `date` when missing. */
    through: calendarDateSchema.optional(),
    /** A display name, such as `Black Friday week`. */
    name: z.string().optional(),
    /** The opening intervals of each of those days (an empty list closes them); they apply on a holiday too. */
    hours: dayHoursSchema,
  })
  .refine((override) => override.through === undefined || override.through >= override.date, {
    message: '`through` must not be before `date`',
  });

/**
 * A business calendar: a time zone, weekly opening hours, holidays and dated overrides.
 *
 * @example
 * businessCalendarSchema.parse({
 *   id: 'support-eu',
 *   timeZone: 'Europe/Berlin',
 *   weeklyHours: { monday: [{ opens: '08:00', closes: '12:00' }, { opens: '13:00', closes: '18:00' }] },
 *   holidays: [{ date: '2025-12-25', name: 'Christmas Day', repeatsYearly: true }],
 *   overrides: [{ date: '2025-11-28', through: '2025-12-01', hours: [{ opens: '08:00', closes: '22:00' }] }],
 * });
 */
export const businessCalendarSchema = z.object({
  /** The calendar's id, as SLA policies and targets name it in `calendarId`. */
  id: z.string().min(1),
  /** A display name. */
  name: z.string().optional(),
  /** The IANA time zone hours and dates are read in, such as `Europe/Berlin`. */
  timeZone: z.string().refine(isKnownTimeZone, { message: 'Unknown IANA time zone' }),
  /** The regular opening hours of each weekday. */
  weeklyHours: weeklyHoursSchema,
  /** Days closed all day (none by default). */
  holidays: z.array(holidaySchema).default([]),
  /** Dated hours that replace the weekly hours, such as a peak week's extended hours (none by default). */
  overrides: z.array(hoursOverrideSchema).default([]),
});

/** One opening interval of a day, as validated by {@link openingHoursSchema}. */
export type OpeningHours = z.infer<typeof openingHoursSchema>;
/** Weekly opening hours, as validated by {@link weeklyHoursSchema}. */
export type WeeklyHours = z.infer<typeof weeklyHoursSchema>;
/** A holiday, as validated by {@link holidaySchema}. */
export type Holiday = z.infer<typeof holidaySchema>;
/** Dated replacement hours, as validated by {@link hoursOverrideSchema}. */
export type HoursOverride = z.infer<typeof hoursOverrideSchema>;
/** A validated business calendar definition (defaults applied). */
export type BusinessCalendarDefinition = z.infer<typeof businessCalendarSchema>;
/** A business calendar definition as written by a user or loaded from JSON (defaults optional). */
export type BusinessCalendarDefinitionInput = z.input<typeof businessCalendarSchema>;
