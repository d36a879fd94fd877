import { ComponentType, InteractionResponseType, Locale, type APIActionRowComponent, type APIComponentInMessageActionRow } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { sharedBot } from './harness.ts';
import { customIds, isEphemeral, withoutQuestionRef } from './interaction-replies.ts';

const bot = sharedBot();
type Row = APIActionRowComponent<APIComponentInMessageActionRow>;

const xen = (subcommand: string, options: Record<string, string | boolean> = {}, locale: Locale = Locale.EnglishUS) =>
  bot().fake.slashCommand({ name: 'xen', subcommand, options, locale });

describe('/xen ask', () => {
  it('GIVEN a clear question THEN posts a public cited embed with Sources, Related, feedback and delete buttons', async () => {
    const body = await xen('ask', { question: 'What is PVH?' }).response();
    expect(body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(isEphemeral(body)).toBe(false);
    const embed = body.data!.embeds![0]!;
    expect(embed.title).toMatch(/PVH/);
    expect(embed.footer?.text).toMatch(/^pvh-guests · Xen 4\.4 · confidence [01]\.\d\d$/);
    expect(embed.fields?.find((f) => f.name === 'Sources')).toMatchObject({ name: 'Sources', value: expect.stringMatching(/^1\. \[.+\]\(https?:\/\/.+\) — /) });
    expect(withoutQuestionRef(customIds(body.data!.components))).toEqual([
      'xen:src:pvh-guests:en',
      'xen:rel:pvh-guests:en',
      'xen:fb:up:pvh-guests',
      'xen:fb:down:pvh-guests',
      `xen:del:${bot().fake.defaultUser.id}`,
    ]);
    expect(body.data!.allowed_mentions).toEqual({ parse: [], users: [], roles: [], replied_user: false });
  });

  it('GIVEN a French question THEN answers in French, even from an English client', async () => {
    const body = await xen('ask', { question: "Qu'est-ce que le mode PVH ?" }).response();
    const embed = body.data!.embeds![0]!;
    expect(embed.footer?.text).toContain('confiance');
    expect(embed.author?.name).toBe('Expérimental en 4.4');
    expect(customIds(body.data!.components)).toContain('xen:src:pvh-guests:fr');
  });

  it('GIVEN a bare name and a French Discord locale THEN answers in French', async () => {
    const body = await xen('ask', { question: 'PVH' }, Locale.French).response();
    expect(body.data!.embeds![0]!.footer?.text).toContain('confiance');
  });

  it('GIVEN a question that mentions @everyone and a role THEN nobody is pinged', async () => {
    const body = await xen('ask', { question: '@everyone @here <@&123456789012345678> what is PVH?' }).response();
    expect(body.data!.allowed_mentions).toMatchObject({ parse: [], users: [], roles: [] });
  });

  it('GIVEN mention:<user> THEN only that user is pinged, by name at the top', async () => {
    const friend = bot().fake.createUser({ username: 'friend' });
    const body = await bot().fake.slashCommand({ name: 'xen', subcommand: 'ask', options: { question: 'What is PVH?', mention: friend.id } }).response();
    expect(body.data!.content).toBe(`<@${friend.id}>`);
    expect(body.data!.allowed_mentions).toMatchObject({ parse: [], users: [friend.id] });
  });

  it('GIVEN hide:true THEN the answer is only visible to the asker', async () => {
    const body = await xen('ask', { question: 'What is PVH?', hide: true }).response();
    expect(isEphemeral(body)).toBe(true);
  });

  it('GIVEN a question the bot is unsure about THEN offers a private "did you mean" menu', async () => {
    const body = await xen('ask', { question: 'kexce' }).response();
    expect(isEphemeral(body)).toBe(true);
    expect(body.data!.content).toMatch(/^Not sure — did you mean/);
    const menu = (body.data!.components as Row[])[0]!.components[0]!;
    expect(menu.type).toBe(ComponentType.StringSelect);
    expect(body.data!.embeds ?? []).toEqual([]);
  });

  it('GIVEN an out-of-scope question THEN says it does not know, privately, without guessing', async () => {
    const body = await xen('ask', { question: 'How do I configure Docker networking?' }).response();
    expect(isEphemeral(body)).toBe(true);
    expect(body.data!.content).toMatch(/^I don't know/);
    expect(body.data!.embeds ?? []).toEqual([]);
  });

  it('GIVEN a 500-character question full of markdown and control characters THEN still replies within the limits', async () => {
    const question = `**PVH** \`x\` ~~y~~ ${'\u0000\u0007 [link](http://evil) '.repeat(30)}`.slice(0, 500);
    const body = await xen('ask', { question }).response();
    expect(body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(body.data!.content ?? '').not.toMatch(/^Sorry/); // handled, not the apology
    expect(bot().logs).toContainEqual(expect.objectContaining({ msg: 'interaction handled', command: '/xen ask' }));
  });
});

describe('/xen feature', () => {
  it('GIVEN an id picked from autocomplete THEN shows that fact without a confidence figure', async () => {
    const body = await xen('feature', { name: 'fifo-event-channels' }).response();
    expect(body.data!.embeds![0]!.footer?.text).toBe('fifo-event-channels · Xen 4.4');
  });

  it('GIVEN a name typed without picking THEN finds the fact', async () => {
    const body = await xen('feature', { name: 'nested virtualisation' }).response();
    expect(body.data!.embeds![0]!.footer?.text).toMatch(/^nested-virtualization · /);
  });

  it('GIVEN a name that matches nothing THEN replies privately with no fact', async () => {
    const body = await xen('feature', { name: 'zzzz qqqq' }).response();
    expect(isEphemeral(body)).toBe(true);
    expect(body.data!.embeds ?? []).toEqual([]);
  });
});

describe('/xen sources, topics and about', () => {
  it('GIVEN no topic THEN shows the first page of the bibliography with links and a pager', async () => {
    const body = await xen('sources').response();
    const embed = body.data!.embeds![0]!;
    expect(embed.title).toBe('Bibliography');
    expect(embed.description).toMatch(/__\*\*Primary sources\*\*__ \(\d+\)/);
    expect(embed.footer?.text).toMatch(/^Page 1\/\d+$/);
    expect(customIds(body.data!.components)).toEqual(['xen:bib:-1:en', 'xen:bib:1:en']);
  });

  it('GIVEN text that names no fact THEN offers a menu whose pick shows the sources, not the fact', async () => {
    const ask = xen('sources', { topic: 'kexce' });
    await ask.response();
    const menu = ((ask.message()!.components as Row[])[0]!.components[0] as unknown) as { custom_id: string; options: Array<{ value: string }> };
    const body = await bot().fake.selectMenu({ customId: menu.custom_id, message: ask.message()!, values: [menu.options[0]!.value] }).response();
    expect(body.data!.embeds![0]!.title).toMatch(/^Sources: /);
  });

  it('GIVEN a fact THEN lists its sources in full, in the asker’s language', async () => {
    const body = await xen('sources', { topic: 'fifo-event-channels' }, Locale.French).response();
    const embed = body.data!.embeds![0]!;
    expect(embed.title).toMatch(/^Sources : /);
    expect(embed.description).toMatch(/\*\*1\.\*\* \[.+\]\(https?:\/\/.+\) — .+ · (primaire|secondaire)/);
  });

  it('GIVEN no category THEN lists every topic with its number of facts', async () => {
    const embed = (await xen('topics').response()).data!.embeds![0]!;
    expect(embed.description).toMatch(/\*\*Event channels \(FIFO ABI\)\*\* · \d+ facts/);
  });

  it('GIVEN a category THEN lists its facts with menus to open them', async () => {
    const body = await xen('topics', { category: 'arm' }).response();
    expect(body.data!.embeds![0]!.title).toMatch(/^ARM · \d+ facts$/);
    const menus = body.data!.components as Row[];
    expect(menus.length).toBeGreaterThan(0);
    expect(customIds(menus).every((id) => id.startsWith('xen:pick:en:r:'))).toBe(true);
  });

  it('GIVEN an unknown category THEN says so privately and shows the topics', async () => {
    const body = await xen('topics', { category: 'quantum' }).response();
    expect(isEphemeral(body)).toBe(true);
    expect(body.data!.content).toBe('I have no topic by that name.');
  });

  it('GIVEN /xen about THEN shows version, fact count, sources and freshness', async () => {
    const embed = (await xen('about', {}, Locale.French).response()).data!.embeds![0]!;
    expect(embed.title).toBe('À propos de xenbot');
    const fields = Object.fromEntries((embed.fields ?? []).map((f) => [f.name, f.value]));
    expect(fields).toMatchObject({ Version: '9.9.9-test', Faits: String(bot().ctx.engine.kb.facts.length), 'Dernière mise à jour des connaissances': '2026-11-26' });
  });
});
