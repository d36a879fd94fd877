// A knowledge reload of a base ten times the real one, with /xen ask arriving every 50 ms all along: the rebuild
// runs in a worker thread, so every command is answered within Discord's 3 s (the fake refuses later responses).
import { rmSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { reloadKnowledge } from '../../../src/discord/knowledge-reload.ts';
import { writeSyntheticKnowledge } from '../../perf/synthetic-knowledge.ts';
import { sharedEngine, startBot, type BotUnderTest } from './harness.ts';

let bot: BotUnderTest | undefined;
let dir: string | undefined;
afterAll(async () => {
  await bot?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const QUESTIONS = ['What is PVH?', 'xl migrate', 'dom0_mem', 'Quand Xen 4.4 est-il sorti ?', 'FIFO event channels', 'credit2'];

describe('reloading a large knowledge base', () => {
  it('GIVEN a 10x base reloading THEN slash commands sent every 50 ms are all answered in time, then from the new base', { timeout: 240_000 }, async () => {
    dir = writeSyntheticKnowledge(10);
    bot = await startBot({ engine: sharedEngine(), keepLogs: false });
    const b = bot;
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    let reloading = true;
    const reload = reloadKnowledge(b.ctx, dir).finally(() => (reloading = false));
    const sent: Array<Promise<{ ms: number; content: string }>> = [];
    for (let i = 0; reloading; i++) {
      const started = performance.now();
      const question = QUESTIONS[i % QUESTIONS.length]!;
      sent.push(
        b.fake
          .slashCommand({ name: 'xen', subcommand: 'ask', options: { question } })
          .response()
          .then((r) => ({ ms: performance.now() - started, content: JSON.stringify(r.data ?? {}) })),
      );
      await sleep(50);
    }
    const result = await reload;
    const answers = await Promise.all(sent);
    delay.disable();

    expect(result).toMatchObject({ ok: true, facts: 7610 });
    // Several seconds of rebuild: dozens of commands arrived while it ran.
    expect(answers.length).toBeGreaterThan(20);
    expect(answers.filter((a) => a.ms >= 3000)).toEqual([]);
    expect(answers.every((a) => a.content.includes('embeds'))).toBe(true);
    console.info(`reload of the 10x base: ${answers.length} commands during it, slowest ${Math.max(...answers.map((a) => a.ms)).toFixed(0)} ms, event-loop delay p99 ${(delay.percentile(99) / 1e6).toFixed(0)} ms`);
    // The new base answers: a copy's name is known only to it.
    const copy = await b.fake.slashCommand({ name: 'xen', subcommand: 'ask', options: { question: 'PVH (copy 3)' } }).response();
    expect(JSON.stringify(copy.data)).toMatch(/copy3/);
  });
});
