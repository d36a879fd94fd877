// The graceful stop: the in-flight tracker refuses new work once draining and reports what it left behind, and the
// disconnect is bounded so a silent Discord cannot hold the process.
import { describe, expect, it } from 'vitest';
import { InFlight, settlesWithin } from '../../src/discord/shutdown.ts';

/** A promise the test settles by hand. */
function gate(): { promise: Promise<void>; open: () => void; fail: () => void } {
  let open!: () => void;
  let fail!: () => void;
  const promise = new Promise<void>((resolve, reject) => ((open = resolve), (fail = () => reject(new Error('handler failed')))));
  return { promise, open, fail };
}

describe('InFlight', () => {
  it('GIVEN work that finishes within the bound THEN drain waits for it and reports it finished', async () => {
    const inFlight = new InFlight();
    const work = gate();
    let done = false;
    inFlight.run(() => work.promise.then(() => (done = true)));
    const drained = inFlight.drain(5_000);
    work.open();
    expect(await drained).toEqual({ finished: 1, abandoned: 0 });
    expect(done).toBe(true);
    expect(inFlight.size).toBe(0);
  });

  it('GIVEN work that fails THEN drain counts it as finished (the handler logged it) and nothing is rejected', async () => {
    const inFlight = new InFlight();
    const work = gate();
    inFlight.run(() => work.promise);
    const drained = inFlight.drain(5_000);
    work.fail();
    expect(await drained).toEqual({ finished: 1, abandoned: 0 });
  });

  it('GIVEN work still running at the bound THEN drain returns and reports it abandoned', async () => {
    const inFlight = new InFlight();
    inFlight.run(() => gate().promise);
    expect(await inFlight.drain(20)).toEqual({ finished: 0, abandoned: 1 });
  });

  it('GIVEN a drain has started THEN new work is refused and never runs', async () => {
    const inFlight = new InFlight();
    await inFlight.drain(0);
    let ran = false;
    expect(inFlight.run(async () => void (ran = true))).toBe(false);
    expect(ran).toBe(false);
    expect(inFlight.accepting).toBe(false);
  });
});

describe('settlesWithin (bounds the disconnect at shutdown)', () => {
  it('GIVEN a disconnect Discord never acknowledges THEN it gives up at the bound and says so', async () => {
    expect(await settlesWithin(new Promise(() => {}), 20)).toBe(false);
  });

  it('GIVEN a disconnect that completes or fails within the bound THEN it says it settled', async () => {
    const work = gate();
    const done = settlesWithin(work.promise, 5_000);
    work.open();
    expect(await done).toBe(true);
    const failing = gate();
    const failed = settlesWithin(failing.promise, 5_000);
    failing.fail();
    expect(await failed).toBe(true);
  });
});
