// Bad input in /xen options and autocomplete: every case gets a valid, ping-free reply, never an error or silence.
import { ApplicationCommandOptionType as T, InteractionResponseType, type APIInteraction } from 'discord.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { messages } from '../../../src/i18n/messages.ts';
import type { CallbackBody, InteractionHandle } from '../../fake-discord/index.ts';
import { forge, subcommandOptions, type LooseOption } from '../../helpers/forged-interactions.ts';
import { HOSTILE_SAMPLES, INJECTION_MARKERS, hostileText, replyText } from '../../helpers/hostile-text.ts';
import { sharedBot } from './harness.ts';
import { isEphemeral } from './interaction-replies.ts';

const bot = sharedBot();
const en = messages('en');

/** The reply arrived, Discord accepted it, and nothing the user typed came back as a link or a ping. */
async function expectSafeReply(handle: InteractionHandle): Promise<CallbackBody> {
  const body = await handle.response();
  bot().fake.assertNoErrors();
  // Autocomplete choices are no message; everything else must parse no mentions, as channel replies do.
  if (body.type !== InteractionResponseType.ApplicationCommandAutocompleteResult) {
    expect(body.data!.allowed_mentions).toEqual({ parse: [], users: [], roles: [], replied_user: false });
  }
  const text = replyText(body.data);
  for (const marker of INJECTION_MARKERS) expect(text).not.toContain(marker);
  return body;
}

const slash = (subcommand: string, options: Record<string, string>) => bot().fake.slashCommand({ name: 'xen', subcommand, options });

/** A real interaction's payload, to forge variants of. */
async function template(handle: InteractionHandle): Promise<APIInteraction> {
  await handle.response();
  return handle.payload;
}

describe('/xen ask with hostile questions', () => {
  it.each(Object.entries(HOSTILE_SAMPLES))('GIVEN the %s sample THEN replies within the limits, echoing nothing', async (name, question) => {
    const body = await expectSafeReply(slash('ask', { question }));
    expect(body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    if (name === 'empty' || name === 'whitespace') expect(body.data!.content).toBe(en.emptyQuestion);
    // Only a confident answer is public: doubts about odd input stay with the asker.
    if (!body.data!.embeds?.length) expect(isEphemeral(body)).toBe(true);
  });

  it('GIVEN mention syntax and @everyone around a real question THEN answers it and pings nobody', async () => {
    const body = await expectSafeReply(slash('ask', { question: HOSTILE_SAMPLES.mentions }));
    expect(body.data!.embeds![0]!.footer?.text).toMatch(/^pvh-guests · /);
    expect(body.data!.allowed_mentions).toEqual({ parse: [], users: [], roles: [], replied_user: false });
  });

  it('GIVEN any hostile text up to the 500 characters Discord lets through THEN always replies safely', async () => {
    await fc.assert(
      fc.asyncProperty(hostileText(500), async (question) => {
        const body = await expectSafeReply(slash('ask', { question }));
        expect(body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
      }),
      { numRuns: 40 },
    );
  });

  it('GIVEN the registered max_length THEN 500 characters are answered and 501 cannot be sent by Discord’s client', async () => {
    const body = await expectSafeReply(slash('ask', { question: `what is PVH ${'x'.repeat(488)}` }));
    expect(body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(() => slash('ask', { question: 'x'.repeat(501) })).toThrow(/max_length/);
  });

  it('GIVEN a modified client that sends 6,000 characters anyway THEN still replies safely', async () => {
    const base = await template(slash('ask', { question: 'What is PVH?' }));
    const forged = forge(base, (p) => {
      subcommandOptions(p)[0]!.value = `${HOSTILE_SAMPLES.maskedLink} `.repeat(200).slice(0, 6000);
    });
    const body = await expectSafeReply(bot().fake.rawInteraction(forged));
    expect(body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
  });
});

describe('/xen feature and /xen sources with hostile names', () => {
  it.each(Object.entries(HOSTILE_SAMPLES))('GIVEN the %s sample as a feature name THEN replies safely', async (_name, text) => {
    const body = await expectSafeReply(slash('feature', { name: text.slice(0, 100) }));
    // A name that is no fact gets the closest matches privately, never a public guess.
    if (!body.data!.embeds?.length) expect(isEphemeral(body)).toBe(true);
  });

  it('GIVEN any hostile feature name or sources topic THEN always replies safely', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(['feature', 'name'], ['sources', 'topic']), hostileText(100), async ([subcommand, option], text) => {
        const body = await expectSafeReply(slash(subcommand!, { [option!]: text }));
        expect(body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
      }),
      { numRuns: 40 },
    );
  });

  it('GIVEN 101 characters THEN Discord’s client could not send them (max_length 100)', () => {
    expect(() => slash('feature', { name: 'x'.repeat(101) })).toThrow(/max_length/);
    expect(() => slash('sources', { topic: 'x'.repeat(101) })).toThrow(/max_length/);
  });
});

describe('autocomplete with hostile or partial input', () => {
  it('GIVEN any hostile text typed in a fact or topic field THEN offers at most 25 valid choices', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(['feature', 'name'], ['sources', 'topic'], ['topics', 'category']), hostileText(100), async ([subcommand, option], text) => {
        const handle = bot().fake.autocomplete({ name: 'xen', subcommand: subcommand!, options: { [option!]: text }, focused: option! });
        const body = await expectSafeReply(handle);
        expect(body.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
        expect(body.data!.choices!.length).toBeLessThanOrEqual(25);
      }),
      { numRuns: 40 },
    );
  });

  const partial: Array<[string, (options: LooseOption[]) => void]> = [
    ['no option is marked focused', (o) => delete o[0]!.focused],
    ['the focused value is missing', (o) => delete o[0]!.value],
    ['the focused value is a number', (o) => (o[0]!.value = 42)],
    ['the focused value is an object', (o) => (o[0]!.value = { evil: true })],
    ['the focused option is absent', (o) => o.splice(0)],
    ['the focused option has an unknown name', (o) => (o[0]!.name = 'nope')],
  ];
  it.each(partial)('GIVEN a payload where %s THEN still offers choices (the featured facts when nothing was typed)', async (_case, breakIt) => {
    const base = await template(bot().fake.autocomplete({ name: 'xen', subcommand: 'feature', options: { name: 'pv' }, focused: 'name' }));
    const forged = forge(base, (p) => breakIt(subcommandOptions(p)));
    const body = await expectSafeReply(bot().fake.rawInteraction(forged));
    expect(body.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
    expect(body.data!.choices!.length).toBeGreaterThan(0);
  });

  it('GIVEN a payload with no subcommand at all THEN still answers with choices', async () => {
    const base = await template(bot().fake.autocomplete({ name: 'xen', subcommand: 'feature', options: { name: 'pv' }, focused: 'name' }));
    const body = await expectSafeReply(bot().fake.rawInteraction(forge(base, (p) => (p.data.options = []))));
    expect(body.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
  });
});

describe('options of the wrong type (a modified or outdated client)', () => {
  const cases: Array<[string, string, (options: LooseOption[]) => void]> = [
    ['question sent as an integer', 'question', (o) => Object.assign(o[0]!, { type: T.Integer, value: 42 })],
    ['question typed string but holding a number', 'question', (o) => (o[0]!.value = 42)],
    ['question holding an object', 'question', (o) => (o[0]!.value = { toString: 'boom' })],
    ['the required question missing', 'question', (o) => o.splice(0)],
    ['hide sent as the string "yes"', 'hide', (o) => o.push({ type: T.Boolean, name: 'hide', value: 'yes' })],
    ['mention holding no user id', 'mention', (o) => o.push({ type: T.User, name: 'mention', value: 'everyone' })],
    // Discord resolves every user option it sends; a bare id with no resolved user is forged and must ping nobody.
    ['mention holding an id Discord did not resolve', 'mention', (o) => o.push({ type: T.User, name: 'mention', value: '123456789012345678' })],
  ];
  it.each(cases)('GIVEN %s THEN says privately which option it could not read', async (_case, option, breakIt) => {
    const base = await template(slash('ask', { question: 'What is PVH?' }));
    const body = await expectSafeReply(bot().fake.rawInteraction(forge(base, (p) => breakIt(subcommandOptions(p)))));
    expect(body.data!.content).toBe(en.invalidOption(option));
    expect(isEphemeral(body)).toBe(true);
  });

  it.each([
    ['no subcommand', (p: { data: { options?: LooseOption[] } }) => (p.data.options = [])],
    ['an unknown subcommand', (p: { data: { options?: LooseOption[] } }) => (p.data.options![0]!.name = 'nope')],
    ['a subcommand named __proto__', (p: { data: { options?: LooseOption[] } }) => (p.data.options![0]!.name = '__proto__')],
  ])('GIVEN %s THEN says privately it could not read the command', async (_case, breakIt) => {
    const base = await template(slash('ask', { question: 'What is PVH?' }));
    const body = await expectSafeReply(bot().fake.rawInteraction(forge(base, breakIt)));
    expect(body.data!.content).toBe(en.invalidCommand);
    expect(isEphemeral(body)).toBe(true);
  });

  it('GIVEN a French client THEN the message is in French', async () => {
    const base = await template(bot().fake.slashCommand({ name: 'xen', subcommand: 'ask', options: { question: 'PVH' }, locale: 'fr' }));
    const body = await expectSafeReply(bot().fake.rawInteraction(forge(base, (p) => subcommandOptions(p).splice(0))));
    expect(body.data!.content).toBe(messages('fr').invalidOption('question'));
  });
});
