// The fake's fault injection on its own: what a faulted request gets back, and the nonce dedupe Discord applies.
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeDiscord, startFakeDiscord } from './index.ts';

const TOKEN = 'fault-test-token';
const MESSAGES = 'POST /channels/:channelId/messages';
let fake: FakeDiscord | undefined;

afterEach(async () => {
  try {
    fake?.assertNoErrors();
  } finally {
    await fake?.close();
    fake = undefined;
  }
});

async function started(): Promise<FakeDiscord> {
  fake = await startFakeDiscord({ token: TOKEN });
  return fake;
}

/** A bot-authenticated message create, as raw HTTP so the test sees exactly what the fake answers. */
function post(f: FakeDiscord, body: Record<string, unknown>): Promise<Response> {
  return fetch(`${f.restUrl}/api/v10/channels/${f.textChannelId()}/messages`, {
    method: 'POST',
    headers: { authorization: `Bot ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

describe('injected REST faults', () => {
  it('GIVEN a per-route 429 THEN answers with Retry-After, the bucket headers and the JSON body Discord sends, once', async () => {
    const f = await started();
    const fault = f.injectFault({ match: MESSAGES, status: 429, retryAfter: 1.5 });
    const limited = await post(f, { content: 'hi' });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(limited.headers.get('x-ratelimit-reset-after')).toBe('1.5');
    expect(limited.headers.get('x-ratelimit-scope')).toBe('user');
    expect(limited.headers.has('x-ratelimit-global')).toBe(false);
    expect(await limited.json()).toMatchObject({ retry_after: 1.5, global: false });
    expect((await post(f, { content: 'hi' })).status).toBe(200);
    expect(fault.hits.items).toHaveLength(1);
    expect(f.channelMessages()).toHaveLength(1);
  });

  it('GIVEN a global 429 THEN says so in the headers and the body', async () => {
    const f = await started();
    f.injectFault({ match: MESSAGES, status: 429, retryAfter: 1, global: true });
    const limited = await post(f, { content: 'hi' });
    expect(limited.headers.get('x-ratelimit-global')).toBe('true');
    expect(limited.headers.get('x-ratelimit-scope')).toBe('global');
    expect(await limited.json()).toMatchObject({ retry_after: 1, global: true });
  });

  it('GIVEN a 500 `times: 2` THEN the first two requests fail without creating anything and the third succeeds', async () => {
    const f = await started();
    f.injectFault({ match: (r) => r.method === 'POST' && r.path.endsWith('/messages'), status: 500, times: 2 });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await post(f, { content: `try ${i}` })).status);
    expect(statuses).toEqual([500, 500, 200]);
    expect(f.channelMessages().map((m) => m.content)).toEqual(['try 2']);
  });

  it('GIVEN a hanging fault THEN the request gets no answer until released, and then runs normally', async () => {
    const f = await started();
    const fault = f.injectFault({ match: MESSAGES, hang: true });
    let answered = false;
    const pending = post(f, { content: 'held' }).then((res) => ((answered = true), res));
    await fault.waitForHit();
    // A later request (the fault holds only one) answered while the first is still held: no fixed sleep needed.
    expect((await post(f, { content: 'after' })).status).toBe(200);
    expect(answered).toBe(false);
    expect(f.channelMessages().map((m) => m.content)).toEqual(['after']);
    fault.release();
    expect((await pending).status).toBe(200);
    expect(f.channelMessages().map((m) => m.content)).toEqual(['after', 'held']);
  });

  it('GIVEN commit-then-fail THEN the message exists although the request answered 500', async () => {
    const f = await started();
    f.injectFault({ match: MESSAGES, commitThenFail: true });
    expect((await post(f, { content: 'lost answer' })).status).toBe(500);
    expect(f.channelMessages().map((m) => m.content)).toEqual(['lost answer']);
  });
});

describe('enforce_nonce', () => {
  it('GIVEN the same nonce with enforce_nonce THEN the retry returns the first message instead of a second one', async () => {
    const f = await started();
    f.injectFault({ match: MESSAGES, commitThenFail: true });
    expect((await post(f, { content: 'once', nonce: 're123', enforce_nonce: true })).status).toBe(500);
    const retry = await post(f, { content: 'once', nonce: 're123', enforce_nonce: true });
    expect(retry.status).toBe(200);
    const [only] = f.channelMessages();
    expect(f.channelMessages()).toHaveLength(1);
    expect(((await retry.json()) as { id: string }).id).toBe(only?.id);
  });

  it('GIVEN the same nonce without enforce_nonce, or another nonce THEN each request creates a message', async () => {
    const f = await started();
    await post(f, { content: 'a', nonce: 'n1' });
    await post(f, { content: 'b', nonce: 'n1' });
    await post(f, { content: 'c', nonce: 'n2', enforce_nonce: true });
    await post(f, { content: 'd', nonce: 'n3', enforce_nonce: true });
    expect(f.channelMessages().map((m) => m.content)).toEqual(['a', 'b', 'c', 'd']);
  });
});
