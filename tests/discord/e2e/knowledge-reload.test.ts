import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { coalescedReloader, reloadKnowledge, reloadKnowledgeOnSignals } from '../../../src/discord/knowledge-reload.ts';
import { brokenCopy, fixtureEngine, fixtureWithCanary, removeCopies } from '../../helpers/knowledge.ts';
import { startBot, type BotUnderTest } from './harness.ts';

// Reloading knowledge/ into a running bot, against the fake Discord: the swap, a broken base, coalescing.
let bot: BotUnderTest | undefined;
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
});
afterAll(removeCopies);

const ask = (b: BotUnderTest, question: string) => b.fake.slashCommand({ name: 'xen', subcommand: 'ask', options: { question } }).response();
const footerOf = async (b: BotUnderTest, question: string) => (await ask(b, question)).data?.embeds?.[0]?.footer?.text ?? '';
const aboutFields = async (b: BotUnderTest) => (await b.fake.slashCommand({ name: 'xen', subcommand: 'about' }).response()).data?.embeds?.[0]?.fields ?? [];

describe('reloading the knowledge base', () => {
  it('GIVEN a valid base THEN the bot answers from it and /xen about counts its facts', async () => {
    bot = await startBot({ engine: fixtureEngine() });
    expect(await footerOf(bot, 'reload canary')).not.toMatch(/^reload-canary/);

    const result = await reloadKnowledge(bot.ctx, fixtureWithCanary());

    expect(result).toMatchObject({ ok: true, facts: 7 });
    expect(await footerOf(bot, 'reload canary')).toMatch(/^reload-canary · /);
    expect(await footerOf(bot, 'What is PVH?')).toMatch(/^pvh-guests · /);
    expect(await aboutFields(bot)).toContainEqual(expect.objectContaining({ name: 'Facts', value: '7' }));
    expect(bot.logs).toContainEqual(expect.objectContaining({ msg: 'knowledge base reloaded', facts: 7, durationMs: expect.any(Number) }));
  });

  it('GIVEN a broken base THEN logs file › fact › field and keeps answering from the previous base', async () => {
    bot = await startBot({ engine: fixtureEngine() });
    const broken = brokenCopy('facts/features.yaml', (text) => text.replace('related: [concept-hvm]', 'related: [no-such-fact]'));
    const aboutBefore = await aboutFields(bot);

    const result = await reloadKnowledge(bot.ctx, broken);

    expect(result.ok).toBe(false);
    const failure = bot.logs.find((l) => typeof l.msg === 'string' && l.msg.startsWith('knowledge reload failed'));
    expect(failure).toMatchObject({ level: 50, problems: [expect.stringMatching(/features\.yaml › fact pvh-guests › related\.0: unknown related fact "no-such-fact"$/)] });
    expect(bot.ctx.engine).toBe(fixtureEngine());
    expect(await footerOf(bot, 'What is PVH?')).toMatch(/^pvh-guests · /);
    expect(await aboutFields(bot)).toEqual(aboutBefore);
  });

  it('GIVEN a missing folder THEN says it cannot be read and keeps the previous base', async () => {
    bot = await startBot({ engine: fixtureEngine() });
    const result = await reloadKnowledge(bot.ctx, '/nonexistent/xenbot-knowledge');
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems).toContainEqual(expect.stringContaining('/nonexistent/xenbot-knowledge'));
    expect(bot.ctx.engine).toBe(fixtureEngine());
  });

  it('GIVEN three reload requests at once THEN runs one, then one more for the other two, and all see success', async () => {
    bot = await startBot({ engine: fixtureEngine() });
    const reload = coalescedReloader(bot.ctx, fixtureWithCanary());

    const results = await Promise.all([reload(), reload(), reload()]);

    expect(results.map((r) => r.ok)).toEqual([true, true, true]);
    expect(bot.logs.filter((l) => l.msg === 'knowledge base reloaded')).toHaveLength(2);
    expect(await footerOf(bot, 'reload canary')).toMatch(/^reload-canary · /);
  });

  it('GIVEN no terminal THEN SIGHUP reloads; GIVEN a terminal THEN SIGHUP is left to mean hang-up and SIGUSR2 reloads', async () => {
    bot = await startBot({ engine: fixtureEngine() });
    const reloaded = () => bot!.logs.filter((l) => l.msg === 'knowledge base reloaded').length;
    const hupListeners = process.listenerCount('SIGHUP');

    const detached = reloadKnowledgeOnSignals(bot.ctx, fixtureWithCanary(), false);
    process.emit('SIGHUP');
    await expect.poll(reloaded, { timeout: 30_000 }).toBe(1); // the reload runs in a worker thread: seconds on a busy machine
    detached();

    const inTerminal = reloadKnowledgeOnSignals(bot.ctx, fixtureWithCanary(), true);
    expect(process.listenerCount('SIGHUP')).toBe(hupListeners);
    process.emit('SIGUSR2');
    await expect.poll(reloaded, { timeout: 30_000 }).toBe(2);
    inTerminal();
  });
});
