// #region calendar
import { type BusinessCalendar, createBusinessCalendar, importIcsHolidays } from '@throughline/core';

// #endregion calendar
/**
 * The guide's support calendar: split shifts in Berlin, a Sunday night shift, holidays and Black Friday hours.
 * @param icsText - an iCalendar file whose all-day events are holidays
 * @returns the calendar
 */
export function supportCalendar(icsText: string): BusinessCalendar {
  // #region calendar
  const split = [{ opens: '08:00', closes: '12:00' }, { opens: '13:00', closes: '18:00' }];
  const calendar = createBusinessCalendar({
    id: 'support-eu',
    timeZone: 'Europe/Berlin',
    weeklyHours: { monday: split, tuesday: split, wednesday: split, thursday: split, friday: split,
                   saturday: [{ opens: '10:00', closes: '14:00' }],
                   sunday: [{ opens: '22:00', closes: '06:00' }] },        // a night shift
    holidays: [
      { date: '2025-01-01', name: 'New Year', repeatsYearly: true },
      { date: '2025-12-25', through: '2025-12-26', name: 'Christmas' },
      ...importIcsHolidays(icsText).holidays,
    ],
    overrides: [
      { date: '2025-11-28', through: '2025-12-01', name: 'Black Friday week', hours: [{ opens: '08:00', closes: '22:00' }] },
      { date: '2025-12-24', name: 'Christmas Eve', hours: [{ opens: '09:00', closes: '14:00' }] },
    ],
  });
  // #endregion calendar
  return calendar;
}

/** What the guide's calendar answers about one instant and one reply. */
export interface CalendarAnswers {
  open: boolean;
  opens: number | undefined;
  closes: number | undefined;
  dueAt: number;
  replyTook: number;
}

/**
 * Asks a calendar the guide's questions.
 * @param calendar - the calendar
 * @param now - the instant asked about, epoch ms
 * @param createdAt - when a case was created, epoch ms
 * @param repliedAt - when it was answered, epoch ms
 * @returns the answers
 */
export function askCalendar(calendar: BusinessCalendar, now: number, createdAt: number, repliedAt: number): CalendarAnswers {
  // #region calendar
  const open = calendar.isOpen(now);
  const opens = calendar.nextOpening(now);                              // epoch ms, or undefined if closed for ten years
  const closes = calendar.nextClosing(now);
  const dueAt = calendar.addBusinessTime(now, 2 * 3_600_000);           // epoch ms, two business hours later
  const replyTook = calendar.businessTimeBetween(createdAt, repliedAt); // business ms
  // #endregion calendar
  return { open, opens, closes, dueAt, replyTook };
}
