// Waiting for, counting and ruling out the bot's replies to channel messages.
import type { APIMessage } from 'discord.js';
import { expect } from 'vitest';
import type { FakeDiscord, RecordedRequest } from '../../fake-discord/index.ts';

const MESSAGES = 'POST /channels/:channelId/messages';

/** The bot's reply to one message (waits for it). */
export function replyTo(fake: FakeDiscord, question: APIMessage): Promise<APIMessage> {
  return fake.waitForReplyTo(question);
}

/**
 * The replies to `question` that exist in the channel: the count users see. A retry that Discord deduplicated by
 * its nonce is no second message, so it counts once.
 */
export function repliesIn(fake: FakeDiscord, question: APIMessage): APIMessage[] {
  return fake.channelMessages().filter((m) => m.message_reference?.message_id === question.id);
}

/** The accepted requests that posted a reply to `question`, to inspect what the bot sent (not to count replies). */
export function replyRequests(fake: FakeDiscord, question: APIMessage): RecordedRequest[] {
  return fake.requests.filter((r) => r.route === MESSAGES && r.status < 300 && (r.response as APIMessage).message_reference?.message_id === question.id);
}

/**
 * Resolves once the bot has handled every earlier event: gateway events are handled in order, so the reply to a
 * later question from another user, which it always answers, comes after them.
 */
export async function allHandled(fake: FakeDiscord): Promise<void> {
  const sentinel = fake.messageCreate({ content: 'What is PVH?', mentions: [fake.botUser], author: fake.createUser({ username: 'sentinel' }) });
  await replyTo(fake, sentinel);
}

/** Proves the bot ignored `ignored`: once every earlier event is handled, no reply to it exists. */
export async function expectIgnored(fake: FakeDiscord, ignored: APIMessage): Promise<void> {
  await allHandled(fake);
  expect(repliesIn(fake, ignored)).toEqual([]);
}
