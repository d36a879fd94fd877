// Graceful stop: take no new work, let in-flight handlers finish within a bound, then disconnect.
import type { Client } from 'discord.js';
import type { Logger } from '../log/logger.ts';

/** Handlers running now; once closed, new work is refused so a stopping bot starts nothing it cannot finish. */
export class InFlight {
  private readonly running = new Set<Promise<void>>();
  private open = true;

  get size(): number {
    return this.running.size;
  }

  get accepting(): boolean {
    return this.open;
  }

  /** Runs `work` and tracks it until it settles; returns false (and runs nothing) once closed. */
  run(work: () => Promise<unknown>): boolean {
    if (!this.open) return false;
    const done: Promise<void> = work()
      .then(() => undefined, () => undefined) // the handler logs its own failures
      .finally(() => this.running.delete(done));
    this.running.add(done);
    return true;
  }

  /** Closes, then waits until everything running has settled or `graceMs` passed; says how many were left. */
  async drain(graceMs: number): Promise<{ finished: number; abandoned: number }> {
    this.open = false;
    const started = this.running.size;
    if (started === 0) return { finished: 0, abandoned: 0 };
    let timer: NodeJS.Timeout | undefined;
    const bound = new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)));
    await Promise.race([Promise.allSettled([...this.running]), bound]);
    clearTimeout(timer);
    return { finished: started - this.running.size, abandoned: this.running.size };
  }
}

/** Resolves true when `work` settles within `ms`, false when the bound passes first (`work` is left running). */
export async function settlesWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  const settled = work.then(() => true as const, () => true as const);
  try {
    return await Promise.race([settled, bound]);
  } finally {
    clearTimeout(timer);
  }
}

/** Closing the gateway waits for Discord's close frame, up to 30 s from a silent peer; the process exits anyway. */
export const DISCONNECT_BOUND_MS = 2_000;

export interface ShutdownOptions {
  client: Client;
  inFlight: InFlight;
  logger: Logger;
  graceMs: number;
  signal: string;
}

/** Drains, logs what was finished or abandoned, and disconnects within a bound; the caller exits afterwards. */
export async function shutdown({ client, inFlight, logger, graceMs, signal }: ShutdownOptions): Promise<void> {
  logger.info({ signal, inFlight: inFlight.size, graceMs }, 'shutting down');
  const { finished, abandoned } = await inFlight.drain(graceMs);
  if (abandoned > 0) logger.warn({ finished, abandoned, graceMs }, 'abandoned in-flight work still running at the shutdown bound');
  else if (finished > 0) logger.info({ finished }, 'in-flight work finished');
  if (!(await settlesWithin(client.destroy(), DISCONNECT_BOUND_MS))) logger.warn({ boundMs: DISCONNECT_BOUND_MS }, 'Discord did not acknowledge the disconnect in time; exiting anyway');
}
