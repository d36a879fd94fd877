import { REST, Routes } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log/logger.ts';
import { TOKEN } from '../discord/e2e/harness.ts';
import { startFakeDiscord, type FakeDiscord } from '../fake-discord/index.ts';

// What reaches the log when the bot logs secrets by mistake or logs a discord.js error.
let fake: FakeDiscord | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

function capture() {
  const lines: string[] = [];
  const logger = createLogger('debug', { write: (line: string) => void lines.push(line) });
  return { logger, raw: () => lines.join(''), parsed: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('the logger', () => {
  it('GIVEN the bot token under a token or DISCORD_TOKEN key THEN writes [redacted] instead', () => {
    const log = capture();
    log.logger.info({ token: TOKEN, config: { DISCORD_TOKEN: TOKEN }, client: { token: TOKEN } }, 'oops');
    expect(log.raw()).not.toContain(TOKEN);
    expect(log.parsed()[0]).toMatchObject({ token: '[redacted]', config: { DISCORD_TOKEN: '[redacted]' }, client: { token: '[redacted]' } });
  });

  it('GIVEN a REST error on an interaction callback THEN logs its route, code and status without the interaction token', async () => {
    fake = await startFakeDiscord({ token: TOKEN });
    const rest = new REST({ api: `${fake.restUrl}/api` }).setToken(TOKEN);
    const interactionToken = 'aW50ZXJhY3Rpb246c2VjcmV0LWZvci10ZXN0cy1vbmx5';
    const error: unknown = await rest
      .post(Routes.interactionCallback('1234567890123456789', interactionToken), { body: { type: 4, data: { content: 'hi' } }, auth: false })
      .catch((e: unknown) => e);
    fake.takeErrors();
    expect(String((error as { url?: string }).url)).toContain(interactionToken); // discord.js keeps it on the error…

    const log = capture();
    log.logger.error({ err: error }, 'interaction failed');

    expect(log.raw()).not.toContain(interactionToken); // …the log does not
    expect(log.parsed()[0]?.err).toMatchObject({ code: 10062, status: 404, url: expect.stringMatching(/\/interactions\/1234567890123456789\/\[redacted\]\/callback$/) });
  });

  it('GIVEN a rejection that is not an Error THEN logs it as it is', () => {
    const log = capture();
    log.logger.error({ err: 'just a string' }, 'unhandled promise rejection');
    expect(log.parsed()[0]?.err).toBe('just a string');
  });
});
