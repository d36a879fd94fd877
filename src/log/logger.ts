// Structured JSON logs (pino). Secrets are redacted by path so a careless log line cannot leak the token.
import { pino, type Logger } from 'pino';

export type { Logger };

/** Interaction and webhook tokens sit in REST URLs; each lets its holder post as the bot, so logs keep only the route. */
const TOKEN_IN_URL = /\/(interactions|webhooks)\/(\d+)\/[^/?#\s]+/g;
const withoutUrlTokens = (text: string) => text.replace(TOKEN_IN_URL, '/$1/$2/[redacted]');

/** pino's error serializer, with any token-bearing URL (discord.js errors carry `url`) cut out. */
function serializeError(error: unknown): unknown {
  if (!(error instanceof Error)) return error; // e.g. a rejection with a string: pino prints it as it is
  const serialized = pino.stdSerializers.err(error) as Record<string, unknown>;
  for (const key of ['url', 'message', 'stack']) {
    const value = serialized[key];
    if (typeof value === 'string') serialized[key] = withoutUrlTokens(value);
  }
  return serialized;
}

export function createLogger(level: string = 'info', destination?: pino.DestinationStream): Logger {
  return pino(
    {
      name: 'xenbot',
      level,
      redact: { paths: ['token', '*.token', 'DISCORD_TOKEN', '*.DISCORD_TOKEN', 'headers.authorization'], censor: '[redacted]' },
      serializers: { err: serializeError },
    },
    destination,
  );
}
