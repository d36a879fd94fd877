// `npm start`: validate configuration and knowledge, connect to Discord (the shards SHARD_IDS names), serve
// /metrics and /healthz on METRICS_PORT, shut down cleanly on SIGINT/SIGTERM.
import { BotConfig } from '../config/env.ts';
import { startOpsServer } from '../http/ops-server.ts';
import { createLogger } from '../log/logger.ts';
import { configOrExit, openContext } from './bootstrap.ts';
import { createBot } from './gateway/bot.ts';
import { InFlight, shutdown } from './shutdown.ts';

const NO_TOKEN_HELP = `xenbot needs a Discord bot token to connect.
  Set DISCORD_TOKEN (and DISCORD_APPLICATION_ID) in the environment or in a .env file; see .env.example and the README.
  To try the answers without Discord:  npm run ask -- "What is PVH?"`;

async function main(): Promise<void> {
  const config = configOrExit(BotConfig, (error) =>
    error.problems.some((p) => p.startsWith('DISCORD_TOKEN')) ? `${NO_TOKEN_HELP}\n\n${error.message}` : error.message,
  );

  const logger = createLogger(config.LOG_LEVEL);
  const shards = config.SHARD_COUNT === 'auto' ? undefined : { count: config.SHARD_COUNT, ids: config.SHARD_IDS ?? [...Array(config.SHARD_COUNT).keys()] };
  const ctx = await openContext(config, logger, {
    answerChannelIds: new Set(config.ANSWER_CHANNEL_IDS),
    messageContentIntent: config.MESSAGE_CONTENT_INTENT,
    ...(shards && shards.count > 1 ? { shardCount: shards.count } : {}),
  });
  const inFlight = new InFlight();
  const client = createBot(ctx, {
    token: config.DISCORD_TOKEN,
    apiUrl: config.DISCORD_API_URL,
    inFlight,
    interactions: config.INTERACTIONS,
    shards: shards ?? 'auto',
  });
  // Up before the login, so a probe sees 503 while the gateway connects.
  const ops = config.METRICS_PORT === undefined ? undefined : await startOpsServer(ctx.metrics!, config.METRICS_PORT, () => (client.isReady() ? [] : ['gateway']), logger);
  await client.login(config.DISCORD_TOKEN).catch((error: unknown) => {
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
      ops?.close();
      ctx.recorder?.close(); // what the drained handlers recorded is written before exit
      process.exit(0);
    });
  };
  // `on`, not `once`: npm relays a signal to its child and Ctrl-C or systemd signal the whole group, so a second
  // signal is common; with the default handler restored it would kill the bot mid-drain.
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

await main();
