// Where the bot is reached: user installations (even in guilds without the bot), its DMs, user threads and forum posts.
import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  ChannelType,
  type Client,
  Events,
  GatewayIntentBits,
  type Message,
  Partials,
  PermissionFlagsBits,
  Routes,
} from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeDiscord, type FakeDiscordOptions, snowflake, startFakeDiscord } from './index.ts';
import { DEFAULT_INTENTS, loginClient } from './test-client.ts';

let fake: FakeDiscord | undefined;
let clients: Client[] = [];

async function setup(opts: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  fake = await startFakeDiscord(opts);
  return fake;
}

async function login(f: FakeDiscord, intents: GatewayIntentBits[], setupClient?: (c: Client) => void, dms = false): Promise<Client> {
  const client = await loginClient(f, intents, setupClient, dms ? { partials: [Partials.Channel] } : {});
  clients.push(client);
  return client;
}

afterEach(async () => {
  await Promise.all(clients.map((c) => c.destroy()));
  clients = [];
  const f = fake;
  fake = undefined;
  try {
    f?.assertNoErrors();
  } finally {
    await f?.close();
  }
});

const P = PermissionFlagsBits;
const MORE = new ActionRowBuilder<ButtonBuilder>().addComponents(new ButtonBuilder().setCustomId('more').setLabel('More').setStyle(ButtonStyle.Primary));
const sentDispatches = (f: FakeDiscord, t: string, id: string) => f.gatewayEvents.filter((e) => e.kind === 'sent' && e.t === t && (e.d as { id?: string }).id === id);

/** Answers /xen with a button and a follow-up, and a click by updating the message. */
function answerCommands(c: Client): void {
  c.on(Events.InteractionCreate, async (i) => {
    if (i.isChatInputCommand()) {
      await i.reply({ content: `hello from context ${String(i.context)}`, components: [MORE] });
      await i.followUp({ content: 'and a follow-up' });
    } else if (i.isButton()) {
      await i.update({ content: 'more', components: [] });
    }
  });
}

describe('a guild where the bot is not installed', () => {
  const twoGuilds: FakeDiscordOptions = { guilds: [{}, { name: 'Elsewhere', botInstalled: false, channels: [{ name: 'chat' }] }] };

  it('is not in READY nor the cache; a user-installed command there is answered through its token, and clicks keep that installation', async () => {
    const f = await setup(twoGuilds);
    const [home, elsewhere] = f.guildIds() as [string, string];
    const client = await login(f, DEFAULT_INTENTS, answerCommands);
    const ready = f.gatewayEvents.find((e) => e.kind === 'sent' && e.t === 'READY')?.d as { guilds: { id: string }[] };
    expect(ready.guilds.map((g) => g.id)).toEqual([home]);
    expect(f.gatewayEvents.filter((e) => e.kind === 'sent' && e.t === 'GUILD_CREATE')).toHaveLength(1);
    expect(client.guilds.cache.has(elsewhere)).toBe(false);

    expect(() => f.slashCommand({ name: 'xen', guildId: elsewhere })).toThrow(/not installed in guild .*only installation: 'user'/);
    const handle = f.slashCommand({ name: 'xen', guildId: elsewhere, installation: 'user' });
    expect(handle.payload).toMatchObject({
      guild_id: elsewhere,
      authorizing_integration_owners: { '1': f.defaultUser.id },
      context: 0,
      member: { user: { id: f.defaultUser.id } },
      // @everyone's permissions, limited to those usable in responses.
      app_permissions: (P.EmbedLinks | P.AttachFiles | P.UseExternalEmojis).toString(),
    });
    expect(handle.payload.authorizing_integration_owners).not.toHaveProperty('0');
    expect((await handle.response()).type).toBe(4);
    await handle.waitForRequest((r) => r.route === 'POST /webhooks/:applicationId/:token' && r.status === 200);
    expect(handle.messages().map((m) => m.content)).toEqual(['hello from context 0', 'and a follow-up']);
    expect(f.channelMessages(f.textChannelId(elsewhere))).toHaveLength(2);
    // The bot sees nothing of that guild: no echo of the replies.
    expect(handle.messages().flatMap((m) => sentDispatches(f, 'MESSAGE_CREATE', m.id))).toEqual([]);

    const clicker = f.createUser({ username: 'clicker' });
    const click = f.button({ customId: 'more', message: handle.message()!, user: clicker });
    // The authorizing user stays the one who installed the app and ran the command.
    expect(click.payload).toMatchObject({ authorizing_integration_owners: { '1': f.defaultUser.id }, context: 0, member: { user: { id: clicker.id } } });
    expect(() => f.button({ customId: 'more', message: handle.message()!, installation: 'guild' })).toThrow(/came through the user installation/);
    expect((await click.response()).type).toBe(7);
    expect(f.message(handle.message()!)?.content).toBe('more');
  });

  it("refuses the bot's own REST calls on its channels with 403 Missing Access", async () => {
    const f = await setup(twoGuilds);
    const chat = f.textChannelId(f.guildIds()[1]);
    const client = await login(f, DEFAULT_INTENTS);
    await expect(client.rest.post(Routes.channelMessages(chat), { body: { content: 'hi' } })).rejects.toMatchObject({ status: 403, code: 50001 });
    await expect(client.rest.get(Routes.channel(chat))).rejects.toMatchObject({ status: 403, code: 50001 });
    await expect(client.rest.put(Routes.applicationGuildCommands(f.applicationId, f.guildIds()[1]!), { body: [] })).rejects.toMatchObject({ code: 50001 });
    expect(f.takeErrors().map((e) => `${e.kind} ${e.request?.status ?? ''}`)).toEqual(['auth 403', 'auth 403', 'auth 403']);
  });

  it('allows 5 follow-ups to an interaction that only a user installation authorized', async () => {
    const f = await setup(twoGuilds);
    const codes: unknown[] = [];
    await login(f, DEFAULT_INTENTS, (c) =>
      c.on(Events.InteractionCreate, async (i) => {
        if (!i.isChatInputCommand()) return;
        await i.deferReply();
        for (let n = 1; n <= 6; n++) codes.push(await i.followUp(`part ${n}`).then(() => 'ok', (e: { code?: number }) => e.code));
      }),
    );
    f.slashCommand({ name: 'xen', guildId: f.guildIds()[1], installation: 'user' });
    await expect.poll(() => codes.length).toBe(6);
    expect(codes).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 40094]);
    expect(f.takeErrors().map((e) => e.kind)).toEqual(['interaction']);
  });
});

describe('installation contexts of commands', () => {
  it('only dispatches what the registered integration_types and contexts allow, with the owners Discord sends', async () => {
    const f = await setup();
    const client = await login(f, DEFAULT_INTENTS, answerCommands);
    await client.rest.put(Routes.applicationCommands(f.applicationId), {
      body: [
        { name: 'server', description: 'Server only', integration_types: [0], contexts: [0] },
        { name: 'xen', description: 'Everywhere', integration_types: [0, 1], contexts: [0, 1, 2] },
        { name: 'mine', description: 'User installs only', integration_types: [1], contexts: [0, 1] },
      ],
    });
    await client.rest.put(Routes.applicationGuildCommands(f.applicationId, f.guildIds()[0]!), { body: [{ name: 'local', description: 'Guild command' }] });

    expect(() => f.slashCommand({ name: 'server', installation: 'user' })).toThrow(/integration_types \[0\] do not include 1 \(USER_INSTALL\)/);
    expect(() => f.slashCommand({ name: 'server', dm: true })).toThrow(/contexts \[0\] do not include 1 \(BOT_DM\)/);
    expect(() => f.slashCommand({ name: 'mine' })).toThrow(/integration_types \[1\] do not include 0 \(GUILD_INSTALL\)/);
    expect(() => f.slashCommand({ name: 'local', installation: 'user' })).toThrow(/only the guild installation offers/);

    const guild = f.guildIds()[0]!;
    const user = f.defaultUser.id;
    // Offered by both installations in this guild: both keys, as Discord sends them.
    expect(f.slashCommand({ name: 'xen', installation: 'user' }).payload).toMatchObject({ authorizing_integration_owners: { '0': guild, '1': user }, context: 0 });
    expect(f.slashCommand({ name: 'mine', installation: 'user' }).payload.authorizing_integration_owners).toEqual({ '1': user });
    expect(f.slashCommand({ name: 'xen' }).payload.authorizing_integration_owners).toEqual({ '0': guild });

    const dm = f.slashCommand({ name: 'xen', dm: true, installation: 'user' });
    expect(dm.payload).toMatchObject({ context: 1, authorizing_integration_owners: { '1': user }, user: { id: user }, channel: { id: f.dmChannelId(), type: 1 } });
    expect(dm.payload).not.toHaveProperty('member');
    expect(dm.payload).not.toHaveProperty('guild_id');
    expect(dm.payload.app_permissions).toBe((P.AttachFiles | P.EmbedLinks | P.MentionEveryone | P.UseExternalEmojis).toString());
    expect((await dm.response()).data?.content).toBe('hello from context 1');
    expect(dm.message()?.channel_id).toBe(f.dmChannelId());
    const click = f.button({ customId: 'more', message: dm.message()! });
    expect(click.payload).toMatchObject({ context: 1, authorizing_integration_owners: { '1': user }, user: { id: user } });
    expect((await click.response()).type).toBe(7);
    expect(f.slashCommand({ name: 'xen', dm: true }).payload.authorizing_integration_owners).toEqual({ '0': '0' });

    await expect(client.rest.put(Routes.applicationCommands(f.applicationId), { body: [{ name: 'bad', description: 'x', integration_types: [2], contexts: [3] }] })).rejects.toMatchObject({ status: 400 });
    expect(f.takeErrors()[0]?.message).toMatch(/0\.integration_types\.0: .*0\.contexts\.0: /);
    await expect.poll(() => f.requests.filter((r) => r.route === 'POST /webhooks/:applicationId/:token').length).toBe(5);
  });
});

describe('direct messages', () => {
  it('reach only sessions with DIRECT_MESSAGES, keep their content without MESSAGE_CONTENT, and take replies', async () => {
    // Two unsharded sessions ([0, 1] both) on purpose, to compare intents.
    const f = await setup({ allowDuplicateShards: true });
    const guildOnly: Message[] = [];
    await login(f, DEFAULT_INTENTS, (c) => c.on(Events.MessageCreate, (m) => void guildOnly.push(m)));
    const client = await login(
      f,
      [GatewayIntentBits.Guilds, GatewayIntentBits.DirectMessages],
      (c) =>
        c.on(Events.MessageCreate, async (m) => {
          if (!m.author.bot && m.channel.type === ChannelType.DM) await m.reply(`you said: ${m.content}`);
        }),
      true,
    );
    const dm = f.directMessage({ content: 'hello bot' });
    const dmId = f.dmChannelId();
    expect(dm).toMatchObject({ channel_id: dmId, content: 'hello bot' });
    const reply = await f.waitForReplyTo(dm);
    expect(reply).toMatchObject({ channel_id: dmId, content: 'you said: hello bot', message_reference: { message_id: dm.id } });
    expect(f.channelMessages(dmId).map((m) => m.content)).toEqual(['hello bot', 'you said: hello bot']);
    const [dispatched, ...others] = sentDispatches(f, 'MESSAGE_CREATE', dm.id);
    expect(others).toEqual([]);
    expect(dispatched?.d).not.toHaveProperty('guild_id');
    expect(guildOnly).toEqual([]);

    expect(f.directMessage({ content: 'again' }).channel_id).toBe(dmId);
    const fetched = await client.channels.fetch(dmId, { force: true });
    expect(fetched?.type).toBe(ChannelType.DM);
    const body = { content: 'once', nonce: 'dm-1', enforce_nonce: true };
    const [first, second] = [await client.rest.post(Routes.channelMessages(dmId), { body }), await client.rest.post(Routes.channelMessages(dmId), { body })];
    expect((second as { id: string }).id).toBe((first as { id: string }).id);
    const other = f.createUser({ username: 'other' });
    const opened = (await client.rest.post(Routes.userChannels(), { body: { recipient_id: other.id } })) as { id: string; type: number };
    expect(opened).toMatchObject({ id: f.dmChannelId(other), type: 1 });
  });
});

describe('threads and forums', () => {
  it("dispatches a user's new thread, a mention in it, and takes the reply in the thread", async () => {
    const f = await setup();
    const created: boolean[] = [];
    const client = await login(f, DEFAULT_INTENTS, (c) => {
      c.on(Events.ThreadCreate, (_thread, newlyCreated) => void created.push(newlyCreated));
      c.on(Events.MessageCreate, async (m) => {
        if (m.mentions.has(c.user!) && m.channel.isThread()) await m.reply(`in ${m.channel.name}`);
      });
    });
    const thread = f.createThread({ name: 'xen help' });
    expect(thread).toMatchObject({ type: ChannelType.PublicThread, parent_id: f.textChannelId(), owner_id: f.defaultUser.id, name: 'xen help' });
    expect(thread).not.toHaveProperty('member');
    await expect.poll(() => created).toEqual([true]);
    expect(client.channels.cache.get(thread.id)?.isThread()).toBe(true);
    const question = f.messageCreate({ channelId: thread.id, content: 'what is PVH?', mentions: [f.botUser] });
    const reply = await f.waitForReplyTo(question);
    expect(reply).toMatchObject({ channel_id: thread.id, content: 'in xen help' });
    expect(() => f.createThread({ channelId: thread.id, name: 'nested' })).toThrow(/text or announcement channel/);
  });

  it('refuses a post in a thread without SEND_MESSAGES_IN_THREADS', async () => {
    const everyone = P.ViewChannel | P.SendMessages | P.ReadMessageHistory;
    const f = await setup({ guilds: [{ everyonePermissions: everyone, botPermissions: 0n }] });
    const client = await login(f, DEFAULT_INTENTS);
    const thread = f.createThread({ name: 'quiet' });
    await client.rest.post(Routes.channelMessages(f.textChannelId()), { body: { content: 'channel: fine' } });
    await expect(client.rest.post(Routes.channelMessages(thread.id), { body: { content: 'thread: refused' } })).rejects.toMatchObject({ status: 403, code: 50013 });
    expect(f.takeErrors()[0]?.message).toMatch(/SEND_MESSAGES_IN_THREADS/);
  });

  const FORUM_ID = snowflake();
  const withForum: FakeDiscordOptions = { guilds: [{ channels: [{ name: 'general' }, { id: FORUM_ID, name: 'questions', type: 'forum' }] }] };

  it('dispatches a forum post as THREAD_CREATE then MESSAGE_CREATE of its starter message, and takes a reply in the post', async () => {
    const f = await setup(withForum);
    const client = await login(f, DEFAULT_INTENTS, (c) =>
      c.on(Events.MessageCreate, async (m) => {
        const channel = m.channel;
        if (!channel.isThread() || channel.parent?.type !== ChannelType.GuildForum || m.id !== channel.id || m.author.bot) return;
        await m.reply(`re: ${channel.name}`);
      }),
    );
    expect(client.channels.cache.get(FORUM_ID)?.type).toBe(ChannelType.GuildForum);
    const { thread, message } = f.forumPost({ channelId: FORUM_ID, title: 'FIFO event channels?', content: 'What are they?' });
    expect(thread).toMatchObject({ id: message.id, type: ChannelType.PublicThread, parent_id: FORUM_ID, name: 'FIFO event channels?' });
    expect(message).toMatchObject({ channel_id: thread.id, content: 'What are they?' });
    const order = f.gatewayEvents.filter((e) => e.kind === 'sent' && (e.d as { id?: string }).id === thread.id).map((e) => e.t);
    expect(order).toEqual(['THREAD_CREATE', 'MESSAGE_CREATE']);
    expect(sentDispatches(f, 'THREAD_CREATE', thread.id)[0]?.d).toMatchObject({ newly_created: true });
    const reply = await f.waitForReplyTo(message);
    expect(reply).toMatchObject({ channel_id: thread.id, content: 're: FIFO event channels?' });
    expect(f.channelMessages(thread.id)).toHaveLength(2);
  });

  it('refuses a message posted in the forum channel itself, and lets the bot open a post', async () => {
    const f = await setup(withForum);
    const client = await login(f, DEFAULT_INTENTS);
    await expect(client.rest.post(Routes.channelMessages(FORUM_ID), { body: { content: 'hello forum' } })).rejects.toMatchObject({ status: 400, code: 40058 });
    expect(f.takeErrors().map((e) => e.message)).toEqual([expect.stringContaining('Cannot send a message in a forum channel')]);
    expect(() => f.messageCreate({ channelId: FORUM_ID, content: 'hi' })).toThrow(/is a forum/);

    const forum = client.channels.cache.get(FORUM_ID);
    if (forum?.type !== ChannelType.GuildForum) throw new Error('no forum');
    const post = await forum.threads.create({ name: 'Announcements', message: { content: 'first!' } });
    expect(f.channelMessages(post.id)).toMatchObject([{ id: post.id, content: 'first!', author: { id: f.botUser.id } }]);
    await expect.poll(() => sentDispatches(f, 'MESSAGE_CREATE', post.id)).toHaveLength(1);
  });
});
