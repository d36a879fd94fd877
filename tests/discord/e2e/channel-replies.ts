// Waiting for, listing and ruling out the bot's replies to channel messages.
import type { APIMessage } from 'discord.js';
import { expect } from 'vitest';
import type { RecordedRequest } from '../../fake-discord/index.ts';
import type { BotUnderTest } from './harness.ts';

/** The bot's reply to one message (waits for it). */
export function replyTo(b: BotUnderTest, question: APIMessage): Promise<APIMessage> {
  return b.fake.waitForBotMessage((m) => m.message_reference?.message_id === question.id);
}

/** Accepted requests that posted a reply to `question`. */
export function repliesTo(b: BotUnderTest, question: APIMessage): RecordedRequest[] {
  return b.fake.requests.filter(
    (r) => r.route === 'POST /channels/:channelId/messages' && r.status < 300 && (r.response as APIMessage).message_reference?.message_id === question.id,
  );
}

/**
 * Resolves once the bot has handled every earlier event: gateway events are handled in order, so the reply to a
 * later question from another user, which it always answers, comes after them.
 */
export async function allHandled(b: BotUnderTest): Promise<void> {
  const sentinel = b.fake.messageCreate({ content: 'What is PVH?', mentions: [b.fake.botUser], author: b.fake.createUser({ username: 'sentinel' }) });
  await replyTo(b, sentinel);
}

/** Proves the bot ignored `ignored`: once every earlier event is handled, no reply to it exists. */
export async function expectIgnored(b: BotUnderTest, ignored: APIMessage): Promise<void> {
  await allHandled(b);
  expect(repliesTo(b, ignored)).toEqual([]);
}
