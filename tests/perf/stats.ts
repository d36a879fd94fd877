// Small figures helpers for the load scripts: percentiles, memory after a forced GC, the machine they ran on.
import { cpus } from 'node:os';

export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentiles in ms; all zero for no samples. */
export function percentiles(samples: readonly number[]): Percentiles {
  if (samples.length === 0) return { p50: 0, p95: 0, p99: 0, max: 0 };
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted.at(-1)! };
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
  return { heapMb: heapUsed / 1024 / 1024, rssMb: rss / 1024 / 1024, afterGc: gc !== undefined };
}

/** CPU model, cores, Node version and date, printed above every table of figures. */
export function machine(): string {
  const cores = cpus();
  return `${cores[0]?.model.trim() ?? 'unknown CPU'}, ${cores.length} cores; Node ${process.version}; ${new Date().toISOString()}`;
}

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32), so a seed replays the same workload. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
