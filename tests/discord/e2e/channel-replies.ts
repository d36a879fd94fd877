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
 * Proves the bot ignored `ignored`: a later question from another user that it does answer shows it has processed
 * the earlier events (gateway events are handled in order), and by then no reply to `ignored` exists.
 */
export async function expectIgnored(b: BotUnderTest, ignored: APIMessage): Promise<void> {
  const sentinel = b.fake.messageCreate({ content: 'What is PVH?', mentions: [b.fake.botUser], author: b.fake.createUser({ username: 'sentinel' }) });
  await replyTo(b, sentinel);
  expect(repliesTo(b, ignored)).toEqual([]);
}
