import { WhatsAppWindowClosedError } from '../twilio-errors';

/** How long after a customer's last WhatsApp message free-form replies are allowed. */
export const whatsAppWindowMs = 24 * 60 * 60 * 1000;

/**
 * Whether a free-form WhatsApp message may be sent now: the customer wrote within the last 24 hours.
 * @param lastInboundAt - when the customer last wrote on WhatsApp (null or undefined: unknown, treated as closed)
 * @param now - the current time
 * @returns true inside the window
 * @example
 * ```ts
 * isWhatsAppWindowOpen(new Date('2026-11-27T09:00:00Z'), new Date('2026-11-28T08:59:00Z')); // true
 * isWhatsAppWindowOpen(new Date('2026-11-27T09:00:00Z'), new Date('2026-11-28T09:00:00Z')); // false: send a template
 * ```
 */
export function isWhatsAppWindowOpen(lastInboundAt: Date | null | undefined, now: Date): boolean {
  if (lastInboundAt === null || lastInboundAt === undefined) return false;
  return now.getTime() - lastInboundAt.getTime() < whatsAppWindowMs;
}

/**
 * Throws unless a free-form WhatsApp message may be sent now.
 * @param lastInboundAt - when the customer last wrote on WhatsApp
 * @param now - the current time
 * @throws {WhatsAppWindowClosedError} outside the 24-hour window
 * @example
 * ```ts
 * try {
 *   assertWhatsAppWindowOpen(lastInboundAt, new Date());
 * } catch (error) {
 *   if (error instanceof WhatsAppWindowClosedError) await sendTemplate(); // outside the window only templates go
 * }
 * ```
 */
export function assertWhatsAppWindowOpen(lastInboundAt: Date | null | undefined, now: Date): void {
  if (!isWhatsAppWindowOpen(lastInboundAt, now)) throw new WhatsAppWindowClosedError(lastInboundAt ?? null);
}
