// Bad input in channel messages: hostile text, bots, webhooks, edits and floods never crash, ping or echo.
import type { APIMessage } from 'discord.js';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { messages } from '../../../src/i18n/messages.ts';
import { HOSTILE_SAMPLES, INJECTION_MARKERS, hostileText, replyText } from '../../helpers/hostile-text.ts';
import type { RecordedRequest } from '../../fake-discord/index.ts';
import { allHandled, expectIgnored, replyRequests, repliesIn, replyTo } from './channel-replies.ts';
import { sharedBot, startBot, type BotUnderTest } from './harness.ts';

const en = messages('en');
const shared = sharedBot();

let own: BotUnderTest | undefined;
afterEach(async () => {
  await own?.stop();
  own = undefined;
});

/** A reply Discord accepted that pings nobody and repeats nothing hostile. */
function expectSafe(request: RecordedRequest): APIMessage {
  expect((request.body as { allowed_mentions: unknown }).allowed_mentions).toEqual({ parse: [], users: [], roles: [], replied_user: false });
  const reply = request.response as APIMessage;
  const text = replyText({ content: reply.content, embeds: reply.embeds, components: reply.components });
  for (const marker of INJECTION_MARKERS) expect(text).not.toContain(marker);
  expect(reply.mention_everyone).toBe(false);
  expect(reply.mentions).toEqual([]);
  return reply;
}

/** The bot replied once to `question`, safely. */
async function expectSafeReply(b: BotUnderTest, question: APIMessage): Promise<APIMessage> {
  await replyTo(b.fake, question);
  b.fake.assertNoErrors();
  const [request] = replyRequests(b.fake, question);
  return expectSafe(request!);
}

const mentionBot = (b: BotUnderTest, content: string) => b.fake.messageCreate({ content, mentions: [b.fake.botUser] });

describe('hostile text that mentions the bot', () => {
  it.each(Object.entries(HOSTILE_SAMPLES))('GIVEN the %s sample THEN replies once, safely', async (name, content) => {
    const reply = await expectSafeReply(shared(), mentionBot(shared(), content));
    if (name === 'empty' || name === 'whitespace') expect(reply.content).toBe(en.emptyMention);
  });

  it('GIVEN any hostile text up to Discord’s 2,000 characters THEN always replies safely', async () => {
    await fc.assert(
      fc.asyncProperty(hostileText(1970), async (content) => {
        await expectSafeReply(shared(), mentionBot(shared(), content));
      }),
      { numRuns: 30 },
    );
  });

  it('GIVEN a Nitro-length 4,000-character message THEN still replies safely', async () => {
    await expectSafeReply(shared(), mentionBot(shared(), `${HOSTILE_SAMPLES.maskedLink} ${HOSTILE_SAMPLES.codeFence} `.repeat(80).slice(0, 3970)));
  });
});

describe('hostile text in a channel answered without a mention', () => {
  it('GIVEN any hostile chatter THEN the bot speaks only to give a sure answer, and safely', async () => {
    own = await startBot({ answerInTextChannel: true });
    const bot = own;
    const answeredAboutPvh: string[] = [];
    await fc.assert(
      fc.asyncProperty(hostileText(500), async (content) => {
        const message = bot.fake.messageCreate({ content });
        await allHandled(bot.fake);
        for (const request of replyRequests(bot.fake, message)) {
          expect(expectSafe(request).embeds).toHaveLength(1);
          if (content.includes('PVH')) answeredAboutPvh.push(content);
        }
      }),
      // A plain question first, so the checks above provably run on at least one reply.
      { numRuns: 30, examples: [['What is PVH?']] },
    );
    expect(answeredAboutPvh.length).toBeGreaterThan(0);
    bot.fake.assertNoErrors();
  });
});

describe('messages from machines', () => {
  it('GIVEN a webhook post that mentions the bot THEN ignores it', async () => {
    const hook = shared().fake.createUser({ username: 'GitHub', bot: true });
    await expectIgnored(shared().fake, shared().fake.messageCreate({ content: 'what is PVH?', mentions: [shared().fake.botUser], author: hook, webhookId: hook.id }));
  });

  it('GIVEN a webhook post whose author lacks the bot flag THEN ignores it all the same', async () => {
    const hook = shared().fake.createUser({ username: 'Bridge' });
    await expectIgnored(shared().fake, shared().fake.messageCreate({ content: 'what is PVH?', mentions: [shared().fake.botUser], author: hook, webhookId: hook.id }));
  });

  it('GIVEN its own reply echoed back (with a mention of itself quoted) THEN never answers itself', async () => {
    const question = mentionBot(shared(), `what is PVH? <@${shared().fake.botUser.id}>`);
    await replyTo(shared().fake, question);
    await expectIgnored(shared().fake, shared().fake.messageCreate({ content: `<@${shared().fake.botUser.id}> what is PVH?`, author: shared().fake.botUser }));
  });
});

describe('edited messages', () => {
  // A user who fixes a typo expects the answer they already have, not a second one; to ask again, send again.
  it('GIVEN an answered question is edited THEN the bot does not reply a second time', async () => {
    const question = mentionBot(shared(), 'what is PVH?');
    await replyTo(shared().fake, question);
    shared().fake.messageUpdate({ message: question, content: `<@${shared().fake.botUser.id}> what is the FIFO event channel ABI?` });
    await expectIgnored(shared().fake, shared().fake.messageCreate({ content: 'still here' })); // the edit has been handled by now
    expect(repliesIn(shared().fake, question)).toHaveLength(1);
  });

  it('GIVEN a message edited to add a mention of the bot THEN stays silent', async () => {
    const chat = shared().fake.messageCreate({ content: 'what is PVH?' });
    shared().fake.messageUpdate({ message: chat, content: `<@${shared().fake.botUser.id}> what is PVH?` });
    await expectIgnored(shared().fake, chat);
  });
});

describe('a flood from one user', () => {
  it('GIVEN twenty questions in a row THEN one answer, one polite notice, then silence, while others are still served', async () => {
    own = await startBot({ cooldownSeconds: 60 });
    const bot = own;
    const flooder = bot.fake.createUser({ username: 'flooder' });
    const flood = Array.from({ length: 20 }, () => bot.fake.messageCreate({ content: 'what is PVH?', mentions: [bot.fake.botUser], author: flooder }));
    const neighbour = bot.fake.messageCreate({ content: 'what is xend?', mentions: [bot.fake.botUser], author: bot.fake.createUser({ username: 'neighbour' }) });
    expect((await replyTo(bot.fake, neighbour)).embeds).toHaveLength(1);
    expect((await replyTo(bot.fake, flood[0]!)).embeds).toHaveLength(1);
    expect((await replyTo(bot.fake, flood[1]!)).content).toMatch(/please wait \d+ s/);
    await expectIgnored(bot.fake, flood[2]!); // every later message is handled by then: the third gets silence
    expect(flood.flatMap((m) => repliesIn(bot.fake, m))).toHaveLength(2);
  });
});
