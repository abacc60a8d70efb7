import { describe, expect, it } from 'vitest';
import { buildArchive, main } from '../src/main';

describe('a backfill with progress', () => {
  it('stops after three pages, resumes from the checkpoint without duplicates and then has nothing to do', async () => {
    const total = buildArchive(60).length;
    const result = await main({ customers: 60, pageSize: 25, log: () => {} });
    const [interrupted, resumed, again] = result.runs;
    expect(interrupted).toMatchObject({ pages: 3, events: 75, complete: false, cursor: '75' });
    expect(resumed).toMatchObject({ pages: Math.ceil((total - 75) / 25), events: total - 75, duplicates: 0, complete: true, cursor: null });
    expect(again).toMatchObject({ pages: 0, events: 0, complete: true });
    expect(result.progress.slice(0, 3)).toEqual(['1/25', '2/50', '3/75']);
    expect(result.progress.at(-1)).toBe(`${resumed!.pages}/${total - 75}`);
    expect(result.customers).toBe(60);
    expect(result.cases).toBe(60); // the follow-up an hour later joins the open case
  });
});
