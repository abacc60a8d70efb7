import { createMemoryStore, createThroughline, type Throughline, type ThroughlineClock } from '@throughline/core';
import { consoleSlaSettings } from '../src/console-sla-settings';
import { createSeedEvents } from '../src/seed/seed-events';
import { type RunningAgentConsole, startAgentConsole } from '../src/server/agent-console-server';

/** A seeded console on a free port, for tests. */
export interface SeededConsole {
  throughline: Throughline;
  agentConsole: RunningAgentConsole;
  /** Base URL without the trailing slash. */
  base: string;
  close(): Promise<void>;
}

/**
 * Starts the console over a memory store filled by the seed, on port 0.
 * @param clock - the instance's clock (a test clock to move time)
 * @param tenantId - the tenant (default `acme`)
 * @returns the running console
 */
export async function startSeededConsole(clock: ThroughlineClock, tenantId = 'acme'): Promise<SeededConsole> {
  const throughline = createThroughline({ store: createMemoryStore(), adapters: [], clock, defaultRegion: 'US', sla: consoleSlaSettings });
  await throughline.ingest(tenantId, createSeedEvents(tenantId, clock.now()));
  const agentConsole = await startAgentConsole({ throughline, tenantId, now: () => clock.now(), port: 0, logError: () => {} });
  return {
    throughline,
    agentConsole,
    base: agentConsole.url.replace(/\/$/, ''),
    async close() {
      await agentConsole.close();
      await throughline.close();
    },
  };
}
