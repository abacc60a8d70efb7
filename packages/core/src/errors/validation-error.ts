import { ThroughlineError } from './throughline-error';

/** One problem found in a value, with the path to it. */
export interface ValidationIssue {
  /** Path to the offending field, such as `['customer', 'id']`. */
  path: ReadonlyArray<PropertyKey>;
  /** What is wrong with it. */
  message: string;
}

/**
 * A value did not match the schema it must follow; `issues` lists each problem.
 *
 * @example
 * ```ts
 * throw ValidationError.fromZod('Shopify order payload', result.error);
 * ```
 */
export class ValidationError extends ThroughlineError {
  /** Every problem found, with its path. */
  readonly issues: ReadonlyArray<ValidationIssue>;

  constructor(message: string, issues: ReadonlyArray<ValidationIssue>) {
    super('validation_failed', message);
    this.name = 'ValidationError';
    this.issues = issues;
  }

  /**
   * Builds a validation error from a zod error.
   * @param subject - what was being validated, for the message
   * @param error - the zod error (anything with an `issues` array)
   * @returns an error whose message names the first few issues
   */
  static fromZod(
    subject: string,
    error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> },
  ): ValidationError {
    const issues = error.issues.map((issue) => ({ path: issue.path, message: issue.message }));
    const summary = issues
      .slice(0, 3)
      .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
      .join('; ');
    return new ValidationError(`${subject} is invalid: ${summary}`, issues);
  }
}
