// `npm run start:http`: the interactions endpoint. Discord POSTs each interaction to POST /interactions (set the URL
// in the Developer Portal); GET /metrics and /healthz are served on the same port. Stateless: run as many replicas
// as needed behind a load balancer. Mentions, DMs and answer channels still need the gateway (`npm start` with
// INTERACTIONS=http).
import { REST } from 'discord.js';
import { HttpConfig } from '../config/env.ts';
import { configOrExit, openContext } from '../discord/bootstrap.ts';
import { InFlight } from '../discord/shutdown.ts';
import { createLogger } from '../log/logger.ts';
import { createInteractionsServer } from './server.ts';
import { publicKeyFromHex } from './signature.ts';

async function main(): Promise<void> {
  const config = configOrExit(HttpConfig);
  const logger = createLogger(config.LOG_LEVEL);
  const ctx = await openContext(config, logger);
  const inFlight = new InFlight();
  const rest = new REST({ api: config.DISCORD_API_URL ?? 'https://discord.com/api' });
  let listening = false;
  const server = createInteractionsServer(ctx, { publicKey: publicKeyFromHex(config.DISCORD_PUBLIC_KEY), rest, inFlight }, () => (listening && inFlight.accepting ? [] : ['listener']));
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(config.PORT, config.HOST, () => resolve()));
  listening = true;
  const address = server.address();
  logger.info({ port: typeof address === 'object' && address ? address.port : config.PORT }, 'interactions endpoint listening');

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return void logger.info({ signal }, 'already shutting down');
    stopping = true;
    logger.info({ signal, inFlight: inFlight.size }, 'shutting down');
    server.close(); // no new connections; the load balancer sends them elsewhere
    void inFlight.drain(config.SHUTDOWN_GRACE_SECONDS * 1000).then(({ finished, abandoned }) => {
      if (abandoned > 0) logger.warn({ finished, abandoned }, 'abandoned in-flight work still running at the shutdown bound');
      ctx.recorder?.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

await main();
