// Questions asked in channels: by mentioning the bot, or anywhere in a channel an admin listed.
import type { Message } from 'discord.js';
import { messages } from '../../i18n/messages.ts';
import { questionFromDiscordText } from '../question-text.ts';
import { renderAnswer } from '../render/answer.ts';
import { replyToMessage } from '../respond.ts';
import { localeLanguage, type BotContext } from './context.ts';

export async function handleMessage(ctx: BotContext, message: Message): Promise<string | undefined> {
  const me = message.client.user;
  // Other bots, ourselves and webhooks (feeds, bridges): never a conversation between machines.
  if (message.author.bot || message.webhookId || !me) return undefined;
  const mentioned = message.mentions.has(me, { ignoreEveryone: true, ignoreRoles: true, ignoreRepliedUser: true });
  const listed = ctx.answerChannelIds.has(message.channelId);
  if (!mentioned && !listed) return undefined;

  const locale = localeLanguage(message.guild?.preferredLocale);
  const question = questionFromDiscordText(message.content);
  if (!question && !mentioned) return undefined;
  // Answering is pure and fast, so it comes first: in a listed channel people also chat, and chat that gets
  // no reply must not use up anyone's cooldown. There the bot only speaks up when it is sure.
  const answer = question ? ctx.engine.answer(question, { fallbackLanguage: locale }) : undefined;
  if (!mentioned && answer?.status !== 'answered') return 'not-for-me';

  const cooldown = ctx.cooldown.check(message.author.id);
  if (cooldown.kind === 'silent') return 'cooldown-silent';
  if (cooldown.kind === 'notify') {
    await replyToMessage(message, { content: messages(locale).cooldown(cooldown.retryAfterSeconds) });
    return 'cooldown';
  }
  if (!answer) {
    await replyToMessage(message, { content: messages(locale).emptyMention });
    return 'empty';
  }
  // The reply is public: a pick from its menu answers the picker privately instead of replacing it.
  await replyToMessage(message, renderAnswer(ctx.engine.kb, answer, { askerId: message.author.id, pickMode: 'reply' }));
  return `${answer.status}:${answer.answer?.id ?? '-'}:${answer.confidence}`;
}
