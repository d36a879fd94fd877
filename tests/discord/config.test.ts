import { describe, expect, it } from 'vitest';
import { BotConfig, ConfigError, parseConfig } from '../../src/config/env.ts';

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
});
