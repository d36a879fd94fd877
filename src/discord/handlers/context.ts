// What every handler may use: the engine, configuration, logging and the cooldown. No Discord state.
import type { Locale } from 'discord.js';
import type { AnswerEngine } from '../../answer/engine.ts';
import type { Language } from '../../knowledge/schema.ts';
import type { Logger } from '../../log/logger.ts';
import type { Cooldown } from '../cooldown.ts';
import type { AboutInfo } from '../render/about.ts';

export interface BotContext {
  engine: AnswerEngine;
  logger: Logger;
  cooldown: Cooldown;
  about: AboutInfo;
  /** Channels where every message is treated as a question (needs the message-content intent). */
  answerChannelIds: ReadonlySet<string>;
}

/** What a handler did, for the log line of the interaction. */
export type Outcome = string;

/** Discord's locale says which language to use when the text itself does not tell. */
export function localeLanguage(locale: Locale | string | null | undefined): Language {
  return locale?.startsWith('fr') ? 'fr' : 'en';
}
