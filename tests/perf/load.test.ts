// The load driver at a size that keeps CI quick: everything answered exactly once, nothing refused, no pings.
// Timing is not asserted here (`npm run load` prints the figures).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type BotUnderTest } from '../discord/e2e/start-bot.ts';
import { runLoad, stopQuietly } from './load-driver.ts';
import { buildWorkload, DEFAULT_MIX } from './workload.ts';

let bot: BotUnderTest;
beforeAll(async () => {
  // Speed is not under test: a slow CI machine must not turn Discord's 3-second window into a failure here.
  bot = await startBot({ cooldownSeconds: 0, textChannels: 4, keepLogs: false, interactionResponseWindowMs: 60_000 });
});
afterAll(async () => {
  await stopQuietly(bot);
});

describe('load through the fake Discord', () => {
  it('GIVEN 100 mixed commands, autocompletes and mentions at once THEN each is answered exactly once, nothing refused, no pings', async () => {
    const figures = await runLoad({ n: 100, concurrency: 'all', bot, seed: 7 });
    expect(Object.values(figures.byKind).every((count) => count > 0)).toBe(true);
    expect(figures.fakeErrors).toEqual([]);
    expect(figures.pings).toBeUndefined();
    expect({ once: figures.answeredOnce, missing: figures.missing, duplicated: figures.duplicated }).toEqual({ once: 100, missing: 0, duplicated: 0 });
    expect(figures.latencyMs.max).toBeGreaterThan(0);
  }, 60_000);

  it('GIVEN the fake forgets its history between rounds THEN the next round is still answered exactly once', async () => {
    bot.fake.forgetHistory();
    expect(bot.fake.requests).toEqual([]);
    const figures = await runLoad({ n: 30, concurrency: 10, bot, seed: 8 });
    expect(figures.fakeErrors).toEqual([]);
    expect(figures.answeredOnce).toBe(30);
  }, 60_000);
});

describe('workload', () => {
  it('GIVEN the same seed THEN the same jobs; another seed THEN other jobs', () => {
    const kb = bot.ctx.engine.kb;
    expect(buildWorkload(kb, 50, DEFAULT_MIX, 3, 4)).toEqual(buildWorkload(kb, 50, DEFAULT_MIX, 3, 4));
    expect(buildWorkload(kb, 50, DEFAULT_MIX, 3, 4)).not.toEqual(buildWorkload(kb, 50, DEFAULT_MIX, 4, 4));
  });

  it('GIVEN a mix with zero weights THEN only the weighted kinds, with real fact ids or titles', () => {
    const kb = bot.ctx.engine.kb;
    const jobs = buildWorkload(kb, 200, { ask: 0, feature: 1, autocomplete: 0, mention: 0 }, 5);
    expect(new Set(jobs.map((j) => j.kind))).toEqual(new Set(['feature']));
    const names = new Set(kb.facts.flatMap((f) => [f.id, f.title.en, f.title.fr]));
    for (const job of jobs) if (job.kind === 'feature') expect(names.has(job.name)).toBe(true);
  });
});
