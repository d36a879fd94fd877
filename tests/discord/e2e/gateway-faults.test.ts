// Gateway faults a busy bot meets (reconnect requests, drops, zombie connections, invalid sessions): it comes back and answers.
import { beforeAll, describe, expect, it } from 'vitest';
import type { FakeDiscord, GatewayEvent } from '../../fake-discord/index.ts';
import { botPerTest, sharedEngine, type BotOptions } from './harness.ts';

const Op = { Identify: 2, Resume: 6, InvalidSession: 9 } as const;
/**
 * discord.js waits 500 ms before reconnecting, then resumes at once; a new IDENTIFY also waits for Discord's
 * identify rate limit (one per 5 s, counted from the first login a moment before).
 */
const BACK_WITHIN_MS = 10_000;

// Index the knowledge base once, before the clock of the first test starts.
beforeAll(() => void sharedEngine());
const startBot = botPerTest();

async function started(options: BotOptions = {}): Promise<FakeDiscord> {
  return (await startBot(options)).fake;
}

/** How the bot came back after `since`: it resumed its session or identified a new one (whichever it sent first). */
async function cameBackBy(fake: FakeDiscord, since: number): Promise<'resumed' | 'identified'> {
  const first = await fake.waitForGateway((e) => e.kind === 'received' && (e.op === Op.Resume || e.op === Op.Identify), { since, timeoutMs: BACK_WITHIN_MS });
  const done = first.op === Op.Resume ? 'RESUMED' : 'READY';
  await fake.waitForGateway((e) => e.kind === 'sent' && e.t === done, { since, timeoutMs: BACK_WITHIN_MS });
  return first.op === Op.Resume ? 'resumed' : 'identified';
}

/** The next question is answered with the cited fact. */
async function answersNextQuestion(fake: FakeDiscord): Promise<void> {
  const body = await fake.slashCommand({ name: 'xen', subcommand: 'ask', options: { question: 'What is PVH?' } }).response();
  expect(body.data?.embeds?.[0]?.footer?.text).toMatch(/^pvh-guests/);
}

const sessionsIdentified = (events: readonly GatewayEvent[]): number => events.filter((e) => e.kind === 'sent' && e.t === 'READY').length;

describe('gateway faults', () => {
  it.each<{ fault: string; inject: (fake: FakeDiscord) => unknown; expected: 'resumed' | 'identified' }>([
    { fault: 'Discord asks for a reconnect (op 7)', inject: (fake) => fake.requestReconnect(), expected: 'resumed' },
    { fault: 'Discord closes with 4000 (unknown error)', inject: (fake) => fake.disconnect({ code: 4000 }), expected: 'resumed' },
    { fault: 'a resumable invalid session (op 9, true)', inject: (fake) => fake.invalidateSession(true), expected: 'resumed' },
    { fault: 'a non-resumable invalid session (op 9, false)', inject: (fake) => fake.invalidateSession(false), expected: 'identified' },
    // discord.js does not resume after a 1000.
    { fault: 'Discord closes with 1000', inject: (fake) => fake.disconnect({ code: 1000 }), expected: 'identified' },
  ])('GIVEN $fault THEN the bot has $expected a session and answers', async ({ inject, expected }) => {
    const fake = await started();
    const since = fake.gatewayEvents.length;
    inject(fake);
    expect(await cameBackBy(fake, since)).toBe(expected);
    // A new session is a second READY; a resumed one is not.
    expect(sessionsIdentified(fake.gatewayEvents)).toBe(expected === 'identified' ? 2 : 1);
    await answersNextQuestion(fake);
  });

  it('GIVEN heartbeats stop being acknowledged (zombie connection) THEN the bot drops the socket, resumes and answers', async () => {
    const fake = await started({ fake: { heartbeatIntervalMs: 250 } });
    const since = fake.gatewayEvents.length;
    fake.ackHeartbeats(false);
    // discord.js notices at the next heartbeat that the previous one was never acknowledged and closes with 4200.
    const closed = await fake.waitForGateway((e) => e.kind === 'close', { since, timeoutMs: BACK_WITHIN_MS });
    expect(closed.code).toBe(4200);
    fake.ackHeartbeats(true);
    expect(await cameBackBy(fake, since)).toBe('resumed');
    await answersNextQuestion(fake);
  });

  it('GIVEN an interaction dispatched while the socket is down THEN the resume replays it and it is answered within the 3 s window', async () => {
    const fake = await started();
    const since = fake.gatewayEvents.length;
    fake.disconnect({ abrupt: true });
    const missed = fake.slashCommand({ name: 'xen', subcommand: 'ask', options: { question: 'What is PVH?' } });
    expect(await cameBackBy(fake, since)).toBe('resumed');
    const replayed = fake.gatewayEvents.slice(since).find((e) => e.kind === 'sent' && e.t === 'INTERACTION_CREATE');
    expect(replayed).toBeDefined();
    const body = await missed.response();
    expect(body.data?.embeds?.[0]?.footer?.text).toMatch(/^pvh-guests/);
    // The fake refuses (10062) and records any initial response later than the window, so stop() would fail too.
    expect(missed.state.callback!.at - missed.state.createdAt).toBeLessThan(3_000);
  });
});
