// A knowledge reload of a large base while /xen ask arrives every 50 ms, through the real bot and the fake Discord:
// how late the answers get and how long the event loop is held. Used by the reload test and by npm run bench.
import { rmSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AnswerEngine } from '../../src/answer/engine.ts';
import { reloadKnowledge, type ReloadResult } from '../../src/discord/knowledge-reload.ts';
import { messages } from '../../src/i18n/messages.ts';
import { startBot } from '../discord/e2e/start-bot.ts';
import { percentiles, type Percentiles } from './measure.ts';
import { writeSyntheticKnowledge } from './synthetic-knowledge.ts';

const APOLOGIES = [messages('en').apology, messages('fr').apology];
const QUESTIONS = ['What is PVH?', 'xl migrate', 'dom0_mem', 'Quand Xen 4.4 est-il sorti ?', 'FIFO event channels', 'credit2'];
export const INTERVAL_MS = 50;

export interface ReloadFigures {
  times: number;
  result: ReloadResult;
  /** Commands sent while the reload ran, and their latency from dispatch to the fake receiving the answer. */
  latencyMs: Percentiles;
  /** Replies that came after Discord's 3 s, and replies that were no answer (nothing, or the bot's apology). */
  late: number;
  failed: number;
  eventLoopDelayMs: { p99: number; max: number };
  /** The bot's answer to a question only the new base knows, once the reload is over. */
  afterReload: string;
}

/** `sourceDir`: the base multiplied (the shipped one by default). */
export async function measureReloadUnderLoad(times: number, engine: AnswerEngine, sourceDir?: string): Promise<ReloadFigures> {
  const dir = writeSyntheticKnowledge(times, sourceDir);
  const bot = await startBot({ engine, keepLogs: false });
  try {
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    let reloading = true;
    const reload = reloadKnowledge(bot.ctx, dir).finally(() => (reloading = false));
    const sent: Array<Promise<{ ms: number; answered: boolean }>> = [];
    for (let i = 0; reloading; i++) {
      const started = performance.now();
      const question = QUESTIONS[i % QUESTIONS.length]!;
      sent.push(
        bot.fake
          .slashCommand({ name: 'xen', subcommand: 'ask', options: { question } })
          .response()
          .then((r) => ({ ms: performance.now() - started, answered: r.type === 4 && !APOLOGIES.includes(r.data?.content ?? '') && Boolean(r.data?.embeds?.length || r.data?.components?.length) })),
      );
      await sleep(INTERVAL_MS);
    }
    const result = await reload;
    const answers = await Promise.all(sent);
    delay.disable();
    const after = await bot.fake.slashCommand({ name: 'xen', subcommand: 'ask', options: { question: 'PVH (copy 3)' } }).response();
    return {
      times,
      result,
      latencyMs: percentiles(answers.map((a) => a.ms)),
      late: answers.filter((a) => a.ms >= 3000).length,
      failed: answers.filter((a) => !a.answered).length,
      eventLoopDelayMs: { p99: delay.percentile(99) / 1e6, max: delay.max / 1e6 },
      afterReload: JSON.stringify(after.data ?? {}),
    };
  } finally {
    await bot.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
