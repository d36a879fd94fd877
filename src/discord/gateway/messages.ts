// Questions asked in messages: by mentioning the bot, anywhere in a channel listed for it (a new post of a listed
// forum included), or in a direct message to it.
import { ChannelType, type Message } from 'discord.js';
import { messages } from '../../i18n/messages.ts';
import type { StoreRecord } from '../../store/records.ts';
import { cooldownSeconds, fallbackLanguage, isAnswerChannel, type BotContext, type Outcome } from '../interactions/context.ts';
import { newQuestionRef } from '../interactions/question-ref.ts';
import { questionRecord } from '../interactions/xen-command.ts';
import { questionFromDiscordText } from '../question-text.ts';
import { renderAnswer } from '../render/answer.ts';
import type { ReplyPayload } from '../render/payload.ts';

export interface MessageReply {
  /** Nothing to send when the message is not for the bot, or the asker is in their silent cooldown. */
  payload?: ReplyPayload;
  outcome: Outcome;
  records?: StoreRecord[];
}

export function handleMessage(ctx: BotContext, message: Message): MessageReply | undefined {
  const started = performance.now();
  const me = message.client.user;
  // Other bots, ourselves and webhooks (feeds, bridges): never a conversation between machines.
  if (message.author.bot || message.webhookId || !me) return undefined;
  // A direct message is addressed to the bot as surely as a mention.
  const direct = !message.inGuild();
  const mentioned = direct || message.mentions.has(me, { ignoreEveryone: true, ignoreRoles: true, ignoreRepliedUser: true });
  const guildId = message.guildId;
  const post = forumPost(message);
  const listed = isAnswerChannel(ctx, guildId, message.channelId) || (post !== undefined && isAnswerChannel(ctx, guildId, post.forumId));
  if (!mentioned && !listed) return undefined;

  const locale = fallbackLanguage(ctx, guildId, message.guild?.preferredLocale);
  // A forum post asks in its title, its first message or both: the one the bot is surest of is the question.
  const wordings = (post ? [`${post.title}\n${message.content}`, post.title, message.content] : [message.content]).map(questionFromDiscordText).filter(Boolean);
  if (wordings.length === 0 && !mentioned) return undefined;
  // Answering is pure and fast, so it comes first: in a listed channel people also chat, and chat that gets
  // no reply must not use up anyone's cooldown. There the bot only speaks up when it is sure.
  const answers = wordings.map((q) => ({ question: q, answer: ctx.engine.answer(q, { fallbackLanguage: locale }) }));
  const best = answers.filter((a) => a.answer.status === 'answered').sort((a, b) => b.answer.confidence - a.answer.confidence)[0] ?? answers[0];
  const question = best?.question ?? '';
  const answer = best?.answer;
  if (!mentioned && answer?.status !== 'answered') return { outcome: 'not-for-me' };

  const cooldown = ctx.cooldown.check(message.author.id, cooldownSeconds(ctx, guildId));
  if (cooldown.kind === 'silent') return { outcome: 'cooldown-silent' };
  if (cooldown.kind === 'notify') return { payload: { content: messages(locale).cooldown(cooldown.retryAfterSeconds) }, outcome: 'cooldown' };
  if (!answer) return { payload: { content: messages(locale).emptyMention }, outcome: 'empty' };
  // The reply is public: a pick from its menu answers the picker privately instead of replacing it.
  const ref = newQuestionRef();
  return {
    payload: renderAnswer(ctx.engine.kb, answer, { askerId: message.author.id, pickMode: 'reply', ref }),
    outcome: `${answer.status}:${answer.answer?.id ?? '-'}:${answer.confidence}`,
    records: [{ kind: 'question', record: questionRecord(ref, answer, question, { guildId, userId: message.author.id, surface: direct ? 'dm' : mentioned ? 'mention' : 'channel' }, started) }],
  };
}

/** The first message of a forum post (Discord gives it the post's id), with the post's title and forum. */
function forumPost(message: Message): { title: string; forumId: string } | undefined {
  const channel = message.channel;
  if (!channel.isThread() || channel.parent?.type !== ChannelType.GuildForum || message.id !== channel.id) return undefined;
  return { title: channel.name, forumId: channel.parent.id };
}
