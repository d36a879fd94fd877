import { GatewayIntentBits } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { expectIgnored, replyRequests, replyTo } from './channel-replies.ts';
import { startBot, type BotUnderTest } from './harness.ts';
import { isEphemeral } from './interaction-replies.ts';

let bot: BotUnderTest | undefined;
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
});

describe('questions that mention the bot', () => {
  it('GIVEN a mention with a question THEN replies to it with the cited answer, pinging nobody', async () => {
    bot = await startBot();
    const question = bot.fake.messageCreate({ content: 'what is PVH? @everyone', mentions: [bot.fake.botUser] });
    const reply = await replyTo(bot.fake, question);
    expect(reply.embeds[0]?.footer?.text).toMatch(/^pvh-guests · Xen 4\.4/);
    const request = replyRequests(bot.fake, question)[0]!;
    expect((request.body as { allowed_mentions: unknown }).allowed_mentions).toEqual({ parse: [], users: [], roles: [], replied_user: false });
    expect(reply.mention_everyone).toBe(false);
  });

  it('GIVEN a French question THEN replies in French', async () => {
    bot = await startBot();
    const question = bot.fake.messageCreate({ content: 'combien de canaux d’événements FIFO au maximum ?', mentions: [bot.fake.botUser] });
    expect((await replyTo(bot.fake, question)).embeds[0]?.footer?.text).toContain('confiance');
  });

  it('GIVEN only a mention THEN explains how to ask', async () => {
    bot = await startBot();
    const question = bot.fake.messageCreate({ content: '', mentions: [bot.fake.botUser] });
    expect((await replyTo(bot.fake, question)).content).toMatch(/^Ask me about Xen 4\.4/);
  });

  it('GIVEN an uncertain match THEN replies with a public menu whose picks answer the picker privately', async () => {
    bot = await startBot();
    const question = bot.fake.messageCreate({ content: 'kexce', mentions: [bot.fake.botUser] });
    const reply = await replyTo(bot.fake, question);
    expect(reply.content).toMatch(/did you mean/);
    const menu = (reply.components![0] as { components: Array<{ custom_id: string; options: Array<{ value: string }> }> }).components[0]!;
    const bystander = bot.fake.createUser({ username: 'bystander' });
    const pick = bot.fake.selectMenu({ customId: menu.custom_id, message: reply, values: [menu.options[0]!.value], user: bystander });
    const body = await pick.response();
    expect(isEphemeral(body)).toBe(true);
    expect(bot.fake.message(reply)?.content).toBe(reply.content); // the asker's reply is untouched
  });

  it('GIVEN a message without a mention THEN stays silent (no message-content intent needed)', async () => {
    bot = await startBot();
    expect(bot.fake.identifiedIntents()! & GatewayIntentBits.MessageContent).toBe(0);
    await expectIgnored(bot.fake, bot.fake.messageCreate({ content: 'what is PVH?' }));
  });

  it('GIVEN another bot mentions it THEN ignores it, so bots never talk in circles', async () => {
    bot = await startBot();
    const other = bot.fake.createUser({ username: 'otherbot', bot: true });
    await expectIgnored(bot.fake, bot.fake.messageCreate({ content: 'what is PVH?', mentions: [bot.fake.botUser], author: other }));
  });

  it('GIVEN a flood of empty mentions THEN explains once, sends one notice, then stays silent', async () => {
    bot = await startBot({ cooldownSeconds: 60 });
    const mention = () => bot!.fake.messageCreate({ content: '', mentions: [bot!.fake.botUser] });
    expect((await replyTo(bot.fake, mention())).content).toMatch(/^Ask me about Xen 4\.4/);
    expect((await replyTo(bot.fake, mention())).content).toMatch(/please wait \d+ s/);
    await expectIgnored(bot.fake, mention());
  });

  it('GIVEN a flood from one user THEN answers, sends one polite notice, then stays silent', async () => {
    bot = await startBot({ cooldownSeconds: 60 });
    const ask = () => bot!.fake.messageCreate({ content: 'what is PVH?', mentions: [bot!.fake.botUser] });
    const first = ask();
    expect((await replyTo(bot.fake, first)).embeds).toHaveLength(1);
    const second = ask();
    expect((await replyTo(bot.fake, second)).content).toMatch(/please wait \d+ s/);
    await expectIgnored(bot.fake, ask());
  });
});

describe('channels answered without a mention', () => {
  it('GIVEN a listed channel THEN asks for the message-content intent and answers questions there', async () => {
    bot = await startBot({ answerInTextChannel: true });
    expect(bot.fake.identifiedIntents()! & GatewayIntentBits.MessageContent).not.toBe(0);
    const question = bot.fake.messageCreate({ content: 'how do I enable nested HVM in a guest config?' });
    expect((await replyTo(bot.fake, question)).embeds[0]?.footer?.text).toMatch(/nested/);
  });

  it('GIVEN chit-chat in a listed channel THEN does not interrupt, even when a topic is vaguely close', async () => {
    bot = await startBot({ answerInTextChannel: true });
    await expectIgnored(bot.fake, bot.fake.messageCreate({ content: 'lol see you all tomorrow' }));
    await expectIgnored(bot.fake, bot.fake.messageCreate({ content: 'kexce' })); // a "did you mean" would be noise here
  });

  it('GIVEN chit-chat before a question THEN the chat does not use up the cooldown', async () => {
    bot = await startBot({ answerInTextChannel: true, cooldownSeconds: 60 });
    bot.fake.messageCreate({ content: 'morning all' });
    bot.fake.messageCreate({ content: 'anyone up for lunch?' });
    const question = bot.fake.messageCreate({ content: 'how do I enable nested HVM in a guest config?' });
    expect((await replyTo(bot.fake, question)).embeds).toHaveLength(1);
  });
});
