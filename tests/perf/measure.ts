// Measuring tools shared by the benchmark and load scripts: timings, percentiles, memory, seeds, the machine.
import { cpus, totalmem } from 'node:os';

export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  n: number;
}

/** Nearest-rank percentiles of samples in ms; NaN (shown as "–") for no samples. */
export function percentiles(samples: readonly number[]): Percentiles {
  if (samples.length === 0) return { p50: Number.NaN, p95: Number.NaN, p99: Number.NaN, max: Number.NaN, n: 0 };
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted.at(-1)!, n: sorted.length };
}

/** Milliseconds each call of `run` took, once per input. */
export function timeEach<T>(inputs: readonly T[], run: (input: T) => unknown): number[] {
  return inputs.map((input) => {
    const started = performance.now();
    run(input);
    return performance.now() - started;
  });
}

export interface Memory {
  heapMb: number;
  rssMb: number;
  /** False when node ran without --expose-gc: the heap figure then includes garbage. */
  afterGc: boolean;
}

const gc = (globalThis as { gc?: () => void }).gc;

export function memory(): Memory {
  gc?.();
  const { heapUsed, rss } = process.memoryUsage();
  return { heapMb: heapUsed / 2 ** 20, rssMb: rss / 2 ** 20, afterGc: gc !== undefined };
}

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32), so a seed replays the same run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** CPU model, cores, memory and Node version, printed with every table of figures. */
export function machine(): string {
  const cores = cpus();
  return `${cores[0]?.model.trim() ?? 'unknown CPU'}, ${cores.length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${process.platform}`;
}

export const ms = (value: number, digits = 2) => (Number.isFinite(value) ? value.toFixed(digits) : '–');
