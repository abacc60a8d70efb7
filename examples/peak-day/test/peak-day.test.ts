import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createThroughline } from '@throughline/core';
import { createSqliteStore } from '@throughline/store-sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PeakDayResult, runPeakDay } from '../src/run-peak-day';

// Seed 25 with 60 shoppers has every kind of story: phone-first shoppers merged across channels,
// a shared household phone, chasers (repeat contacts), answered, abandoned and voicemail calls, CSAT.
const seed = 25;
const customers = 60;

describe('a small peak day through the real path', () => {
  let directory: string;
  let result: PeakDayResult;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'peak-day-test-'));
    result = await runPeakDay({ customers, seed, speed: null, outDir: directory, databaseFile: join(directory, 'peak-day.sqlite') });
  }, 120_000);

  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('covers the stories the checks are about', () => {
    const { expected } = result;
    expect(expected.mergesAcrossChannels).toBeGreaterThanOrEqual(2);
    expect(expected.mergeProposals).toBeGreaterThanOrEqual(1);
    expect(expected.repeatContacts).toBeGreaterThanOrEqual(3);
    expect(expected.calls.abandoned).toBeGreaterThanOrEqual(1);
    expect(expected.voicemails).toBeGreaterThanOrEqual(1);
    expect(result.deliveries.retries).toBeGreaterThan(0);
  });

  it('delivers every webhook and runs every agent action without a failure', () => {
    expect(result.deliveries.failures).toEqual([]);
    expect(Object.keys(result.deliveries.byStatus)).toEqual(['200']);
    expect(result.deliveries.byPlatform).toMatchObject({ shopify: expect.any(Number), zendesk: expect.any(Number), twilio: expect.any(Number) });
    expect(result.deliveries.orderLookups).toBeGreaterThan(0);
    expect(result.deliveries.messagesSent).toBeGreaterThan(0);
  });

  it('computes from the store what the generator planned', () => {
    const { summary, expected } = result;
    expect(summary.customers).toBe(expected.customers);
    expect(summary.mergesAcrossChannels).toBe(expected.mergesAcrossChannels);
    expect(summary.mergeProposals).toBe(expected.mergeProposals);
    expect(summary.repeatContacts).toBe(expected.repeatContacts);
    expect(summary.cases).toBe(expected.cases);
    expect(summary.contacts).toBe(expected.contacts);
    expect({ offered: summary.calls.offered, answered: summary.calls.answered, abandoned: summary.calls.abandoned }).toEqual(expected.calls);
    expect(summary.calls.abandonmentRate).toBeCloseTo(expected.calls.abandoned / expected.calls.offered, 10);
    expect(summary.voicemails).toBe(expected.voicemails);
    expect({ responses: summary.csat.responses, satisfied: summary.csat.satisfied }).toEqual(expected.csat);
    expect(summary.firstReply.count).toBe(expected.firstReplySeconds.length);
    expect(result.checks.filter((check) => !check.ok)).toEqual([]);
  });

  it('runs SLA clocks on the day: attainment per channel, and breaches fired at their instant', () => {
    const channels = new Set(result.summary.sla.map((row) => row.channel));
    expect(channels).toEqual(new Set(['all', 'voice', 'web', 'whatsapp']));
    const firstReply = result.summary.sla.find((row) => row.channel === 'all' && row.metric === 'first_reply')!;
    expect(firstReply.achieved + firstReply.breached).toBeGreaterThan(0);
    expect(result.summary.hours).toHaveLength(24);
    expect(result.summary.hours.reduce((sum, hour) => sum + hour.breaches, 0)).toBe(result.summary.breaches);
  });

  it('writes a self-contained HTML report with the charts', async () => {
    expect(existsSync(result.reportFile)).toBe(true);
    const html = await readFile(result.reportFile, 'utf8');
    for (const title of ['Volume by hour', 'Backlog by hour', 'SLA attainment by channel', 'First-reply distribution', 'Calls by hour']) expect(html).toContain(title);
    expect(html.match(/<svg /g)?.length).toBeGreaterThanOrEqual(4);
    expect(html).not.toMatch(/<script|<link|src="http/);
  });

  it('leaves a database another instance can open: one customer across channels, households only proposed', async () => {
    const store = createSqliteStore({ filename: result.databaseFile });
    const throughline = createThroughline({ store, adapters: [] });
    try {
      const acme = throughline.tenant('acme');
      const phoneFirst = result.plan.people.find((person) => person.shape === 'phone-first' && person.journey === 'whatsapp-then-web')!;
      const byEmail = await acme.customers.findByIdentity({ kind: 'email', value: phoneFirst.email });
      const byPhone = await acme.customers.findByIdentity({ kind: 'phone', value: `whatsapp:${phoneFirst.phone}` });
      expect(byEmail?.customer.id).toBeDefined();
      expect(byPhone?.customer.id).toBe(byEmail?.customer.id);
      expect(byEmail?.identities.map((identity) => identity.key)).toEqual(expect.arrayContaining([`phone:${phoneFirst.phone}`, `email:${phoneFirst.email}`, `shopify:customer:${phoneFirst.customer.id}`]));

      const member = result.plan.people.find((person) => person.shape === 'household-member')!;
      const owner = result.plan.people[member.index - 1]!;
      const ownerView = await acme.customers.findByIdentity({ kind: 'email', value: owner.email });
      const memberView = await acme.customers.findByIdentity({ kind: 'email', value: member.email });
      expect(memberView?.customer.id).not.toBe(ownerView?.customer.id);
      const proposals = await acme.customers.proposals();
      expect(proposals.some((proposal) => proposal.customerIds.includes(ownerView!.customer.id) && proposal.customerIds.includes(memberView!.customer.id))).toBe(true);
    } finally {
      await throughline.close();
    }
  });
});
