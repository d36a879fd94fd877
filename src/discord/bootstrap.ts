// What both transports start with: the knowledge (or exit with every problem listed), the store, the metrics, the
// shared context, and reloads on SIGHUP/SIGUSR2.
import { openAnswerEngine } from '../answer/open-engine.ts';
import type { z } from 'zod';
import { ConfigError, loadDotEnv, parseConfig, type CommonConfig } from '../config/env.ts';
import { KnowledgeError } from '../knowledge/issues.ts';
import { DEFAULT_KNOWLEDGE_DIR } from '../knowledge/paths.ts';
import type { Logger } from '../log/logger.ts';
import { Metrics } from '../metrics/metrics.ts';
import { dbPathFromEnv } from '../store/paths.ts';
import { Recorder } from '../store/recorder.ts';
import { readAboutInfo } from './about-info.ts';
import { Cooldown } from './cooldown.ts';
import type { BotContext } from './interactions/context.ts';
import { reloadKnowledgeOnSignals } from './knowledge-reload.ts';

/** .env, then the environment, checked by `schema`; a problem ends the process with exit code 1 and what to fix. */
export function configOrExit<T extends z.ZodType>(schema: T, explain: (error: ConfigError) => string = (e) => e.message): z.infer<T> {
  loadDotEnv();
  try {
    return parseConfig(schema, process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(explain(error));
    process.exit(1);
  }
}

export async function openContext(config: CommonConfig, logger: Logger, extra: Partial<BotContext> = {}): Promise<BotContext> {
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
  logger.info({ facts: engine.index.factCount, sources: engine.kb.sources.size, from: opened.from }, 'knowledge base loaded');
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection'));

  // The store never stops the bot: a failure is a warning, and the bot answers without it (store/recorder.ts).
  const recorder = config.XENBOT_DB?.trim().toLowerCase() === 'off'
    ? undefined
    : new Recorder({ path: dbPathFromEnv(config.XENBOT_DB), logger, retentionDays: config.RETENTION_DAYS, recordQuestions: config.RECORD_QUESTIONS });
  recorder?.start();
  const metrics = new Metrics();
  metrics.knowledgeFacts.set(engine.index.factCount);
  const ctx: BotContext = {
    engine,
    logger,
    cooldown: new Cooldown(config.COOLDOWN_SECONDS),
    about: readAboutInfo(knowledgeDir),
    answerChannelIds: new Set(),
    recorder,
    metrics,
    ...extra,
  };
  reloadKnowledgeOnSignals(ctx, knowledgeDir);
  return ctx;
}
