import { describe, expect, it } from 'vitest';
import { BotConfig, ConfigError, HttpConfig, parseConfig } from '../../src/config/env.ts';

const token = 'x'.repeat(60);

describe('configuration from the environment', () => {
  it('applies defaults and splits the channel list', () => {
    const config = parseConfig(BotConfig, { DISCORD_TOKEN: token, ANSWER_CHANNEL_IDS: '123456789012345678, 223456789012345678' });
    expect(config).toMatchObject({ LOG_LEVEL: 'info', COOLDOWN_SECONDS: 8, ANSWER_CHANNEL_IDS: ['123456789012345678', '223456789012345678'] });
  });

  it('treats empty variables (as .env.example leaves them) as unset', () => {
    const config = parseConfig(BotConfig, { DISCORD_TOKEN: token, DISCORD_GUILD_ID: '', DISCORD_API_URL: '', LOG_LEVEL: '' });
    expect(config.DISCORD_GUILD_ID).toBeUndefined();
    expect(config.LOG_LEVEL).toBe('info');
  });

  it('names every variable that is missing or wrong, at once', () => {
    try {
      parseConfig(BotConfig, { DISCORD_GUILD_ID: 'abc', DISCORD_API_URL: 'ftp://x', LOG_LEVEL: 'loud', ANSWER_CHANNEL_IDS: '1,2' });
      expect.fail('should have thrown');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as ConfigError).message;
      for (const name of ['DISCORD_TOKEN is not set', 'DISCORD_GUILD_ID', 'DISCORD_API_URL', 'LOG_LEVEL', 'ANSWER_CHANNEL_IDS']) expect(message).toContain(name);
    }
  });

  it('reads shard settings: a count or auto, and ids as lists and ranges', () => {
    expect(parseConfig(BotConfig, { DISCORD_TOKEN: token })).toMatchObject({ SHARD_COUNT: 1, INTERACTIONS: 'gateway' });
    expect(parseConfig(BotConfig, { DISCORD_TOKEN: token, SHARD_COUNT: '8', SHARD_IDS: '0-2, 5' })).toMatchObject({ SHARD_COUNT: 8, SHARD_IDS: [0, 1, 2, 5] });
    expect(parseConfig(BotConfig, { DISCORD_TOKEN: token, SHARD_COUNT: 'auto' }).SHARD_COUNT).toBe('auto');
    for (const [env, problem] of [
      [{ SHARD_COUNT: '4', SHARD_IDS: '3-1' }, 'SHARD_IDS'],
      [{ SHARD_COUNT: '4', SHARD_IDS: '4' }, 'SHARD_IDS'],
      [{ SHARD_COUNT: 'auto', SHARD_IDS: '0' }, 'SHARD_IDS'],
      [{ SHARD_COUNT: 'many' }, 'SHARD_COUNT'],
      [{ METRICS_PORT: '70000' }, 'METRICS_PORT'],
      [{ INTERACTIONS: 'webhook' }, 'INTERACTIONS'],
    ] as const) {
      expect(() => parseConfig(BotConfig, { DISCORD_TOKEN: token, ...env }), JSON.stringify(env)).toThrow(problem);
    }
  });

  it('asks the HTTP endpoint for the public key as 64 hex characters, not for a token', () => {
    expect(parseConfig(HttpConfig, { DISCORD_PUBLIC_KEY: 'ab'.repeat(32) })).toMatchObject({ PORT: 8080, HOST: '0.0.0.0' });
    expect(() => parseConfig(HttpConfig, { DISCORD_PUBLIC_KEY: 'xyz' })).toThrow('DISCORD_PUBLIC_KEY');
  });
});
