// Vitest fixtures around the real bot on a fake Discord; starting it lives in start-bot.ts.
import { afterAll, afterEach, beforeAll } from 'vitest';
import { startBot, type BotOptions, type BotUnderTest } from './start-bot.ts';

export { FORUM_ID, TOKEN, assertNoPings, sharedEngine, startBot, type BotOptions, type BotUnderTest } from './start-bot.ts';

/** A fresh bot for each test that asks for one: `start()` inside the test; it is stopped and checked after the test. */
export function botPerTest(): (options?: BotOptions) => Promise<BotUnderTest> {
  let bot: BotUnderTest | undefined;
  afterEach(async () => {
    const stopping = bot;
    bot = undefined;
    await stopping?.stop();
  });
  return async (options = {}) => {
    bot = await startBot(options);
    return bot;
  };
}

/** One bot for a whole test file: started before the first test, checked after each, stopped after the last. */
export function sharedBot(options: BotOptions = {}): () => BotUnderTest {
  let bot: BotUnderTest | undefined;
  beforeAll(async () => {
    bot = await startBot(options);
  });
  afterAll(async () => {
    await bot?.stop();
  });
  afterEach(() => {
    bot?.fake.assertNoErrors();
  });
  return () => {
    if (!bot) throw new Error('the bot is not started yet: call bot() inside a test');
    return bot;
  };
}
