// Configuration from the environment, validated once at start-up with messages that say what to fix.
import { z } from 'zod';

const snowflake = z.string().regex(/^\d{17,20}$/, 'must be a Discord id (17–20 digits)');
const idList = z
  .string()
  .default('')
  .transform((s) => s.split(/[\s,]+/).filter(Boolean))
  .pipe(z.array(snowflake));
const blankAsUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
/** true/false, 1/0, yes/no, on/off, any case. */
const booleanFlag = z
  .string()
  .transform((v) => v.trim().toLowerCase())
  .pipe(z.enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'], { error: 'must be true or false' }))
  .transform((v) => ['true', '1', 'yes', 'on'].includes(v));

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const port = z.coerce.number().int().min(1).max(65535);

/** What both transports need: knowledge, store, logs, cooldown, shutdown. */
export const CommonConfig = z.object({
  DISCORD_APPLICATION_ID: z.preprocess(blankAsUndefined, snowflake.optional()),
  DISCORD_GUILD_ID: z.preprocess(blankAsUndefined, snowflake.optional()),
  DISCORD_API_URL: z.preprocess(blankAsUndefined, z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional()),
  COOLDOWN_SECONDS: z.preprocess(blankAsUndefined, z.coerce.number().min(0).max(3600).default(8)),
  SHUTDOWN_GRACE_SECONDS: z.preprocess(blankAsUndefined, z.coerce.number().min(0).max(60).default(5)),
  LOG_LEVEL: z.preprocess(blankAsUndefined, z.enum(LOG_LEVELS).default('info')),
  XENBOT_KNOWLEDGE_DIR: z.preprocess(blankAsUndefined, z.string().optional()),
  /** The store: questions, votes, picks, server settings (README, Privacy). "off" keeps none. */
  XENBOT_DB: z.preprocess(blankAsUndefined, z.string().optional()),
  RETENTION_DAYS: z.preprocess(blankAsUndefined, z.coerce.number().int().min(1).max(3650).default(90)),
  RECORD_QUESTIONS: z.preprocess(blankAsUndefined, booleanFlag.default(true)),
});
export type CommonConfig = z.infer<typeof CommonConfig>;

/** "2", "0,1", "0-3", "0-1,4": the shards this machine runs. */
const shardIds = z
  .string()
  .transform((s, c) => {
    const ids = new Set<number>();
    for (const part of s.split(/[\s,]+/).filter(Boolean)) {
      const m = /^(\d{1,4})(?:-(\d{1,4}))?$/.exec(part);
      if (!m || (m[2] !== undefined && Number(m[2]) < Number(m[1]))) {
        c.addIssue({ code: 'custom', message: 'must list shard ids such as 0,1 or 0-3' });
        return z.NEVER;
      }
      for (let id = Number(m[1]); id <= Number(m[2] ?? m[1]); id++) ids.add(id);
    }
    return [...ids].sort((a, b) => a - b);
  });

export const BotConfig = CommonConfig.extend({
  DISCORD_TOKEN: z.preprocess(blankAsUndefined, z.string({ error: 'is not set' }).min(20, 'does not look like a bot token')),
  ANSWER_CHANNEL_IDS: idList,
  /** Ask for the privileged Message Content intent even without ANSWER_CHANNEL_IDS, so /xen-admin answer channels work. */
  MESSAGE_CONTENT_INTENT: z.preprocess(blankAsUndefined, booleanFlag.default(false)),
  /** `http`: the interactions endpoint (npm run start:http) answers interactions; this process only reads messages. */
  INTERACTIONS: z.preprocess(blankAsUndefined, z.enum(['gateway', 'http']).default('gateway')),
  /** Shards in all, on every machine: a number, or "auto" for Discord's recommendation. */
  SHARD_COUNT: z.preprocess(blankAsUndefined, z.union([z.literal('auto'), z.coerce.number().int().min(1).max(4096)]).default(1)),
  /** The shards this machine runs (default: all of them). */
  SHARD_IDS: z.preprocess(blankAsUndefined, shardIds.optional()),
  /** GET /metrics and /healthz on this port (none when unset). */
  METRICS_PORT: z.preprocess(blankAsUndefined, port.optional()),
}).superRefine((c, ctx) => {
  if (c.SHARD_IDS && c.SHARD_COUNT === 'auto') ctx.addIssue({ code: 'custom', path: ['SHARD_IDS'], message: 'needs a numeric SHARD_COUNT (every machine must agree on it)' });
  if (c.SHARD_IDS && typeof c.SHARD_COUNT === 'number' && c.SHARD_IDS.some((id) => id >= (c.SHARD_COUNT as number))) {
    ctx.addIssue({ code: 'custom', path: ['SHARD_IDS'], message: 'lists a shard id not below SHARD_COUNT' });
  }
});
export type BotConfig = z.infer<typeof BotConfig>;

/** `npm run start:http`: the interactions endpoint. No bot token: follow-ups use each interaction's own token. */
export const HttpConfig = CommonConfig.extend({
  DISCORD_PUBLIC_KEY: z.preprocess(blankAsUndefined, z.string({ error: 'is not set' }).regex(/^[0-9a-fA-F]{64}$/, 'must be the 64 hex characters of the Developer Portal\'s Public Key')),
  PORT: z.preprocess(blankAsUndefined, port.default(8080)),
  /** Address to listen on (default all interfaces, for a load balancer in front). */
  HOST: z.preprocess(blankAsUndefined, z.string().default('0.0.0.0')),
});
export type HttpConfig = z.infer<typeof HttpConfig>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration problem${problems.length > 1 ? 's' : ''}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parse the environment; throws a ConfigError naming each variable that is missing or wrong. */
export function parseConfig<T extends z.ZodType>(schema: T, env: NodeJS.ProcessEnv): z.infer<T> {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || 'environment'} ${i.message}`));
}

/** Read .env into process.env when present; real environment variables win. */
export function loadDotEnv(path = '.env'): void {
  try {
    process.loadEnvFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
