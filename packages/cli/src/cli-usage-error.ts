import { ThroughlineError } from '@throughline/core';

/**
 * The command line was given options it cannot run with; the message says which.
 */
export class CliUsageError extends ThroughlineError {
  /**
   * Creates the error.
   * @param message - what is wrong and how to fix it
   */
  constructor(message: string) {
    super('cli_usage', message);
    this.name = 'CliUsageError';
  }
}
