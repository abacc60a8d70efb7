import { ThroughlineError, ValidationError } from '@throughline/core';
import type { ApiErrorBody } from './console-api-types';

/** An error the console's API answers with a status and a stable code. */
export class ConsoleApiError extends ThroughlineError {
  /** The HTTP status of the answer. */
  readonly status: number;

  constructor(status: number, code: string, message: string) {
    super(code, message);
    this.name = 'ConsoleApiError';
    this.status = status;
  }
}

/** A request the API cannot read: a missing search term, a bad limit or cursor (400). */
export class BadRequestError extends ConsoleApiError {
  constructor(message: string) {
    super(400, 'bad_request', message);
    this.name = 'BadRequestError';
  }
}

/** A customer id the tenant does not hold (404). */
export class CustomerNotFoundError extends ConsoleApiError {
  constructor(customerId: string) {
    super(404, 'customer_not_found', `Customer "${customerId}" does not exist`);
    this.name = 'CustomerNotFoundError';
  }
}

/**
 * Turns anything thrown while answering into a JSON error answer: console errors keep their
 * status, a core `ValidationError` (a bad cursor) is a 400, a core `not_found` a 404, the rest a 500
 * whose message is not shown (it may hold store details).
 *
 * @param error - what was thrown
 * @returns the status and the body
 */
export function errorAnswerOf(error: unknown): { status: number; body: ApiErrorBody } {
  if (error instanceof ConsoleApiError) return { status: error.status, body: { error: { code: error.code, message: error.message } } };
  if (error instanceof ValidationError) return { status: 400, body: { error: { code: 'bad_request', message: error.message } } };
  if (ThroughlineError.isInstance(error) && error.code === 'not_found') return { status: 404, body: { error: { code: 'not_found', message: error.message } } };
  return { status: 500, body: { error: { code: 'internal', message: 'The console could not answer; see the server log' } } };
}
