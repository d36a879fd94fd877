// Smoke test: the real discord.js Client against the fake, covering each Discord rule the fake is meant to enforce.
import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  ChannelType,
  type Client,
  DiscordAPIError,
  EmbedBuilder,
  Events,
  GatewayIntentBits,
  type Message,
  Routes,
} from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeDiscord, startFakeDiscord } from './index.ts';
import { loginClient } from './test-client.ts';

let fake: FakeDiscord;
let client: Client | undefined;

beforeEach(async () => {
  fake = await startFakeDiscord();
});

afterEach(async () => {
  await client?.destroy();
  client = undefined;
  try {
    fake.assertNoErrors();
  } finally {
    await fake.close();
  }
});

describe('fake Discord with a real discord.js Client', () => {
  it('logs in, caches the guild and answers a slash command with an embed and no pings', async () => {
    client = await loginClient(fake, undefined, (c) =>
      c.on(Events.InteractionCreate, async (interaction) => {
        if (!interaction.isChatInputCommand()) return;
        const question = interaction.options.getString('question', true);
        await interaction.reply({
          embeds: [new EmbedBuilder().setTitle(`Q (${interaction.locale})`).setDescription(question)],
          allowedMentions: { parse: [] },
        });
      }),
    );
    expect(client.user?.id).toBe(fake.botUser.id);
    const channel = client.channels.cache.get(fake.textChannelId());
    expect(channel?.type).toBe(ChannelType.GuildText);
    expect(client.guilds.cache.get(fake.guildIds()[0] ?? '')?.members.me?.id).toBe(fake.botUser.id);

    const handle = fake.slashCommand({ name: 'xen', subcommand: 'ask', options: { question: 'What is PVH?' }, locale: 'fr' });
    const body = await handle.response();
    expect(body.type).toBe(4);
    expect(body.data?.embeds?.[0]).toMatchObject({ title: 'Q (fr)', description: 'What is PVH?' });
    expect(body.data?.allowed_mentions).toEqual({ parse: [] });
    const [callback] = handle.requests();
    expect(callback?.status).toBe(204);
    expect(callback?.query.with_response).toBe('false');
    expect(handle.message()?.embeds[0]?.title).toBe('Q (fr)');
    expect(handle.message()?.interaction_metadata?.id).toBe(handle.id);
  });

  it('refuses a reply over 2000 characters with a 400 and records it', async () => {
    let caught: unknown;
    client = await loginClient(fake, undefined, (c) =>
      c.on(Events.InteractionCreate, async (interaction) => {
        if (!interaction.isChatInputCommand()) return;
        try {
          await interaction.reply({ content: 'x'.repeat(2001) });
        } catch (err) {
          caught = err;
          await interaction.reply({ content: 'x'.repeat(2000) });
        }
      }),
    );
    const handle = fake.slashCommand({ name: 'xen', subcommand: 'ask', options: { question: 'long?' } });
    const accepted = await handle.response();
    expect(accepted.data?.content).toHaveLength(2000);
    expect(caught).toBeInstanceOf(DiscordAPIError);
    expect((caught as DiscordAPIError).status).toBe(400);
    expect((caught as DiscordAPIError).code).toBe(50035);
    expect(handle.requests().map((r) => r.status)).toEqual([400, 204]);
    const errors = fake.takeErrors();
    expect(errors).toHaveLength(1);
    expect(errors[0]?.kind).toBe('validation');
    expect(errors[0]?.message).toContain('data.content: Must be 2000 or fewer in length.');
  });

  it('answers autocomplete with choices derived from the focused text', async () => {
    client = await loginClient(fake, undefined, (c) =>
      c.on(Events.InteractionCreate, async (interaction) => {
        if (!interaction.isAutocomplete()) return;
        const typed = interaction.options.getFocused();
        await interaction.respond(['pvh', 'pv', 'hvm'].filter((t) => t.startsWith(typed)).map((t) => ({ name: t.toUpperCase(), value: t })));
      }),
    );
    const handle = fake.autocomplete({ name: 'xen', subcommand: 'fact', options: { topic: 'pv' }, focused: 'topic' });
    const body = await handle.response();
    expect(body.type).toBe(8);
    expect(body.data?.choices).toEqual([
      { name: 'PVH', value: 'pvh' },
      { name: 'PV', value: 'pv' },
    ]);
  });

  it('handles button clicks on a message the bot sent: update, then deferred update + delete', async () => {
    const buttons = (...ids: string[]) =>
      new ActionRowBuilder<ButtonBuilder>().addComponents(ids.map((id) => new ButtonBuilder().setCustomId(id).setLabel(id).setStyle(ButtonStyle.Secondary)));
    client = await loginClient(fake, undefined, (c) =>
      c.on(Events.InteractionCreate, async (interaction) => {
        if (interaction.isChatInputCommand()) await interaction.reply({ content: 'short answer', components: [buttons('more', 'dismiss')] });
        else if (interaction.isButton() && interaction.customId === 'more') await interaction.update({ content: 'long answer', components: [buttons('dismiss')] });
        else if (interaction.isButton() && interaction.customId === 'dismiss') {
          await interaction.deferUpdate();
          await interaction.deleteReply();
        }
      }),
    );
    const command = fake.slashCommand({ name: 'xen', subcommand: 'ask', options: { question: 'q' } });
    await command.response();
    const sent = command.message();
    if (!sent) throw new Error('no reply message');

    const more = fake.button({ customId: 'more', message: sent });
    expect((await more.response()).type).toBe(7);
    expect(fake.message(sent)?.content).toBe('long answer');
    expect(() => fake.button({ customId: 'more', message: sent })).toThrow(/no component with custom_id "more"/);

    const dismiss = fake.button({ customId: 'dismiss', message: sent });
    expect((await dismiss.response()).type).toBe(6);
    await dismiss.waitForRequest((r) => r.method === 'DELETE');
    expect(fake.isDeleted(sent)).toBe(true);
  });

  it('delivers MESSAGE_CREATE with a mention (content visible) and lets the bot reply', async () => {
    const seen: Message[] = [];
    client = await loginClient(fake, [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages], (c) =>
      c.on(Events.MessageCreate, async (message) => {
        seen.push(message);
        if (message.author.bot || !c.user || !message.mentions.has(c.user)) return;
        await message.reply({ content: 'pong', allowedMentions: { parse: [], repliedUser: false } });
      }),
    );
    const sent = fake.messageCreate({ content: 'ping', mentions: [fake.botUser] });
    const reply = await fake.waitForBotMessage();
    expect(reply.content).toBe('pong');
    expect(reply.message_reference?.message_id).toBe(sent.id);
    expect(reply.mentions).toEqual([]);
    const request = await fake.waitForRequest((r) => r.route === 'POST /channels/:channelId/messages');
    expect(request.body).toMatchObject({ allowed_mentions: { parse: [], replied_user: false }, message_reference: { message_id: sent.id } });

    const otherBot = fake.createUser({ username: 'otherbot', bot: true });
    const unmentioned = fake.messageCreate({ content: 'no mention here', author: otherBot });
    // Discord echoes the bot's own reply too; a handler that did not skip bots would answer itself.
    await expect.poll(() => seen.map((m) => m.id).sort()).toEqual([sent.id, reply.id, unmentioned.id].sort());
    const byId = (id: string) => seen.find((m) => m.id === id);
    expect(byId(sent.id)?.content).toBe(`<@${fake.botUser.id}> ping`);
    expect(byId(sent.id)?.mentions.users.has(fake.botUser.id)).toBe(true);
    expect(byId(reply.id)?.author.id).toBe(fake.botUser.id);
    expect(byId(unmentioned.id)?.author.bot).toBe(true);
    // Without the MessageContent intent Discord blanks the content of messages that do not mention the bot.
    expect(byId(unmentioned.id)?.content).toBe('');
  });

  it('catches a call to a route the fake (and the bot) should not use', async () => {
    client = await loginClient(fake);
    const guildId = fake.guildIds()[0] ?? '';
    await expect(client.rest.get(Routes.guildAuditLog(guildId))).rejects.toMatchObject({ status: 404 });
    const errors = fake.takeErrors();
    expect(errors.map((e) => e.kind)).toEqual(['unknown-route']);
    expect(errors[0]?.request?.path).toBe(`/guilds/${guildId}/audit-logs`);
  });

  it('resumes after a forced socket close and replays what was dispatched meanwhile', async () => {
    const received: string[] = [];
    let resumed = false;
    client = await loginClient(fake, [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent], (c) => {
      c.on(Events.MessageCreate, (m) => void received.push(m.content));
      c.on(Events.ShardResume, () => (resumed = true));
    });
    const ready = fake.gatewayEvents.find((e) => e.kind === 'sent' && e.t === 'READY');
    const sessionId = (ready?.d as { session_id: string }).session_id;

    expect(fake.disconnect()).toBe(1);
    await fake.waitForGateway((e) => e.kind === 'close' && e.code === 4000);
    fake.messageCreate({ content: 'sent while offline' });
    const resume = await fake.waitForGateway((e) => e.kind === 'received' && e.op === 6);
    expect(resume.d).toMatchObject({ session_id: sessionId, token: 'fake-token' });
    expect(fake.gatewayEvents.filter((e) => e.kind === 'connect').map((e) => e.url)).toEqual(['/?v=10&encoding=json', '/resume?v=10&encoding=json']);
    await expect.poll(() => received).toEqual(['sent while offline']);
    await expect.poll(() => resumed).toBe(true);
    expect(fake.gatewayEvents.filter((e) => e.kind === 'received' && e.op === 2)).toHaveLength(1);
  });
});
