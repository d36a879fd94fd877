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

export const BotConfig = z.object({
  DISCORD_TOKEN: z.preprocess(blankAsUndefined, z.string({ error: 'is not set' }).min(20, 'does not look like a bot token')),
  DISCORD_APPLICATION_ID: z.preprocess(blankAsUndefined, snowflake.optional()),
  DISCORD_GUILD_ID: z.preprocess(blankAsUndefined, snowflake.optional()),
  DISCORD_API_URL: z.preprocess(blankAsUndefined, z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional()),
  ANSWER_CHANNEL_IDS: idList,
  /** Ask for the privileged Message Content intent even without ANSWER_CHANNEL_IDS, so /xen-admin answer channels work. */
  MESSAGE_CONTENT_INTENT: z.preprocess(blankAsUndefined, booleanFlag.default(false)),
  COOLDOWN_SECONDS: z.preprocess(blankAsUndefined, z.coerce.number().min(0).max(3600).default(8)),
  SHUTDOWN_GRACE_SECONDS: z.preprocess(blankAsUndefined, z.coerce.number().min(0).max(60).default(5)),
  LOG_LEVEL: z.preprocess(blankAsUndefined, z.enum(LOG_LEVELS).default('info')),
  XENBOT_KNOWLEDGE_DIR: z.preprocess(blankAsUndefined, z.string().optional()),
  /** The store: questions, votes, picks, server settings (README, Privacy). "off" keeps none. */
  XENBOT_DB: z.preprocess(blankAsUndefined, z.string().optional()),
  RETENTION_DAYS: z.preprocess(blankAsUndefined, z.coerce.number().int().min(1).max(3650).default(90)),
  RECORD_QUESTIONS: z.preprocess(blankAsUndefined, booleanFlag.default(true)),
});
export type BotConfig = z.infer<typeof BotConfig>;

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
