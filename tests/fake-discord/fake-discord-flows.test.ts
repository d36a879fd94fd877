// End-to-end flows beyond the smoke test: defer/follow-up, acknowledgement rules, commands, selects, modals, threads, files.
import {
  ActionRowBuilder,
  AttachmentBuilder,
  type Client,
  DiscordAPIError,
  Events,
  MessageFlags,
  ModalBuilder,
  Routes,
  StringSelectMenuBuilder,
  TextInputBuilder,
  TextInputStyle,
} from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeDiscord, type FakeDiscordOptions, startFakeDiscord } from './index.ts';
import { loginClient } from './test-client.ts';

let fake: FakeDiscord | undefined;
let client: Client | undefined;

async function setup(setupClient: (c: Client) => void, opts: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  fake = await startFakeDiscord(opts);
  client = await loginClient(fake, undefined, setupClient);
  return fake;
}

afterEach(async () => {
  await client?.destroy();
  client = undefined;
  const f = fake;
  fake = undefined;
  try {
    f?.assertNoErrors();
  } finally {
    await f?.close();
  }
});

describe('interaction acknowledgement rules', () => {
  it('defers with_response, edits @original, follows up ephemerally, and refuses a second initial response', async () => {
    let second: unknown;
    const f = await setup((c) =>
      c.on(Events.InteractionCreate, async (i) => {
        if (!i.isChatInputCommand()) return;
        const deferred = await i.deferReply({ withResponse: true });
        second = await c.rest
          .post(Routes.interactionCallback(i.id, i.token), { body: { type: 4, data: { content: 'again' } }, auth: false })
          .catch((err: unknown) => err);
        await i.editReply({ content: `edited ${deferred.interaction.responseMessageLoading ? 'after loading' : '?'}` });
        await i.followUp({ content: 'only you', flags: MessageFlags.Ephemeral });
      }),
    );
    const handle = f.slashCommand({ name: 'xen', subcommand: 'ask', options: { question: 'q' } });
    expect((await handle.response()).type).toBe(5);
    await handle.waitForRequest((r) => r.method === 'POST' && r.route.startsWith('POST /webhooks'));
    const [callback, again, edit, follow] = handle.requests();
    expect(callback?.status).toBe(200);
    expect(callback?.response).toMatchObject({ interaction: { id: handle.id, response_message_loading: true }, resource: { type: 5 } });
    expect(again?.status).toBe(400);
    expect((second as DiscordAPIError).code).toBe(40060);
    expect(edit?.route).toBe('PATCH /webhooks/:applicationId/:token/messages/:messageId');
    expect(follow?.query.wait).toBe('true');
    const [original, followUp] = handle.messages();
    expect(original?.content).toBe('edited after loading');
    expect((original?.flags ?? 0) & MessageFlags.Loading).toBe(0);
    expect(followUp?.content).toBe('only you');
    expect((followUp?.flags ?? 0) & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(f.takeErrors().map((e) => e.message)).toEqual([expect.stringContaining('Interaction has already been acknowledged')]);
  });

  it('turns the first follow-up after a deferred reply into the reply itself', async () => {
    const f = await setup((c) =>
      c.on(Events.InteractionCreate, async (i) => {
        if (!i.isChatInputCommand()) return;
        await i.deferReply();
        await i.followUp({ content: 'first' });
        await i.followUp({ content: 'second' });
      }),
    );
    const handle = f.slashCommand({ name: 'xen', subcommand: 'ask', options: { question: 'q' } });
    await handle.waitForRequest((r) => r.method === 'POST' && (r.body as { content?: string }).content === 'second');
    expect(handle.messages().map((m) => m.content)).toEqual(['first', 'second']);
    expect(handle.message()?.content).toBe('first');
  });

  it('rejects follow-ups before any response and initial responses after the window', async () => {
    const results: unknown[] = [];
    const f = await setup(
      (c) =>
        c.on(Events.InteractionCreate, async (i) => {
          if (!i.isChatInputCommand()) return;
          results.push(await c.rest.post(Routes.webhook(i.applicationId, i.token), { body: { content: 'early' }, auth: false }).catch((e: unknown) => e));
          await new Promise((r) => setTimeout(r, 150));
          results.push(await i.reply({ content: 'too late' }).catch((e: unknown) => e));
        }),
      { interactionResponseWindowMs: 100 },
    );
    f.slashCommand({ name: 'xen', subcommand: 'ask', options: { question: 'q' } });
    await expect.poll(() => results.length).toBe(2);
    expect(results.map((e) => (e as DiscordAPIError).code)).toEqual([10015, 10062]);
    expect(f.takeErrors().map((e) => e.kind).sort()).toEqual(['interaction', 'interaction', 'not-found']);
  });
});

describe('commands, selects, modals, threads and files', () => {
  it("serves the bot's application, user and channels", async () => {
    const f = await setup(() => undefined);
    expect((await client!.application!.fetch()).id).toBe(f.applicationId);
    expect(await client!.rest.get(Routes.user())).toMatchObject({ id: f.botUser.id, bot: true });
    const channel = await client!.channels.fetch(f.textChannelId(), { force: true });
    expect(channel && 'name' in channel ? channel.name : undefined).toBe('general');
    await expect(client!.channels.fetch('123456789012345678', { force: true })).rejects.toMatchObject({ code: 10003 });
    expect(f.takeErrors().map((e) => e.kind)).toEqual(['not-found']);
  });

  it('registers commands and dispatches only invocations Discord could send', async () => {
    const f = await setup(() => undefined);
    const commands = await client!.application!.commands.set([
      { name: 'xen', description: 'Xen facts', options: [{ type: 1, name: 'ask', description: 'Ask', options: [{ type: 3, name: 'question', description: 'Q', required: true }] }] },
    ]);
    expect(commands.first()?.id).toMatch(/^\d{17,20}$/);
    expect(f.registeredCommands().map((c) => c.name)).toEqual(['xen']);
    expect(() => f.slashCommand({ name: 'xen', subcommand: 'ask', options: { q: 'x' } })).toThrow(/option "q" is not declared/);
    expect(() => f.slashCommand({ name: 'xen', subcommand: 'ask' })).toThrow(/required option "question"/);
    expect(() => f.slashCommand({ name: 'other' })).toThrow(/no chat input command "other"/);
    await expect(client!.application!.commands.set([{ name: 'Xen', description: 'x'.repeat(101) }])).rejects.toMatchObject({ status: 400 });
    expect(f.takeErrors()[0]?.message).toMatch(/0\.name: Command name must be lowercase.*0\.description: Must be between 1 and 100/);
  });

  it('sends a select menu to a channel and handles the selection', async () => {
    const f = await setup((c) =>
      c.on(Events.InteractionCreate, async (i) => {
        if (i.isStringSelectMenu()) await i.update({ content: `chose ${i.values.join('+')}`, components: [] });
      }),
    );
    const channel = client!.channels.cache.get(f.textChannelId());
    if (!channel?.isSendable()) throw new Error('channel not sendable');
    const menu = new StringSelectMenuBuilder().setCustomId('topic').setMinValues(1).setMaxValues(2)
      .addOptions({ label: 'PV', value: 'pv' }, { label: 'HVM', value: 'hvm' });
    const sent = await channel.send({ content: 'pick', components: [new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(menu)] });
    expect(() => f.selectMenu({ customId: 'topic', message: sent, values: ['arm'] })).toThrow(/no option/);
    const handle = f.selectMenu({ customId: 'topic', message: sent, values: ['pv', 'hvm'] });
    expect((await handle.response()).type).toBe(7);
    expect(f.message(sent)?.content).toBe('chose pv+hvm');
  });

  it('shows a modal and receives its submission', async () => {
    const f = await setup((c) =>
      c.on(Events.InteractionCreate, async (i) => {
        if (i.isChatInputCommand()) {
          const input = new TextInputBuilder().setCustomId('text').setLabel('Feedback').setStyle(TextInputStyle.Paragraph).setMaxLength(50);
          await i.showModal(new ModalBuilder().setCustomId('feedback').setTitle('Feedback').addComponents(new ActionRowBuilder<TextInputBuilder>().addComponents(input)));
        } else if (i.isModalSubmit()) {
          await i.reply({ content: `thanks: ${i.fields.getTextInputValue('text')}`, flags: MessageFlags.Ephemeral });
        }
      }),
    );
    const command = f.slashCommand({ name: 'xen', subcommand: 'feedback' });
    expect((await command.response()).data?.title).toBe('Feedback');
    expect(() => f.modalSubmit({ from: command, fields: { text: 'x'.repeat(51) } })).toThrow(/0-50 characters/);
    const submit = f.modalSubmit({ from: command, fields: { text: 'great' } });
    expect((await submit.response()).data?.content).toBe('thanks: great');
  });

  it('starts a thread from a message, posts in it, and uploads a file as multipart', async () => {
    const f = await setup(() => undefined);
    const channel = client!.channels.cache.get(f.textChannelId());
    if (!channel?.isTextBased() || !channel.isSendable()) throw new Error('no channel');
    const starter = await channel.send('starter');
    const thread = await starter.startThread({ name: 'discussion' });
    expect(thread.id).toBe(starter.id);
    await expect.poll(() => client!.channels.cache.has(thread.id)).toBe(true);
    await thread.send({ content: 'in thread', files: [new AttachmentBuilder(Buffer.from('hello'), { name: 'notes.txt' })] });
    const upload = await f.waitForRequest((r) => r.path === `/channels/${thread.id}/messages`);
    expect(upload.files).toEqual([{ field: 'files[0]', filename: 'notes.txt', contentType: expect.any(String), size: 5 }]);
    expect(upload.body).toMatchObject({ content: 'in thread', attachments: [{ id: '0' }] });
    expect(f.channelMessages(thread.id)[0]?.attachments[0]?.filename).toBe('notes.txt');
    await expect(starter.startThread({ name: 'again' })).rejects.toMatchObject({ code: 160004 });
    expect(f.takeErrors()).toHaveLength(1);
  });
});

describe('gateway lifecycle', () => {
  it.each([
    ['op 7 RECONNECT', (f: FakeDiscord) => f.requestReconnect()],
    ['an abrupt TCP drop', (f: FakeDiscord) => void f.disconnect({ abrupt: true })],
  ])('resumes the same session after %s', async (_name, drop) => {
    const f = await setup(() => undefined);
    const resumed = new Promise<void>((resolve) => client!.once(Events.ShardResume, () => resolve()));
    drop(f);
    await resumed;
    const connects = f.gatewayEvents.filter((e) => e.kind === 'connect');
    expect(connects.map((e) => e.url?.split('?')[0])).toEqual(['/', '/resume']);
    expect(f.gatewayEvents.filter((e) => e.kind === 'received' && e.op === 2)).toHaveLength(1);
  });

  it('acknowledges heartbeats', async () => {
    await setup(() => undefined, { heartbeatIntervalMs: 100 });
    await fake!.waitForGateway((e) => e.kind === 'sent' && e.op === 11);
    await expect.poll(() => client!.ws.ping).toBeGreaterThanOrEqual(0);
  });

  it('re-identifies after a non-resumable invalid session and becomes usable again', async () => {
    const f = await setup((c) =>
      c.on(Events.InteractionCreate, async (i) => {
        if (i.isChatInputCommand()) await i.reply('back');
      }),
    );
    f.invalidateSession(false);
    // @discordjs/ws waits up to ~6.5 s between two identifies (identify rate limit).
    await f.waitForGateway((e) => e.kind === 'sent' && e.t === 'READY' && f.gatewayEvents.filter((x) => x.t === 'READY').length === 2, { timeoutMs: 10_000 });
    await expect.poll(() => f.identifiedIntents()).toBeDefined();
    const handle = f.slashCommand({ name: 'xen', subcommand: 'ask', options: { question: 'q' } });
    expect((await handle.response()).data?.content).toBe('back');
  }, 15_000);
});
