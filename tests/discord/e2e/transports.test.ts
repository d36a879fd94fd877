// One table of interaction scenarios, run through both transports: the gateway (INTERACTION_CREATE, answered over
// REST) and the HTTP endpoint (signed POST, answered in the HTTP response). Same handlers, same payloads.
import { InteractionResponseType, type APIMessage } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { CALLBACK_ROUTE } from '../../fake-discord/index.ts';
import { botPerTest, type BotUnderTest } from './harness.ts';
import { customIdStarting, isEphemeral } from './interaction-replies.ts';

const start = botPerTest();
type Menu = { custom_id: string; options: Array<{ value: string }> };
const menuOf = (message: APIMessage | undefined) => (message?.components?.[0] as { components: Menu[] } | undefined)?.components[0];

async function ask(bot: BotUnderTest, question: string) {
  const handle = bot.fake.slashCommand({ name: 'xen', subcommand: 'ask', options: { question } });
  return { body: await handle.response(), message: () => handle.message()! };
}

const SCENARIOS: Array<[string, (bot: BotUnderTest) => Promise<void>]> = [
  ['/xen ask answers with the cited fact, publicly', async (bot) => {
    const { body } = await ask(bot, 'What is PVH?');
    expect(isEphemeral(body)).toBe(false);
    expect(body.data!.embeds![0]!.footer?.text).toMatch(/^pvh-guests · Xen 4\.4/);
  }],
  ['autocomplete offers the reference entry first', async (bot) => {
    const body = await bot.fake.autocomplete({ name: 'xen', subcommand: 'ref', options: { name: 'dom0_m' }, focused: 'name' }).response();
    expect(body.data!.choices![0]).toEqual({ name: 'dom0_mem — hypervisor boot option', value: 'boot-dom0-mem' });
  }],
  ['Sources opens every citation privately', async (bot) => {
    const { message } = await ask(bot, 'What is PVH?');
    const body = await bot.fake.button({ customId: 'xen:src:pvh-guests:en', message: message() }).response();
    expect(isEphemeral(body)).toBe(true);
    expect(body.data!.embeds![0]!.description).toMatch(/\[.+\]\(https?:\/\/.+\)/);
  }],
  ['a "did you mean" pick replaces the menu with the fact', async (bot) => {
    const { message } = await ask(bot, 'kexce');
    const menu = menuOf(message())!;
    const body = await bot.fake.selectMenu({ customId: menu.custom_id, message: message(), values: [menu.options[0]!.value] }).response();
    expect(body.type).toBe(InteractionResponseType.UpdateMessage);
  }],
  ['👎 opens "what was wrong?", and sending it thanks privately', async (bot) => {
    const { message } = await ask(bot, 'What is PVH?');
    const down = bot.fake.button({ customId: customIdStarting(message().components, 'xen:fb:down:pvh-guests'), message: message() });
    expect((await down.response()).type).toBe(InteractionResponseType.Modal);
    expect(isEphemeral(await bot.fake.modalSubmit({ from: down, fields: { comment: 'too short' } }).response())).toBe(true);
  }],
  ['🗑️ by the asker deletes the answer (a follow-up through REST)', async (bot) => {
    const answer = (await ask(bot, 'What is PVH?')).message();
    const click = bot.fake.button({ customId: `xen:del:${bot.fake.defaultUser.id}`, message: answer });
    expect((await click.response()).type).toBe(InteractionResponseType.DeferredMessageUpdate);
    await expect.poll(() => bot.fake.isDeleted(answer)).toBe(true);
  }],
  ['/xen-admin is refused to a member without Manage Server', async (bot) => {
    const body = await bot.fake.slashCommand({ name: 'xen-admin', subcommand: 'cooldown', options: { seconds: 5 }, user: bot.fake.createUser({ username: 'member' }) }).response();
    expect(body.data!.content).toMatch(/^Only members who can manage this server/);
  }],
];

describe.each(['gateway', 'http'] as const)('through the %s transport', (transport) => {
  it.each(SCENARIOS)('%s', async (_name, scenario) => {
    const bot = await start({ transport });
    await scenario(bot);
    // Over HTTP the gateway carried no interaction; over the gateway the endpoint got none.
    const posts = bot.fake.requests.filter((r) => r.route === CALLBACK_ROUTE);
    if (transport === 'http') expect(posts).toEqual([]);
    else expect(posts.length).toBeGreaterThan(0);
  });
});
