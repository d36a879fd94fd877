// The curation loop end to end: what users ask and judge through the fake Discord lands in a real SQLite file, and
// `npm run gaps` (run as the curator runs it) reports it; /xen-admin settings apply at once and survive a restart.
import { InteractionResponseType, type APIActionRowComponent, type APIComponentInMessageActionRow, type APIMessage } from 'discord.js';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { GapsReport } from '../../../src/curation/gaps.ts';
import { removeTempDbs, tempDbPath } from '../../store/temp-db.ts';
import { expectIgnored, replyTo } from './channel-replies.ts';
import { botPerTest, type BotUnderTest } from './harness.ts';
import { customIdStarting, isEphemeral } from './interaction-replies.ts';

afterAll(removeTempDbs);
const start = botPerTest();

const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const GAPS = fileURLToPath(new URL('../../../src/cli/gaps.ts', import.meta.url));

/**
 * The fake has the response as soon as the bot sends it; the bot queues its records once Discord has confirmed it.
 * So: wait until every interaction sent has its log line, then write what is queued.
 */
async function settled(bot: BotUnderTest): Promise<void> {
  const sent = () => bot.fake.gatewayEvents.filter((e) => e.kind === 'sent' && e.t === 'INTERACTION_CREATE').length;
  const done = () => bot.logs.filter((l) => l.msg === 'interaction handled' || l.msg === 'interaction failed').length;
  await expect.poll(() => done() >= sent()).toBe(true);
  bot.ctx.recorder!.flush();
}

/** `npm run gaps -- --json` on the bot's store, once what the bot recorded is written. */
async function gaps(bot: BotUnderTest, storePath: string): Promise<GapsReport> {
  await settled(bot);
  const out = execFileSync(process.execPath, ['--import', TSX_LOADER, GAPS, '--json', '--since', '1d'], {
    env: { PATH: process.env.PATH ?? '', XENBOT_DB: storePath },
    encoding: 'utf8',
  });
  return JSON.parse(out) as GapsReport;
}

type Row = APIActionRowComponent<APIComponentInMessageActionRow>;
const menuOf = (message: APIMessage | undefined) => (message?.components as Row[] | undefined)?.[0]?.components[0] as { custom_id: string; options: Array<{ value: string }> };

describe('what users ask reaches the curator', () => {
  it('GIVEN a question the bot cannot answer, asked by two people THEN npm run gaps lists it with two askers, and the file holds no user id', async () => {
    const storePath = tempDbPath();
    const bot = await start({ storePath });
    const other = bot.fake.createUser({ username: 'other' });
    for (const user of [bot.fake.defaultUser, other]) {
      const ask = bot.fake.slashCommand({ name: 'xen', subcommand: 'ask', options: { question: 'how do I vmotion a vm between esxi hosts' }, user });
      expect((await ask.response()).data?.embeds ?? []).toHaveLength(0); // not answered: "I don't know" or "did you mean"
    }
    const report = await gaps(bot, storePath);
    expect(Object.keys(report).sort()).toEqual(['aliasSuggestions', 'disliked', 'questions', 'since', 'unanswered']);
    expect(report.unanswered).toContainEqual(
      expect.objectContaining({ question: 'how do I vmotion a vm between esxi hosts', count: 2, askers: 2, status: expect.stringMatching(/^(unknown|uncertain)$/) }),
    );
    // The server's admin sees the same gap, privately.
    const adminView = await bot.fake.slashCommand({ name: 'xen-admin', subcommand: 'gaps' }).response();
    expect(isEphemeral(adminView)).toBe(true);
    expect(adminView.data!.embeds![0]!.description).toContain('**2×** `how do I vmotion a vm between esxi hosts`');
    const file = readFileSync(storePath).toString('latin1') + readFileSync(`${storePath}-wal`, { flag: 'a+' }).toString('latin1');
    for (const user of [bot.fake.defaultUser, other]) {
      expect(file).not.toContain(user.id);
      expect(file).not.toContain(user.username);
    }
  });

  it('GIVEN a 👎 and what was wrong THEN the vote and the comment show under the fact', async () => {
    const storePath = tempDbPath();
    const bot = await start({ storePath });
    const ask = bot.fake.slashCommand({ name: 'xen', subcommand: 'ask', options: { question: 'What is PVH?' } });
    await ask.response();
    const message = ask.message()!;
    const down = bot.fake.button({ customId: customIdStarting(message.components, 'xen:fb:down:pvh-guests'), message });
    expect((await down.response()).type).toBe(InteractionResponseType.Modal);
    const submitted = await bot.fake.modalSubmit({ from: down, fields: { comment: 'says nothing about dom0 support' } }).response();
    expect(isEphemeral(submitted)).toBe(true);
    const report = await gaps(bot, storePath);
    expect(report.disliked).toContainEqual(expect.objectContaining({ factId: 'pvh-guests', down: 1, comments: ['says nothing about dom0 support'] }));
  });

  it('GIVEN two people who resolve the same words by picking the same fact THEN npm run gaps suggests those words as an alias', async () => {
    const storePath = tempDbPath();
    const bot = await start({ storePath });
    let chosen = '';
    for (const user of [bot.fake.defaultUser, bot.fake.createUser({ username: 'second' })]) {
      const ask = bot.fake.slashCommand({ name: 'xen', subcommand: 'ask', options: { question: 'kexce' }, user });
      await ask.response();
      const menu = menuOf(ask.message());
      chosen ||= menu.options[0]!.value;
      expect((await bot.fake.selectMenu({ customId: menu.custom_id, message: ask.message()!, values: [chosen], user }).response()).type).toBe(InteractionResponseType.UpdateMessage);
    }
    expect((await gaps(bot, storePath)).aliasSuggestions).toContainEqual(expect.objectContaining({ factId: chosen, question: 'kexce', count: 2 }));
  });
});

describe('/xen-admin', () => {
  it('GIVEN a member without Manage Server THEN refuses, and nothing changes', async () => {
    const bot = await start({ storePath: tempDbPath() });
    const member = bot.fake.createUser({ username: 'member' });
    const body = await bot.fake.slashCommand({ name: 'xen-admin', subcommand: 'cooldown', options: { seconds: 600 }, user: member }).response();
    expect(isEphemeral(body)).toBe(true);
    expect(body.data!.content).toMatch(/^Only members who can manage this server/);
    expect(bot.ctx.recorder!.guildSettings(bot.fake.guildIds()[0])?.cooldownSeconds).toBeUndefined();
  });

  it('GIVEN an answer channel and a cooldown set by the owner THEN they apply at once and survive a restart', async () => {
    const storePath = tempDbPath();
    const ids = { guild: '112233445566778899', channel: '998877665544332211' };
    let bot = await start({ storePath, ids, messageContentIntent: true });
    const plain = (b: BotUnderTest, content = 'what is PVH?') => b.fake.messageCreate({ content, author: b.fake.createUser({ username: 'plain' }) });
    await expectIgnored(bot.fake, plain(bot)); // no mention, not an answer channel yet

    const added = await bot.fake.slashCommand({ name: 'xen-admin', subcommandGroup: 'channels', subcommand: 'add', options: { channel: ids.channel } }).response();
    expect(added.data!.content).toMatch(/^I will answer every question in/);
    expect((await replyTo(bot.fake, plain(bot))).embeds[0]?.footer?.text).toMatch(/^pvh-guests/);

    await bot.fake.slashCommand({ name: 'xen-admin', subcommand: 'cooldown', options: { seconds: 600 } }).response();
    const cooled = async (b: BotUnderTest) => {
      const asker = b.fake.createUser({ username: 'asker' });
      const mention = (content: string) => b.fake.messageCreate({ content, mentions: [b.fake.botUser], author: asker });
      expect((await replyTo(b.fake, mention('what is PVH?'))).embeds).toHaveLength(1);
      expect((await replyTo(b.fake, mention('is xend still there?'))).content).toMatch(/please wait \d+ s/);
    };
    await cooled(bot);

    await bot.stop();
    bot = await start({ storePath, ids, messageContentIntent: true });
    expect((await replyTo(bot.fake, plain(bot))).embeds[0]?.footer?.text).toMatch(/^pvh-guests/);
    await cooled(bot);
  });

  it('GIVEN an answer channel added while the bot cannot read plain messages THEN says what the operator must enable', async () => {
    const bot = await start({ storePath: tempDbPath() });
    const body = await bot.fake.slashCommand({ name: 'xen-admin', subcommandGroup: 'channels', subcommand: 'add', options: { channel: bot.fake.textChannelId() } }).response();
    expect(body.data!.content).toMatch(/Message Content intent/);
  });
});
