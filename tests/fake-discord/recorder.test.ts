// The recorder's awaitable log: keyed waits see only their key's entries, earlier ones included.
import { describe, expect, it } from 'vitest';
import { WaitableLog } from './recorder.ts';

interface Entry {
  key?: string;
  n: number;
}

const log = () => new WaitableLog<Entry>((e) => `${e.key ?? '-'}#${e.n}`, (e) => (e.key ? [e.key] : []));

describe('WaitableLog', () => {
  it('GIVEN entries under several keys THEN a keyed wait resolves with an entry of its key only', async () => {
    const entries = log();
    const waited = entries.wait((e) => e.n > 1, {}, 'entry', 'a');
    entries.push({ key: 'b', n: 5 });
    entries.push({ key: 'a', n: 1 });
    entries.push({ key: 'a', n: 2 });
    expect(await waited).toEqual({ key: 'a', n: 2 });
  });

  it('GIVEN the entry arrived before the wait THEN the keyed wait still finds it, unless `since` skips it', async () => {
    const entries = log();
    entries.push({ key: 'a', n: 1 });
    expect(await entries.wait(() => true, {}, 'entry', 'a')).toEqual({ key: 'a', n: 1 });
    const later = entries.wait(() => true, { since: entries.items.length }, 'entry', 'a');
    entries.push({ key: 'a', n: 2 });
    expect(await later).toEqual({ key: 'a', n: 2 });
  });

  it('GIVEN keyed and unkeyed entries THEN withKey lists the key’s entries in order and unkeyed waits see everything', async () => {
    const entries = log();
    entries.push({ n: 0 });
    entries.push({ key: 'a', n: 1 });
    entries.push({ key: 'a', n: 2 });
    expect(entries.withKey('a').map((e) => e.n)).toEqual([1, 2]);
    expect(entries.withKey('a', 2).map((e) => e.n)).toEqual([2]);
    expect(entries.withKey('nothing')).toEqual([]);
    expect(await entries.wait((e) => e.key === undefined)).toEqual({ n: 0 });
  });

  it('GIVEN nothing arrives THEN the wait times out naming the last entries seen', async () => {
    const entries = log();
    for (let n = 0; n < 20; n++) entries.push({ key: 'b', n });
    const message = await entries.wait(() => true, { timeoutMs: 10 }, 'an a', 'a').then(
      () => 'resolved',
      (e: unknown) => (e as Error).message,
    );
    expect(message).toMatch(/^Timed out after 10ms waiting for an a/);
    expect(message).toContain('b#19');
    expect(message).toContain('b#5');
    expect(message).not.toContain('b#4');
  });
});

describe('WaitableLog.clear', () => {
  it('GIVEN a cleared log THEN old entries are gone from items, keys and waits, and new ones are seen', async () => {
    const entries = log();
    entries.push({ key: 'a', n: 1 });
    entries.clear();
    expect(entries.items).toEqual([]);
    expect(entries.withKey('a')).toEqual([]);
    const next = entries.wait(() => true, {}, 'entry', 'a');
    entries.push({ key: 'a', n: 2 });
    expect(await next).toEqual({ key: 'a', n: 2 });
  });
});
