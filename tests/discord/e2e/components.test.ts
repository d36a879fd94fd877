import { InteractionResponseType, type APIActionRowComponent, type APIComponentInMessageActionRow, type APIMessage } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { sharedBot } from './harness.ts';
import { customIdStarting, isEphemeral } from './interaction-replies.ts';

const bot = sharedBot();

type Row = APIActionRowComponent<APIComponentInMessageActionRow>;
const menuOf = (message: APIMessage | undefined) => (message?.components as Row[] | undefined)?.[0]?.components[0] as { custom_id: string; options: Array<{ value: string; label: string }> };

/** Ask a question and return the public answer message the buttons sit on. */
async function answerMessage(question: string, user = bot().fake.defaultUser): Promise<APIMessage> {
  const handle = bot().fake.slashCommand({ name: 'xen', subcommand: 'ask', options: { question }, user });
  await handle.response();
  return handle.message()!;
}

describe('buttons under an answer', () => {
  it('Sources THEN lists every citation privately', async () => {
    const message = await answerMessage('What is PVH?');
    const body = await bot().fake.button({ customId: 'xen:src:pvh-guests:en', message }).response();
    expect(isEphemeral(body)).toBe(true);
    expect(body.data!.embeds![0]!.description).toMatch(/\*\*1\.\*\* \[.+\]\(https?:\/\/.+\)/);
  });

  it('Related THEN offers the related facts in a menu, and picking one shows it in place', async () => {
    const message = await answerMessage('What is PVH?');
    const related = bot().fake.button({ customId: customIdStarting(message.components, 'xen:rel:pvh-guests:en'), message });
    const body = await related.response();
    expect(isEphemeral(body)).toBe(true);
    const menu = menuOf(related.message());
    const expected = bot().ctx.engine.kb.factsById.get('pvh-guests')!.related;
    expect(menu.options.map((o) => o.value)).toEqual(expected.slice(0, 25));

    const pick = bot().fake.selectMenu({ customId: menu.custom_id, message: related.message()!, values: [expected[0]!] });
    const picked = await pick.response();
    expect(picked.type).toBe(InteractionResponseType.UpdateMessage);
    expect(picked.data!.embeds![0]!.footer?.text).toMatch(new RegExp(`^${expected[0]} · Xen 4\\.4`));
  });

  it('👍 THEN thanks the user privately and logs the vote', async () => {
    const message = await answerMessage('What is PVH?');
    const body = await bot().fake.button({ customId: customIdStarting(message.components, 'xen:fb:up:pvh-guests'), message }).response();
    expect(body.data).toMatchObject({ content: 'Thanks, your feedback is noted.' });
    expect(isEphemeral(body)).toBe(true);
    expect(bot().logs).toContainEqual(expect.objectContaining({ event: 'feedback', vote: 'up', factId: 'pvh-guests' }));
  });

  it('🗑️ by someone else THEN refuses, and the answer stays', async () => {
    const message = await answerMessage('What is PVH?');
    const stranger = bot().fake.createUser({ username: 'stranger' });
    const body = await bot().fake.button({ customId: `xen:del:${bot().fake.defaultUser.id}`, message, user: stranger }).response();
    expect(body.data!.content).toBe('Only the person who asked can delete this answer.');
    expect(bot().fake.isDeleted(message)).toBe(false);
  });

  it('🗑️ by the asker THEN deletes the answer', async () => {
    const message = await answerMessage('What is PVH?');
    const click = bot().fake.button({ customId: `xen:del:${bot().fake.defaultUser.id}`, message });
    expect((await click.response()).type).toBe(InteractionResponseType.DeferredMessageUpdate);
    await click.waitForRequest((r) => r.method === 'DELETE');
    expect(bot().fake.isDeleted(message)).toBe(true);
  });
});

describe('menus and pages', () => {
  it('"did you mean" THEN picking a suggestion replaces the menu with the fact', async () => {
    const ask = bot().fake.slashCommand({ name: 'xen', subcommand: 'ask', options: { question: 'kexce' } });
    await ask.response();
    const menu = menuOf(ask.message());
    const choice = menu.options[0]!.value;
    const body = await bot().fake.selectMenu({ customId: menu.custom_id, message: ask.message()!, values: [choice] }).response();
    expect(body.type).toBe(InteractionResponseType.UpdateMessage);
    expect(body.data!.content).toBe('');
    expect(body.data!.embeds![0]!.footer?.text).toMatch(new RegExp(`^${choice} · `));
  });

  it('a topic list THEN picking a fact opens it privately and keeps the list', async () => {
    const list = bot().fake.slashCommand({ name: 'xen', subcommand: 'topics', options: { category: 'kexec' } });
    await list.response();
    const menu = menuOf(list.message());
    const before = structuredClone(list.message()!);
    const body = await bot().fake.selectMenu({ customId: menu.custom_id, message: before, values: [menu.options[0]!.value] }).response();
    expect(body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(isEphemeral(body)).toBe(true);
    expect(bot().fake.message(before)?.embeds).toEqual(before.embeds);
  });

  it('the bibliography pager THEN moves to the next page in place', async () => {
    const sources = bot().fake.slashCommand({ name: 'xen', subcommand: 'sources' });
    await sources.response();
    const body = await bot().fake.button({ customId: 'xen:bib:1:en', message: sources.message()! }).response();
    expect(body.type).toBe(InteractionResponseType.UpdateMessage);
    expect(body.data!.embeds![0]!.footer?.text).toMatch(/^Page 2\/\d+$/);
  });
});
