// Memory over a long run: rounds of mixed load against one bot, heap and RSS after a forced GC after each round.
import { startBot } from '../discord/e2e/start-bot.ts';
import { runLoad, stopQuietly, type LoadFigures } from './load-driver.ts';
import { memory, type Memory } from './measure.ts';

export interface MemoryRound {
  round: number;
  /** Interactions and mentions sent so far. */
  total: number;
  figures: LoadFigures;
  after: Memory;
}

/**
 * The fake's records and errors are dropped after each round (`forgetHistory`, `takeErrors`), so the heap
 * shows what the bot keeps.
 * Round 1 includes warm-up (JIT, caches), so flatness is judged from round 2 on.
 */
export async function runMemoryRounds(opts: { rounds: number; size: number; concurrency: number | 'all'; seed?: number }): Promise<{ start: Memory; rounds: MemoryRound[] }> {
  const bot = await startBot({ cooldownSeconds: 0, textChannels: 4, keepLogs: false });
  try {
    const start = memory();
    const rounds: MemoryRound[] = [];
    for (let round = 1; round <= opts.rounds; round++) {
      const figures = await runLoad({ n: opts.size, concurrency: opts.concurrency, bot, seed: (opts.seed ?? 1) + round });
      bot.fake.forgetHistory();
      bot.fake.takeErrors(); // already counted in the round's figures
      rounds.push({ round, total: round * opts.size, figures, after: memory() });
    }
    return { start, rounds };
  } finally {
    await stopQuietly(bot);
  }
}
