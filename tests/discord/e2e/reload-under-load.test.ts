// A knowledge reload of a base ten times the real one, with /xen ask arriving every 50 ms all along: the rebuild
// runs in a worker thread, so every command is answered within Discord's 3 s (the fake refuses later responses).
// How late, and the event loop's delay, are figures of npm run bench (docs/performance.md), not asserted here.
import { describe, expect, it } from 'vitest';
import { measureReloadUnderLoad } from '../../perf/reload-under-load.ts';
import { sharedEngine } from './harness.ts';

describe('reloading a large knowledge base', () => {
  it('GIVEN a 10x base reloading THEN slash commands sent every 50 ms are all answered in time, then from the new base', { timeout: 240_000 }, async () => {
    const figures = await measureReloadUnderLoad(10, sharedEngine());

    expect(figures.result).toMatchObject({ ok: true, facts: 10 * sharedEngine().index.factCount });
    // Seconds of rebuild: dozens of commands arrived while it ran, and each got its answer within Discord's 3 s.
    expect(figures.latencyMs.n).toBeGreaterThan(20);
    expect({ late: figures.late, failed: figures.failed }).toEqual({ late: 0, failed: 0 });
    // A copy's name is known only to the new base.
    expect(figures.afterReload).toMatch(/copy3/);
  });
});
