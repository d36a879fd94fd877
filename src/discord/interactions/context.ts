// What every handler may use: the engine, configuration, logging, the cooldown and the store. No Discord client.
import type { Locale } from 'discord.js';
import type { AnswerEngine } from '../../answer/engine.ts';
import type { Language } from '../../knowledge/schema.ts';
import type { Logger } from '../../log/logger.ts';
import type { Metrics } from '../../metrics/metrics.ts';
import type { Recorder } from '../../store/recorder.ts';
import type { Cooldown } from '../cooldown.ts';
import type { AboutInfo } from '../render/about.ts';

export interface BotContext {
  engine: AnswerEngine;
  logger: Logger;
  cooldown: Cooldown;
  about: AboutInfo;
  /** Channels where every message is treated as a question (ANSWER_CHANNEL_IDS; admins add more with /xen-admin). */
  answerChannelIds: ReadonlySet<string>;
  /** Where questions, votes, picks and server settings are kept; absent, nothing is recorded. */
  recorder?: Recorder;
  /** Shards in all, when more than one: /xen about and the logs name a server's shard. */
  shardCount?: number;
  /** Counters and histograms for /metrics; absent, nothing is counted. */
  metrics?: Metrics;
  /** The operator enabled the privileged Message Content intent (MESSAGE_CONTENT_INTENT), so admins' answer channels work. */
  messageContentIntent?: boolean;
}

/** What a handler did, for the log line of the interaction. */
export type Outcome = string;

/** Discord's locale says which language to use when the text itself does not tell. */
export function localeLanguage(locale: Locale | string | null | undefined): Language {
  return locale?.startsWith('fr') ? 'fr' : 'en';
}

/** A server's reply language: what its admin chose, else the user's Discord locale. */
export function fallbackLanguage(ctx: BotContext, guildId: string | null | undefined, locale: Locale | string | null | undefined): Language {
  return ctx.recorder?.guildSettings(guildId)?.defaultLanguage ?? localeLanguage(locale);
}

/** The cooldown a server's admin set, else COOLDOWN_SECONDS. */
export function cooldownSeconds(ctx: BotContext, guildId: string | null | undefined): number {
  return ctx.recorder?.guildSettings(guildId)?.cooldownSeconds ?? ctx.cooldown.seconds;
}

/** The shard Discord routes a server's events to: (guild_id >> 22) % shard count; DMs are on shard 0. */
export function shardOf(ctx: BotContext, guildId: string | null | undefined): number | undefined {
  if (!ctx.shardCount || ctx.shardCount < 2) return undefined;
  return guildId && /^\d+$/.test(guildId) ? Number((BigInt(guildId) >> 22n) % BigInt(ctx.shardCount)) : 0;
}

/** Without the Message Content intent, messages that do not mention the bot arrive empty. */
export function readsMessageContent(ctx: BotContext): boolean {
  return ctx.answerChannelIds.size > 0 || ctx.messageContentIntent === true;
}

/** Listed by the operator or by the server's admins. */
export function isAnswerChannel(ctx: BotContext, guildId: string | null | undefined, channelId: string): boolean {
  return ctx.answerChannelIds.has(channelId) || (ctx.recorder?.guildSettings(guildId)?.answerChannels.includes(channelId) ?? false);
}
