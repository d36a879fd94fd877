import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from '../../fake-discord/index.ts';
import { brokenCopy, FIXTURE_DIR, fixtureWithCanary, removeCopies } from '../../helpers/knowledge.ts';
import { TOKEN } from './harness.ts';
import { startMain, stopAllMains } from './process-runner.ts';

// `npm start` as a real process with a broken knowledge base: at start-up it refuses to connect; on SIGHUP it
// keeps serving the last good base.
let fake: FakeDiscord | undefined;
afterEach(async () => {
  await stopAllMains();
  await fake?.close();
  fake = undefined;
});
afterAll(removeCopies);

const brokenBases: Array<[string, () => string, RegExp]> = [
  [
    'a YAML syntax error',
    () => brokenCopy('facts/features.yaml', (t) => t.replace('status: experimental', 'status: [experimental')),
    /features\.yaml:5: invalid YAML: /,
  ],
  [
    'a fact that fails the schema',
    () => brokenCopy('facts/features.yaml', (t) => t.replace('status: experimental', 'status: bogus')),
    /features\.yaml › fact pvh-guests › status: Invalid option/,
  ],
  [
    'a dangling reference',
    () => brokenCopy('facts/features.yaml', (t) => t.replace('related: [concept-hvm]', 'related: [no-such-fact]')),
    /features\.yaml › fact pvh-guests › related\.0: unknown related fact "no-such-fact"/,
  ],
  ['a missing folder', () => '/nonexistent/xenbot-knowledge', /\/nonexistent\/xenbot-knowledge.*cannot read/],
];

describe('npm start with a broken knowledge base', () => {
  it.each(brokenBases)('GIVEN %s THEN exits 1 naming where, before contacting Discord', async (_, makeDir, where) => {
    fake = await startFakeDiscord({ token: TOKEN });
    const run = startMain({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: `${fake.restUrl}/api`, XENBOT_KNOWLEDGE_DIR: makeDir() });

    expect(await run.exited).toBe(1);
    expect(run.stderr()).toMatch(/^The knowledge base has 1 problem:\n/); // the fault alone, not its echoes
    expect(run.stderr()).toMatch(where);
    expect(run.stderr()).toContain('npm run kb:check');
    expect(fake.requests).toHaveLength(0);
    expect(fake.gatewayEvents).toHaveLength(0);
    expect(run.output()).not.toContain(TOKEN);
  }, 30_000);
});

describe('reload signals', () => {
  it('GIVEN a broken base THEN logs where and keeps answering; GIVEN it fixed and SIGUSR2 THEN serves the new base', async () => {
    fake = await startFakeDiscord({ token: TOKEN });
    const dir = fixtureWithCanary();
    const run = startMain({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: `${fake.restUrl}/api`, XENBOT_KNOWLEDGE_DIR: dir, COOLDOWN_SECONDS: '0' });
    const logged = (msg: string) => expect.poll(() => run.logs().filter((l) => String(l.msg).startsWith(msg)).length, { timeout: 20_000, interval: 100 });
    const footer = async (question: string) =>
      (await fake!.slashCommand({ name: 'xen', subcommand: 'ask', options: { question } }).response({ timeoutMs: 10_000 })).data?.embeds?.[0]?.footer?.text ?? '';
    await logged('connected to Discord').toBe(1);

    const features = join(dir, 'facts/features.yaml');
    writeFileSync(features, readFileSync(features, 'utf8').replace('related: [concept-hvm]', 'related: [no-such-fact]'));
    run.proc.kill('SIGHUP');
    await logged('knowledge reload failed').toBe(1);
    expect(run.logs().find((l) => String(l.msg).startsWith('knowledge reload failed'))?.problems).toEqual([
      expect.stringMatching(/features\.yaml › fact pvh-guests › related\.0: unknown related fact "no-such-fact"$/),
    ]);
    expect(await footer('reload canary')).toMatch(/^reload-canary · /);

    // Fixed, and the canary fact removed: the reload takes, and the bot no longer knows the canary.
    for (const file of ['facts/features.yaml', 'facts/concepts.yaml']) copyFileSync(join(FIXTURE_DIR, file), join(dir, file));
    run.proc.kill('SIGUSR2');
    await logged('knowledge base reloaded').toBe(1);
    expect(run.logs().find((l) => l.msg === 'knowledge base reloaded')).toMatchObject({ facts: 6 });
    expect(await footer('reload canary')).not.toMatch(/^reload-canary/);
    expect(await footer('What is PVH?')).toMatch(/^pvh-guests · /);

    run.proc.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(run.output()).not.toContain(TOKEN);
    fake.assertNoErrors();
  }, 60_000);
});
