// Stale and forged buttons and menus: a polite private reply every time, never an error, never an action taken.
import { ComponentType, InteractionResponseType, type APIInteraction, type APIMessage } from 'discord.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { messages } from '../../../src/i18n/messages.ts';
import type { InteractionHandle } from '../../fake-discord/index.ts';
import { forge } from '../../helpers/forged-interactions.ts';
import { replyTo } from './channel-replies.ts';
import { sharedBot } from './harness.ts';
import { customIdStarting, isEphemeral } from './interaction-replies.ts';

const bot = sharedBot();
const en = messages('en');

/** Ask a question and return the public answer message the buttons sit on. */
async function answerMessage(user = bot().fake.defaultUser): Promise<APIMessage> {
  const handle = bot().fake.slashCommand({ name: 'xen', subcommand: 'ask', options: { question: 'What is PVH?' }, user });
  await handle.response();
  return handle.message()!;
}

/** A genuine click on an answer's 👍, to forge from: the payload Discord would send, message included. */
async function clickTemplate(): Promise<{ message: APIMessage; payload: APIInteraction }> {
  const message = await answerMessage();
  const click = bot().fake.button({ customId: customIdStarting(message.components, 'xen:fb:up:pvh-guests'), message });
  await click.response();
  return { message, payload: click.payload };
}

type Forged = { data: { custom_id?: string; component_type?: number; values?: unknown }; message?: APIMessage; member?: { user: { id: string } } };

/**
 * A click on `customId` from a message crafted to carry it (as a stale message from an older bot would),
 * so the bot's own checks are what is tested, not the presence of the component.
 */
function forgedClick(template: APIInteraction, customId: string, select?: { values: string[] }): InteractionHandle {
  const payload = forge(template, (raw) => {
    const p = raw as Forged;
    const component = select
      ? { type: ComponentType.StringSelect, custom_id: customId, options: select.values.map((v) => ({ label: v || '?', value: v })) }
      : { type: ComponentType.Button, style: 2, label: 'x', custom_id: customId };
    p.data = select ? { custom_id: customId, component_type: ComponentType.StringSelect, values: select.values } : { custom_id: customId, component_type: ComponentType.Button };
    p.message = { ...p.message!, components: [{ type: ComponentType.ActionRow, components: [component] }] } as APIMessage;
  });
  return bot().fake.rawInteraction(payload, `forged ${customId}`);
}

async function privateReply(handle: InteractionHandle): Promise<string | undefined> {
  const body = await handle.response();
  bot().fake.assertNoErrors();
  expect(body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
  expect(isEphemeral(body)).toBe(true);
  return body.data!.content;
}

describe('stale or forged component ids', () => {
  it.each([
    ['an unknown prefix', 'foo:src:pvh-guests:en'],
    ['an unknown action', 'xen:zap:pvh-guests:en'],
    ['too few parts', 'xen:src:pvh-guests'],
    ['a bad language', 'xen:src:pvh-guests:de'],
    ['a malformed fact id', 'xen:src:PVH Guests!:en'],
    ['a bad vote', 'xen:fb:maybe:pvh-guests'],
    ['a delete without a user id', 'xen:del:me'],
    ['a negative page', 'xen:bib:-1:en'],
    ['100 characters of garbage', `${'\u0000:xen:'.repeat(16)}abcd`.slice(0, 100)],
    ['an empty id', ''],
  ])('GIVEN %s THEN says privately the button is out of date', async (_case, customId) => {
    const { payload } = await clickTemplate();
    expect(await privateReply(forgedClick(payload, customId))).toBe(en.staleComponent);
  });

  it.each([
    ['Sources', 'xen:src:no-such-fact:en'],
    ['Related', 'xen:rel:no-such-fact:en'],
    ['👍', 'xen:fb:up:no-such-fact'],
  ])('GIVEN %s of a fact that no longer exists THEN says so privately', async (_button, customId) => {
    const { payload } = await clickTemplate();
    const before = bot().logs.length;
    expect(await privateReply(forgedClick(payload, customId))).toBe(en.factNotFound);
    expect(bot().logs.slice(before)).not.toContainEqual(expect.objectContaining({ event: 'feedback' })); // no vote for a ghost
  });

  it('GIVEN a menu pick of a fact that no longer exists THEN says so privately', async () => {
    const { payload } = await clickTemplate();
    expect(await privateReply(forgedClick(payload, 'xen:pick:en:u:f:0', { values: ['no-such-fact'] }))).toBe(en.factNotFound);
  });

  it('GIVEN a menu id on a button (no value picked) THEN says so privately', async () => {
    const { payload } = await clickTemplate();
    expect(await privateReply(forgedClick(payload, 'xen:pick:en:u:f'))).toBe(en.factNotFound);
  });

  it('GIVEN a bibliography page past the end THEN shows the last page in place', async () => {
    const { payload } = await clickTemplate();
    const body = await forgedClick(payload, 'xen:bib:999:en').response();
    expect(body.type).toBe(InteractionResponseType.UpdateMessage);
    expect(body.data!.embeds![0]!.footer?.text).toMatch(/^Page (\d+)\/\1$/);
  });

  it('GIVEN any id up to Discord’s 100 characters THEN the reply is accepted and private, or an in-place page', async () => {
    const { payload } = await clickTemplate();
    const part = fc.oneof(fc.constantFrom('xen', 'src', 'rel', 'fb', 'del', 'pick', 'bib', 'en', 'fr', 'up', 'pvh-guests', '0', '999', ''), fc.string({ unit: 'binary', maxLength: 12 }));
    await fc.assert(
      fc.asyncProperty(fc.array(part, { maxLength: 7 }), async (parts) => {
        const body = await forgedClick(payload, parts.join(':').slice(0, 100)).response();
        bot().fake.assertNoErrors();
        if (body.type !== InteractionResponseType.UpdateMessage) expect(isEphemeral(body)).toBe(true);
      }),
      { numRuns: 40 },
    );
  });
});

describe('ids that are not on the message', () => {
  it('GIVEN a stranger who forges 🗑️ with their own id under someone else’s answer THEN refuses and the answer stays', async () => {
    const { message, payload } = await clickTemplate();
    const stranger = bot().fake.createUser({ username: 'stranger' });
    const forged = forge(payload, (raw) => {
      const p = raw as Forged;
      p.data.custom_id = `xen:del:${stranger.id}`;
      p.member!.user = stranger;
    });
    const handle = bot().fake.rawInteraction(forged);
    expect(await privateReply(handle)).toBe(en.staleComponent);
    expect(handle.requests().some((r) => r.method === 'DELETE')).toBe(false);
    expect(bot().fake.isDeleted(message)).toBe(false);
  });

  it('GIVEN a Sources id the answer does not carry THEN says the button is out of date', async () => {
    const { payload } = await clickTemplate();
    const forged = forge(payload, (p) => (p.data.custom_id = 'xen:src:xend:en'));
    expect(await privateReply(bot().fake.rawInteraction(forged))).toBe(en.staleComponent);
  });
});

describe('🗑️ pressed by someone else', () => {
  it('GIVEN the answer to a channel message THEN refuses politely and the reply stays', async () => {
    const question = bot().fake.messageCreate({ content: 'what is PVH?', mentions: [bot().fake.botUser] });
    const answer = await replyTo(bot().fake, question);
    const stranger = bot().fake.createUser({ username: 'stranger' });
    const click = bot().fake.button({ customId: `xen:del:${bot().fake.defaultUser.id}`, message: answer, user: stranger });
    expect(await privateReply(click)).toBe(en.onlyAskerCanDelete);
    expect(bot().fake.isDeleted(answer)).toBe(false);
  });

  it('GIVEN a French user THEN the refusal is in French', async () => {
    const message = await answerMessage();
    const stranger = bot().fake.createUser({ username: 'inconnu' });
    const click = bot().fake.button({ customId: `xen:del:${bot().fake.defaultUser.id}`, message, user: stranger, locale: 'fr' });
    expect(await privateReply(click)).toBe(messages('fr').onlyAskerCanDelete);
  });
});
