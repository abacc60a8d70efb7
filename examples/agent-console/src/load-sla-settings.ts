import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SlaSettings } from '@throughline/core';
import { consoleSlaSettings } from './console-sla-settings';

/**
 * The SLA settings the console folds clocks with: the application's (a module exporting `sla` or a
 * default), so clocks over a recorded store match what its writer computed; else the console's own.
 *
 * @param modulePath - path of the module, or undefined for the console's policies
 * @returns the settings
 * @throws {Error} when the module exports no SLA settings
 */
export async function loadSlaSettings(modulePath: string | undefined): Promise<SlaSettings> {
  if (modulePath === undefined) return consoleSlaSettings;
  const module = (await import(pathToFileURL(resolve(modulePath)).href)) as { sla?: unknown; default?: unknown };
  const settings = module.sla ?? module.default;
  if (typeof settings !== 'object' || settings === null || !Array.isArray((settings as { policies?: unknown }).policies)) {
    throw new Error(`${modulePath} must export SLA settings ({ policies, calendars }) as \`sla\` or default`);
  }
  return settings as SlaSettings;
}
