import { InteractionResponseType } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import type { AnswerEngine } from '../../../src/answer/engine.ts';
import { XEN_COMMAND } from '../../../src/discord/command-definition.ts';
import { sharedEngine, startBot, TOKEN, type BotUnderTest } from './harness.ts';
import { isEphemeral } from './interaction-replies.ts';

let bot: BotUnderTest | undefined;
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
});

/** The real engine, except that one question makes it throw: a stand-in for any bug in a handler. */
function engineThatFailsOn(trigger: string): AnswerEngine {
  const real = sharedEngine();
  return {
    ...real,
    answer: (question, options) => {
      if (question.includes(trigger)) throw new Error('simulated failure');
      return real.answer(question, options);
    },
  };
}

/** The real engine, except that completing a typed fact name throws (its name index cannot be read). */
function engineWhoseCompletionFails(): AnswerEngine {
  const real = sharedEngine();
  const data = new Proxy(real.index.data, {
    get: (target, key) => {
      if (key === 'completionKeys') throw new Error('simulated completion failure');
      return Reflect.get(target, key) as unknown;
    },
  });
  return { ...real, index: { ...real.index, data } };
}

describe('when things go wrong', () => {
  it('GIVEN a handler that throws THEN apologises privately, logs the error, and keeps serving', async () => {
    bot = await startBot({ engine: engineThatFailsOn('boom') });
    const failed = bot.fake.slashCommand({ name: 'xen', subcommand: 'ask', options: { question: 'boom' } });
    const body = await failed.response();
    expect(body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(body.data!.content).toMatch(/^Sorry, something went wrong/);
    expect(isEphemeral(body)).toBe(true);
    expect(bot.logs).toContainEqual(expect.objectContaining({ level: 50, msg: 'interaction failed', interactionId: failed.id, err: expect.objectContaining({ message: 'simulated failure' }) }));

    const next = await bot.fake.slashCommand({ name: 'xen', subcommand: 'ask', options: { question: 'What is PVH?' } }).response();
    expect(next.data!.embeds).toHaveLength(1);
  });

  it('GIVEN autocomplete that throws THEN the user gets an empty list (not "Loading options failed"), the error is logged, and questions are still answered', async () => {
    bot = await startBot({ engine: engineWhoseCompletionFails() });
    const failed = bot.fake.autocomplete({ name: 'xen', subcommand: 'feature', options: { name: 'pvh' }, focused: 'name' });
    const body = await failed.response();
    expect(body).toEqual({ type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: [] } });
    expect(bot.logs).toContainEqual(expect.objectContaining({ level: 50, msg: 'interaction failed', interactionId: failed.id, err: expect.objectContaining({ message: 'simulated completion failure' }) }));

    const next = await bot.fake.slashCommand({ name: 'xen', subcommand: 'ask', options: { question: 'What is PVH?' } }).response();
    expect(next.data!.embeds).toHaveLength(1);
  });

  it('GIVEN the gateway drops THEN the bot resumes and answers again', async () => {
    bot = await startBot();
    const fake = bot.fake;
    fake.disconnect({ abrupt: true });
    await fake.waitForGateway((e) => e.kind === 'received' && e.op === 6, { timeoutMs: 15_000 }); // RESUME
    const body = await fake.slashCommand({ name: 'xen', subcommand: 'ask', options: { question: 'What is PVH?' } }).response({ timeoutMs: 10_000 });
    expect(body.data!.embeds).toHaveLength(1);
  });
});

describe('logs', () => {
  it('GIVEN an interaction THEN one structured line says id, command, outcome and latency, and never the token', async () => {
    bot = await startBot();
    const handle = bot.fake.slashCommand({ name: 'xen', subcommand: 'ask', options: { question: 'What is PVH?' } });
    await handle.response();
    await expect.poll(() => bot!.logs.find((l) => l.interactionId === handle.id)).toBeDefined();
    expect(bot.logs.find((l) => l.interactionId === handle.id)).toMatchObject({
      msg: 'interaction handled',
      command: '/xen ask',
      status: expect.stringMatching(/^answered:pvh-guests:/),
      latencyMs: expect.any(Number),
    });
    expect(bot.rawLogs()).not.toContain(TOKEN);
  });
});

describe('command registration', () => {
  it('registers /xen with French names and descriptions for every option', async () => {
    bot = await startBot();
    const [registered] = bot.fake.registeredCommands(bot.fake.guildIds()[0]);
    expect(registered?.name).toBe('xen');
    const missing: string[] = [];
    const walk = (option: { name: string; name_localizations?: unknown; description_localizations?: unknown; options?: readonly unknown[] }, path: string) => {
      const where = `${path} ${option.name}`.trim();
      if (!(option.description_localizations as { fr?: string } | undefined)?.fr) missing.push(`${where}: description`);
      if (path && !(option.name_localizations as { fr?: string } | undefined)?.fr) missing.push(`${where}: name`);
      for (const child of (option.options ?? []) as Array<typeof option>) walk(child, where);
    };
    walk(registered!, '');
    expect(registered?.options?.map((o) => o.name)).toEqual(XEN_COMMAND.options.map((o) => o.name));
    expect(missing).toEqual([]);
  });
});
