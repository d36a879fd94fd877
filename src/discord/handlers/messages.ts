// Questions asked in channels: by mentioning the bot, or anywhere in a channel an admin listed.
import type { Message } from 'discord.js';
import { messages } from '../../i18n/messages.ts';
import { questionFromDiscordText } from '../question-text.ts';
import { renderAnswer } from '../render/answer.ts';
import { replyToMessage } from '../respond.ts';
import { localeLanguage, type BotContext } from './context.ts';

export async function handleMessage(ctx: BotContext, message: Message): Promise<string | undefined> {
  const me = message.client.user;
  if (message.author.bot || !me) return undefined; // other bots, and ourselves: never a conversation between bots
  const mentioned = message.mentions.has(me, { ignoreEveryone: true, ignoreRoles: true, ignoreRepliedUser: true });
  const listed = ctx.answerChannelIds.has(message.channelId);
  if (!mentioned && !listed) return undefined;

  const locale = localeLanguage(message.guild?.preferredLocale);
  const question = questionFromDiscordText(message.content);
  if (!question) {
    if (mentioned) await replyToMessage(message, { content: messages(locale).emptyMention });
    return mentioned ? 'empty' : undefined;
  }
  const cooldown = ctx.cooldown.check(message.author.id);
  if (cooldown.kind === 'silent') return 'cooldown-silent';
  if (cooldown.kind === 'notify') {
    await replyToMessage(message, { content: messages(locale).cooldown(cooldown.retryAfterSeconds) });
    return 'cooldown';
  }

  const answer = ctx.engine.answer(question, { fallbackLanguage: locale });
  // In a listed channel people also chat: only speak up when there is something to say.
  if (!mentioned && answer.status === 'unknown') return 'unknown-silent';
  await replyToMessage(message, renderAnswer(ctx.engine.kb, answer, { askerId: message.author.id }));
  return `${answer.status}:${answer.answer?.id ?? '-'}:${answer.confidence}`;
}
