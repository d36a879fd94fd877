// Reloads knowledge/ into the running bot on SIGHUP or SIGUSR2: validate all of it, build the engine, then swap; a broken base changes nothing.
import { openAnswerEngineInWorker } from '../answer/open-in-worker.ts';
import { formatIssue, KnowledgeError } from '../knowledge/issues.ts';
import { readAboutInfo } from './about-info.ts';
import type { BotContext } from './interactions/context.ts';

export type ReloadResult = { ok: true; facts: number; durationMs: number } | { ok: false; problems: string[] };

/**
 * Load and index `dir`, then point `ctx` at the new base in one synchronous step. Never throws: on any problem
 * the error is logged and the base already in service stays. Handlers get a copy of `ctx` per event (bot.ts),
 * so an interaction in flight finishes on the base it started with.
 *
 * Hashing, parsing, validating and indexing the files happen in a worker thread (open-in-worker.ts); this thread
 * only wraps the finished snapshot, so interactions keep being answered while a large base is rebuilt
 * (npm run bench, "reload").
 */
export async function reloadKnowledge(ctx: BotContext, dir: string): Promise<ReloadResult> {
  const started = performance.now();
  try {
    const { engine } = await openAnswerEngineInWorker({ knowledgeDir: dir });
    const about = readAboutInfo(dir);
    ctx.engine = engine;
    ctx.about = about;
    const durationMs = Math.round(performance.now() - started);
    // The count from the index: listing the facts would parse every one of them here, on the event loop.
    const facts = engine.index.factCount;
    ctx.logger.info({ facts, sources: engine.kb.sources.size, durationMs }, 'knowledge base reloaded');
    ctx.metrics?.reloads.inc({ result: 'ok' });
    ctx.metrics?.knowledgeFacts.set(facts);
    return { ok: true, facts, durationMs };
  } catch (error) {
    const problems = error instanceof KnowledgeError ? error.issues.map(formatIssue) : [String((error as Error)?.message ?? error)];
    ctx.metrics?.reloads.inc({ result: 'failed' });
    ctx.logger.error(
      { problems, ...(error instanceof KnowledgeError ? {} : { err: error }) },
      'knowledge reload failed: still serving the previous knowledge base (fix the files, npm run kb:check, then reload again)',
    );
    return { ok: false, problems };
  }
}

/**
 * One reload at a time: a request while one runs is queued once, and every request made meanwhile shares that
 * queued run, which reads the files as they are after the last edit.
 */
export function coalescedReloader(ctx: BotContext, dir: string): () => Promise<ReloadResult> {
  let running: Promise<ReloadResult> | undefined;
  let queued: Promise<ReloadResult> | undefined;
  const request = (): Promise<ReloadResult> => {
    if (!running) {
      running = reloadKnowledge(ctx, dir).finally(() => (running = undefined));
      return running;
    }
    queued ??= running.then(() => {
      queued = undefined;
      return request();
    });
    return queued;
  };
  return request;
}

/** Whether the bot runs in a terminal, where SIGHUP means the terminal went away rather than "reload". */
export const attachedToTerminal = (): boolean => Boolean(process.stdin.isTTY || process.stdout.isTTY || process.stderr.isTTY);

/**
 * SIGHUP reloads, as for Unix daemons, when the bot has no terminal (a service, a container, nohup, logs to a file).
 * In a terminal SIGHUP keeps its default: closing the terminal stops the bot instead of leaving it running orphaned.
 * SIGUSR2 reloads in both cases. Installed before login: Node's default for either signal is to exit.
 * Returns a function that removes the listeners.
 */
export function reloadKnowledgeOnSignals(ctx: BotContext, dir: string, inTerminal: boolean = attachedToTerminal()): () => void {
  const reload = coalescedReloader(ctx, dir);
  const signals: NodeJS.Signals[] = inTerminal ? ['SIGUSR2'] : ['SIGHUP', 'SIGUSR2'];
  const listeners = signals.map((signal) => {
    const listener = () => {
      ctx.logger.info({ signal, dir }, 'reloading the knowledge base');
      void reload();
    };
    process.on(signal, listener);
    return [signal, listener] as const;
  });
  return () => listeners.forEach(([signal, listener]) => process.off(signal, listener));
}
