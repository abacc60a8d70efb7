/**
 * The hour-of-day shape of a Black Friday in the shop's time zone: when orders come in, when
 * customers get in touch, how many agents are on shift, and what that does to waits.
 */

/** Relative order volume for each local hour (0–23): a midnight sale, then a long morning and evening peak. */
export const orderShape: ReadonlyArray<number> = [
  2.4, 1.3, 0.7, 0.5, 0.5, 0.8, 1.8, 3.2, 4.8, 6.0, 6.8, 7.0, 6.8, 6.4, 6.0, 5.6, 5.4, 5.4, 5.8, 6.4, 6.8, 6.2, 4.6, 3.0,
];

/** Relative contact volume for each local hour: it lags orders and peaks late morning. */
export const contactShape: ReadonlyArray<number> = [
  0.8, 0.5, 0.3, 0.2, 0.2, 0.4, 1.2, 2.6, 4.4, 6.0, 6.8, 7.0, 6.6, 6.2, 5.8, 5.4, 5.0, 4.8, 4.8, 4.6, 4.2, 3.4, 2.4, 1.4,
];

/** Agents on shift for each local hour (relative); nobody before 06:00, the peak team from 09:00. */
export const staffingShape: ReadonlyArray<number> = [
  0, 0, 0, 0, 0, 0, 3.5, 4.5, 5.5, 6, 6, 6, 6, 6, 6, 6, 5.8, 5.5, 5.5, 5, 4.5, 3.8, 2.8, 1.8,
];

/** The first and last local hour agents work (the Black Friday override of the calendar: 06:00–24:00). */
export const agentHours = { opens: 6, closes: 24 } as const;

/** The first and last local hour the phone queue is staffed; outside it callers reach voicemail. */
export const phoneHours = { opens: 7, closes: 23 } as const;

const contactTotal = contactShape.reduce((sum, value) => sum + value, 0);
const staffedTotal = staffingShape.reduce((sum, value) => sum + value, 0);

/**
 * How overloaded the team is in a local hour: the hour's share of contacts over its share of
 * agents (1 means staffed exactly for the load; above 1 queues grow).
 * @param hour - local hour 0–23
 * @returns the load factor, or Infinity when nobody is on shift
 */
export function loadFactor(hour: number): number {
  const staffed = staffingShape[hour] ?? 0;
  if (staffed === 0) return Number.POSITIVE_INFINITY;
  return (contactShape[hour]! / contactTotal) / (staffed / staffedTotal);
}
