// Small measuring tools shared by the benchmark scripts: timings, percentiles, the machine they ran on.
import { cpus, totalmem } from 'node:os';

export interface Percentiles {
  p50: number;
  p99: number;
  max: number;
  n: number;
}

/** Nearest-rank percentiles of a list of samples (milliseconds). */
export function percentiles(samples: readonly number[]): Percentiles {
  if (samples.length === 0) return { p50: Number.NaN, p99: Number.NaN, max: Number.NaN, n: 0 };
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return { p50: at(0.5), p99: at(0.99), max: sorted.at(-1)!, n: sorted.length };
}

/** Milliseconds each call of `run` took, once per input. */
export function timeEach<T>(inputs: readonly T[], run: (input: T) => unknown): number[] {
  return inputs.map((input) => {
    const started = performance.now();
    run(input);
    return performance.now() - started;
  });
}

const gc = (globalThis as { gc?: () => void }).gc;

/** Heap and RSS in MB, after a full collection when node runs with --expose-gc. */
export function memoryMb(): { heap: number; rss: number; collected: boolean } {
  gc?.();
  const { heapUsed, rss } = process.memoryUsage();
  return { heap: heapUsed / 2 ** 20, rss: rss / 2 ** 20, collected: gc !== undefined };
}

export function machine(): string {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  return `${cpu}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${process.platform}`;
}

export const ms = (value: number, digits = 2) => (Number.isFinite(value) ? value.toFixed(digits) : '–');
