// `npm start`: validate configuration and knowledge, connect to Discord, shut down cleanly on SIGINT/SIGTERM.
import { openAnswerEngine } from '../answer/open-engine.ts';
import { BotConfig, ConfigError, loadDotEnv, parseConfig } from '../config/env.ts';
import { KnowledgeError } from '../knowledge/issues.ts';
import { DEFAULT_KNOWLEDGE_DIR } from '../knowledge/paths.ts';
import { createLogger } from '../log/logger.ts';
import { readAboutInfo } from './about-info.ts';
import { dbPathFromEnv } from '../store/paths.ts';
import { Recorder } from '../store/recorder.ts';
import { Cooldown } from './cooldown.ts';
import { startBot } from './gateway/bot.ts';
import type { BotContext } from './interactions/context.ts';
import { reloadKnowledgeOnSignals } from './knowledge-reload.ts';
import { InFlight, shutdown } from './shutdown.ts';

const NO_TOKEN_HELP = `xenbot needs a Discord bot token to connect.
  Set DISCORD_TOKEN (and DISCORD_APPLICATION_ID) in the environment or in a .env file; see .env.example and the README.
  To try the answers without Discord:  npm run ask -- "What is PVH?"`;

async function main(): Promise<void> {
  loadDotEnv();
  let config: BotConfig;
  try {
    config = parseConfig(BotConfig, process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.problems.some((p) => p.startsWith('DISCORD_TOKEN')) ? `${NO_TOKEN_HELP}\n\n${error.message}` : error.message);
    process.exit(1);
  }

  const logger = createLogger(config.LOG_LEVEL);
  const knowledgeDir = config.XENBOT_KNOWLEDGE_DIR ?? DEFAULT_KNOWLEDGE_DIR;
  let opened;
  try {
    opened = await openAnswerEngine({ knowledgeDir });
  } catch (error) {
    if (error instanceof KnowledgeError) {
      console.error(`${error.message}\nFix the knowledge files (npm run kb:check) and start again.`);
      process.exit(1);
    }
    throw error;
  }
  const { engine } = opened;
  logger.info({ facts: engine.kb.facts.length, sources: engine.kb.sources.size, from: opened.from }, 'knowledge base loaded');
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection'));

  // The store never stops the bot: a failure is a warning, and the bot answers without it (store/recorder.ts).
  const recorder = config.XENBOT_DB?.trim().toLowerCase() === 'off'
    ? undefined
    : new Recorder({ path: dbPathFromEnv(config.XENBOT_DB), logger, retentionDays: config.RETENTION_DAYS, recordQuestions: config.RECORD_QUESTIONS });
  recorder?.start();
  const ctx: BotContext = {
    engine,
    logger,
    cooldown: new Cooldown(config.COOLDOWN_SECONDS),
    about: readAboutInfo(knowledgeDir),
    answerChannelIds: new Set(config.ANSWER_CHANNEL_IDS),
    messageContentIntent: config.MESSAGE_CONTENT_INTENT,
    recorder,
  };
  reloadKnowledgeOnSignals(ctx, knowledgeDir);

  const inFlight = new InFlight();
  const client = await startBot(
    ctx,
    { token: config.DISCORD_TOKEN, apiUrl: config.DISCORD_API_URL, inFlight },
  ).catch((error: unknown) => {
    // A wrong token or an unreachable Discord: say so plainly instead of a stack trace.
    logger.fatal({ err: error }, 'could not connect to Discord');
    console.error(`Could not connect to Discord: ${(error as Error).message}\nCheck DISCORD_TOKEN (and DISCORD_API_URL if set).`);
    process.exit(1);
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      logger.info({ signal }, 'already shutting down');
      return;
    }
    stopping = true;
    void shutdown({ client, inFlight, logger, graceMs: config.SHUTDOWN_GRACE_SECONDS * 1000, signal }).finally(() => {
      recorder?.close(); // what the drained handlers recorded is written before exit
      process.exit(0);
    });
  };
  // `on`, not `once`: npm relays a signal to its child and Ctrl-C or systemd signal the whole group, so a second
  // signal is common; with the default handler restored it would kill the bot mid-drain.
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

await main();
