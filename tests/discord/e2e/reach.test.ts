// Reach: /xen as a user-installed app (even in a server without the bot), direct messages, threads and forum posts.
import { ApplicationIntegrationType, GatewayIntentBits, InteractionContextType, InteractionResponseType, type APIMessage } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { expectIgnored, replyTo } from './channel-replies.ts';
import { FORUM_ID, startBot, type BotOptions, type BotUnderTest } from './harness.ts';
import { customIdStarting, isEphemeral } from './interaction-replies.ts';

let bot: BotUnderTest | undefined;
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
});
const started = async (options: BotOptions = {}) => (bot = await startBot(options));

const footer = (message: APIMessage | undefined) => message?.embeds[0]?.footer?.text ?? '';
type Menu = { custom_id: string; options: Array<{ value: string }> };
const menuOf = (message: APIMessage | undefined) => (message?.components?.[0] as { components: Menu[] } | undefined)?.components[0];

describe('registration', () => {
  it('GIVEN deploy-commands THEN /xen is offered to both installation types in every context, /xen-admin to servers only', async () => {
    const { fake } = await started({ globalCommands: true });
    const commands = fake.registeredCommands();
    expect(commands.find((c) => c.name === 'xen')).toMatchObject({
      integration_types: [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall],
      contexts: [InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel],
    });
    expect(commands.find((c) => c.name === 'xen-admin')).toMatchObject({
      integration_types: [ApplicationIntegrationType.GuildInstall],
      contexts: [InteractionContextType.Guild],
    });
  });
});

describe('/xen installed by a user, in a server that has not added the bot', () => {
  const elsewhere = (b: BotUnderTest) => b.fake.guildIds()[1]!;

  it('GIVEN /xen ask THEN answers through the interaction, and Sources works there too', async () => {
    const b = await started({ globalCommands: true, guildWithoutBot: true });
    const ask = b.fake.slashCommand({ name: 'xen', subcommand: 'ask', options: { question: 'What is PVH?' }, guildId: elsewhere(b), installation: 'user' });
    const body = await ask.response();
    expect(body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(body.data!.embeds![0]!.footer?.text).toMatch(/^pvh-guests · /);
    const message = ask.message()!;
    const sources = await b.fake.button({ customId: customIdStarting(message.components, 'xen:src:pvh-guests'), message, installation: 'user' }).response();
    expect(isEphemeral(sources)).toBe(true);
    expect(sources.data!.embeds![0]!.description).toMatch(/\[.+\]\(https?:\/\/.+\)/);
    // Everything went through the interaction: the bot posted nothing to a channel of a server it is not in.
    expect(b.fake.requests.filter((r) => r.route === 'POST /channels/:channelId/messages')).toEqual([]);
  });

  it('GIVEN /xen feature THEN shows the fact', async () => {
    const b = await started({ globalCommands: true, guildWithoutBot: true });
    const body = await b.fake.slashCommand({ name: 'xen', subcommand: 'feature', options: { name: 'fifo-event-channels' }, guildId: elsewhere(b), installation: 'user' }).response();
    expect(body.data!.embeds![0]!.footer?.text).toMatch(/^fifo-event-channels · /);
  });

  it('GIVEN a "did you mean" THEN picking a suggestion shows it in place', async () => {
    const b = await started({ globalCommands: true, guildWithoutBot: true });
    const ask = b.fake.slashCommand({ name: 'xen', subcommand: 'ask', options: { question: 'kexce' }, guildId: elsewhere(b), installation: 'user' });
    await ask.response();
    const menu = menuOf(ask.message())!;
    const picked = await b.fake.selectMenu({ customId: menu.custom_id, message: ask.message()!, values: [menu.options[0]!.value], installation: 'user' }).response();
    expect(picked.type).toBe(InteractionResponseType.UpdateMessage);
    expect(picked.data!.embeds![0]!.footer?.text).toMatch(new RegExp(`^${menu.options[0]!.value} · `));
  });
});

describe('direct messages', () => {
  it('GIVEN /xen ask in the DM with the bot THEN answers it there', async () => {
    const { fake } = await started({ globalCommands: true });
    for (const installation of ['guild', 'user'] as const) {
      const body = await fake.slashCommand({ name: 'xen', subcommand: 'ask', options: { question: 'What is PVH?' }, dm: true, installation, user: fake.createUser({ username: installation }) }).response();
      expect(body.data!.embeds![0]!.footer?.text).toMatch(/^pvh-guests · /);
    }
  });


  it('GIVEN a question in a DM THEN answers it there, without a mention and without the Message Content intent', async () => {
    const { fake } = await started();
    expect(fake.identifiedIntents()! & GatewayIntentBits.DirectMessages).not.toBe(0);
    expect(fake.identifiedIntents()! & GatewayIntentBits.MessageContent).toBe(0);
    const question = fake.directMessage({ content: 'what is PVH?' });
    const reply = await replyTo(fake, question);
    expect(reply.channel_id).toBe(question.channel_id);
    expect(footer(reply)).toMatch(/^pvh-guests · /);
  });

  it('GIVEN another bot writing in a DM THEN ignores it', async () => {
    const { fake } = await started();
    const question = fake.directMessage({ content: 'what is PVH?', author: fake.createUser({ username: 'otherbot', bot: true }) });
    await expectIgnored(fake, question);
  });

  it('GIVEN questions in a DM faster than the cooldown THEN one notice, then silence', async () => {
    const { fake } = await started({ cooldownSeconds: 60 });
    const asker = fake.createUser({ username: 'quick' });
    expect(footer(await replyTo(fake, fake.directMessage({ content: 'what is PVH?', author: asker })))).toMatch(/^pvh-guests/);
    expect((await replyTo(fake, fake.directMessage({ content: 'is xend still there?', author: asker }))).content).toMatch(/please wait/);
    await expectIgnored(fake, fake.directMessage({ content: 'what is xl?', author: asker }));
  });
});

describe('threads and forums', () => {
  it('GIVEN a mention in a thread THEN replies in the thread', async () => {
    const { fake } = await started();
    const thread = fake.createThread({ name: 'xen help' });
    const question = fake.messageCreate({ channelId: thread.id, content: 'what is PVH?', mentions: [fake.botUser] });
    const reply = await replyTo(fake, question);
    expect(reply.channel_id).toBe(thread.id);
    expect(footer(reply)).toMatch(/^pvh-guests · /);
  });

  it('GIVEN a new post in a forum that is an answer channel THEN one answer to its title and first message, in the post', async () => {
    const { fake } = await started({ answerInForum: true });
    const { thread, message } = fake.forumPost({ channelId: FORUM_ID, title: 'FIFO event channels?', content: 'What are they and why would I want them?' });
    const reply = await replyTo(fake, message);
    expect(reply.channel_id).toBe(thread.id);
    expect(footer(reply)).toMatch(/^fifo-event-channels · /);
    // The conversation that follows in the post is the people's: only a mention asks the bot again.
    await expectIgnored(fake, fake.messageCreate({ channelId: thread.id, content: 'what is PVH?', author: fake.createUser({ username: 'follow-up' }) }));
  });

  it('GIVEN a forum post that is not a question the bot is sure of THEN stays out of it', async () => {
    const { fake } = await started({ answerInForum: true });
    const { message } = fake.forumPost({ channelId: FORUM_ID, title: 'Weekly chat', content: 'What did everyone do this weekend?' });
    await expectIgnored(fake, message);
  });

  it('GIVEN a post in a forum that is not an answer channel THEN stays out of it', async () => {
    const { fake } = await started({ forum: true, answerInTextChannel: true });
    const { message } = fake.forumPost({ channelId: FORUM_ID, title: 'FIFO event channels?', content: 'What are they?' });
    await expectIgnored(fake, message);
  });
});
