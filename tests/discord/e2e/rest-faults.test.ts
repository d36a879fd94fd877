// REST faults (rate limits, 5xx, hung requests, lost answers): the bot retries where Discord allows, gives up cleanly, answers once.
import type { APIMessage } from 'discord.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CALLBACK_ROUTE, type FakeDiscord, type Fault, type InteractionHandle, type RecordedRequest } from '../../fake-discord/index.ts';
import { repliesIn, replyTo } from './channel-replies.ts';
import { botPerTest, sharedEngine, type BotOptions, type BotUnderTest } from './harness.ts';

const MESSAGES = 'POST /channels/:channelId/messages';
/**
 * Shorter than production (DEFAULT_REST_POLICY) but long enough for login and happy paths on a loaded machine; the
 * tests of hung requests shorten it further for themselves.
 */
const QUICK: BotOptions['rest'] = { timeoutMs: 2_000 };

// Index the knowledge base once, before the clock of the first test starts.
beforeAll(() => void sharedEngine());
/** A fault must never surface as an unhandled rejection (in production that is only a log line, but still a bug). */
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => void unhandled.push(reason);
beforeAll(() => void process.on('unhandledRejection', onUnhandled));
afterAll(() => void process.off('unhandledRejection', onUnhandled));
afterEach(() => void expect(unhandled.splice(0)).toEqual([]));
// Registered after the check above: vitest runs afterEach hooks last-registered first, so the bot stops before it.
const startBot = botPerTest();

const started = (rest: BotOptions['rest'] = QUICK): Promise<BotUnderTest> => startBot({ rest });

const ask = (fake: FakeDiscord, question = 'What is PVH?', user = fake.defaultUser) =>
  fake.slashCommand({ name: 'xen', subcommand: 'ask', options: { question }, user });

const mention = (fake: FakeDiscord, content = 'What is PVH?') =>
  fake.messageCreate({ content, mentions: [fake.botUser], author: fake.createUser({ username: 'asker' }) });

const callbacksOf = (fake: FakeDiscord, id: string): RecordedRequest[] => fake.requests.filter((r) => r.route === CALLBACK_ROUTE && r.params.interactionId === id);

/** Waits until the bot gave up on the answer to `handle` and on the apology too; returns the error logged for the answer. */
async function gaveUp(b: BotUnderTest, handle: InteractionHandle, timeout = 5_000): Promise<unknown> {
  await expect.poll(() => b.logs.find((l) => l.msg === 'could not send the apology' && l.interactionId === handle.id), { timeout }).toBeDefined();
  return b.logs.find((l) => l.msg === 'interaction failed' && l.interactionId === handle.id)?.err;
}

/** For a test that leaves an interaction unanswered on purpose: wait until the fake gave up on it, then clear that error. */
async function expectUnansweredOnly(fake: FakeDiscord): Promise<void> {
  await fake.waitForError((e) => e.kind === 'interaction');
  expect(fake.takeErrors().map((e) => e.message)).toEqual([expect.stringMatching(/was not acknowledged within 3000ms/)]);
}

describe('rate limits (429)', () => {
  it.each([
    ['per route', false],
    ['global', true],
  ])('GIVEN the interaction callback is rate-limited (%s) for 1 s THEN the bot waits it out and answers once, within the window', async (_scope, global) => {
    const { fake } = await started();
    const fault = fake.injectFault({ match: CALLBACK_ROUTE, status: 429, retryAfter: 1, global });
    const handle = ask(fake);
    expect((await handle.response()).data?.embeds).toHaveLength(1);
    expect(fault.hits.items).toHaveLength(1);
    expect(callbacksOf(fake, handle.id).map((r) => r.status)).toEqual([429, 204]);
    expect(handle.state.callback!.at - handle.state.createdAt).toBeGreaterThanOrEqual(1_000);
  });

  it('GIVEN the callback is rate-limited for longer than the 3 s window THEN the bot gives up at once, logs it and keeps serving', async () => {
    const b = await started();
    const { fake } = b;
    const fault = fake.injectFault({ match: CALLBACK_ROUTE, status: 429, retryAfter: 5, times: Infinity });
    const handle = ask(fake);
    expect(await gaveUp(b, handle)).toMatchObject({ type: 'RateLimitError' });
    expect(fault.hits.items).toHaveLength(2); // the answer and the apology, each tried once: no 5 s wait
    fault.remove();
    expect((await ask(fake, 'What is PVH?', fake.createUser({ username: 'next' })).response()).data?.embeds).toHaveLength(1);
    await expectUnansweredOnly(fake);
  });

  it('GIVEN the callback is rate-limited for 1 s again and again THEN the bot stops waiting once the next wait would end past the 3 s window', async () => {
    const b = await started();
    const { fake } = b;
    const fault = fake.injectFault({ match: CALLBACK_ROUTE, status: 429, retryAfter: 1, times: Infinity });
    const handle = ask(fake);
    expect(await gaveUp(b, handle, 8_000)).toMatchObject({ type: 'RateLimitError' });
    // Waits of 1 s from the start of the window: the answer is tried at about 0, 1 and 2 s, the apology once.
    expect(fault.hits.items.length).toBeLessThanOrEqual(4);
    fault.remove();
    await expectUnansweredOnly(fake);
  });

  // 3 s (under the 10 s cap), so "not yet" holds even if answering the other user is slow on a loaded machine.
  it('GIVEN channel replies are rate-limited for 3 s (per route) THEN the reply is posted once after the wait, and a slash command from someone else is answered meanwhile', async () => {
    const { fake } = await started();
    const fault = fake.injectFault({ match: MESSAGES, status: 429, retryAfter: 3 });
    const question = mention(fake);
    await fault.waitForHit();
    const other = ask(fake, 'What is PVH?', fake.createUser({ username: 'other' }));
    expect((await other.response()).data?.embeds).toHaveLength(1);
    expect(repliesIn(fake, question)).toHaveLength(0); // the answer to the other user did not queue behind the limit
    const reply = await replyTo(fake, question);
    expect(reply.embeds[0]?.footer?.text).toMatch(/^pvh-guests/);
    expect(repliesIn(fake, question)).toHaveLength(1);
  });

  it('GIVEN a global rate limit on channel replies THEN the reply waits it out, and interaction callbacks (not bound by the global limit) go through meanwhile', async () => {
    const { fake } = await started();
    const fault = fake.injectFault({ match: MESSAGES, status: 429, retryAfter: 3, global: true });
    const question = mention(fake);
    await fault.waitForHit();
    expect((await ask(fake, 'What is PVH?', fake.createUser({ username: 'other' })).response()).data?.embeds).toHaveLength(1);
    expect(repliesIn(fake, question)).toHaveLength(0);
    await replyTo(fake, question);
    expect(repliesIn(fake, question)).toHaveLength(1);
  });
});

describe('server errors (5xx)', () => {
  it('GIVEN the callback fails once with 500 THEN the bot retries it and answers', async () => {
    const { fake } = await started();
    fake.injectFault({ match: CALLBACK_ROUTE, status: 500 });
    const handle = ask(fake);
    expect((await handle.response()).data?.embeds).toHaveLength(1);
    expect(callbacksOf(fake, handle.id).map((r) => r.status)).toEqual([500, 204]);
  });

  it('GIVEN a channel reply fails once with 502 THEN the bot retries it and replies once', async () => {
    const { fake } = await started();
    fake.injectFault({ match: MESSAGES, status: 502 });
    const question = mention(fake);
    await replyTo(fake, question);
    expect(repliesIn(fake, question)).toHaveLength(1);
  });

  it('GIVEN channel replies fail with 500 every time THEN the bot tries 3 times, logs the failure and still answers the next question', async () => {
    const b = await started();
    const { fake } = b;
    const fault = fake.injectFault({ match: MESSAGES, status: 500, times: Infinity });
    const question = mention(fake);
    await expect.poll(() => b.logs.find((l) => l.msg === 'message handling failed' && l.messageId === question.id), { timeout: 5_000 }).toBeDefined();
    expect(fault.hits.items).toHaveLength(3); // the first try and two retries
    expect(repliesIn(fake, question)).toHaveLength(0);
    fault.remove();
    const next = mention(fake, 'What is PVH?');
    await replyTo(fake, next);
  });

  it('GIVEN Discord creates the reply but answers 500 THEN the retry carries the same nonce and exactly one reply exists', async () => {
    const { fake } = await started();
    const fault = fake.injectFault({ match: MESSAGES, commitThenFail: true });
    const question = mention(fake);
    const reply = await replyTo(fake, question);
    const attempts = [...fault.hits.items, ...fake.requests.filter((r) => r.route === MESSAGES && r.status === 200)];
    expect(attempts.map((r) => r.body)).toEqual([
      expect.objectContaining({ nonce: `re${question.id}`, enforce_nonce: true }),
      expect.objectContaining({ nonce: `re${question.id}`, enforce_nonce: true }),
    ]);
    expect(repliesIn(fake, question).map((m) => m.id)).toEqual([reply.id]);
  });
});

describe('requests that never answer', () => {
  it('GIVEN a channel reply hangs THEN the bot times out, retries once, and the late original adds no second reply', async () => {
    const { fake } = await started({ timeoutMs: 400 });
    const fault: Fault = fake.injectFault({ match: MESSAGES, hang: true });
    const question = mention(fake);
    const reply = await replyTo(fake, question);
    const since = fake.requests.length;
    fault.release(); // the held request now reaches "Discord" after all, as a slow request can
    const late = await fake.waitForRequest((r) => r.route === MESSAGES, { since });
    expect((late.response as APIMessage).id).toBe(reply.id); // the nonce made it return the retry's message
    expect(repliesIn(fake, question).map((m) => m.id)).toEqual([reply.id]);
  });

  it('GIVEN the interaction callback hangs THEN the bot gives up when its window closes, does not retry, logs it and keeps serving', async () => {
    // A window shorter than the fake's 3 s, so the bot is the one that gives up, and shorter than the request timeout.
    const b = await started({ timeoutMs: 2_000, callbackWindowMs: 1_000 });
    const { fake } = b;
    const fault = fake.injectFault({ match: CALLBACK_ROUTE, hang: true });
    const handle = ask(fake);
    expect(await gaveUp(b, handle)).toMatchObject({ name: 'InteractionCallbackTimeout' });
    expect(fault.hits.items).toHaveLength(1); // the answer, not retried; the apology is not even sent: the window has closed
    expect((await ask(fake, 'What is PVH?', fake.createUser({ username: 'next' })).response()).data?.embeds).toHaveLength(1);
    await expectUnansweredOnly(fake);
  });
});
