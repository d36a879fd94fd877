// `/xen` subcommands: each reads its typed arguments, asks the core, renders, and gives back the response.
import type { APIChatInputApplicationCommandInteraction } from 'discord.js';
import { findReference, findTopic, resolveFact } from '../../answer/lookup.ts';
import type { Answer } from '../../answer/types.ts';
import { messages } from '../../i18n/messages.ts';
import type { Language } from '../../knowledge/schema.ts';
import type { QuestionRecord } from '../../store/records.ts';
import { optionsOf, type ArgumentsOf, type SubcommandName } from '../command-definition.ts';
import { replyWith } from '../outgoing.ts';
import { questionFromDiscordText } from '../question-text.ts';
import { renderAbout } from '../render/about.ts';
import { renderAnswer, renderFact } from '../render/answer.ts';
import { factPicker } from '../render/components.ts';
import { renderBibliography, renderFactSources } from '../render/sources.ts';
import { renderTopic, renderTopics } from '../render/topics.ts';
import { cooldownSeconds, fallbackLanguage, localeLanguage, shardOf, type BotContext } from './context.ts';
import type { Handled } from './handled.ts';
import { InvalidOptionError, readCall, readOptions, type CommandCall } from './options.ts';
import { newQuestionRef } from './question-ref.ts';
import { guildOf, localeOf, userOf } from './who.ts';

type Interaction = APIChatInputApplicationCommandInteraction;
type Handler = (ctx: BotContext, interaction: Interaction, call: CommandCall) => Handled;

const args = <N extends SubcommandName>(call: CommandCall, name: N) => readOptions(call, optionsOf(name)) as ArgumentsOf<N>;
const reply = (outcome: string, ...rest: Parameters<typeof replyWith>): Handled => ({ response: replyWith(...rest), outcome });

/** A question's record for the store, written after the reply has gone. */
export function questionRecord(
  ref: string,
  answer: Answer,
  question: string,
  where: { guildId: string | null; userId: string; surface: QuestionRecord['surface'] },
  started: number,
): QuestionRecord {
  return {
    ref,
    askedAt: Date.now(),
    guildId: where.guildId,
    surface: where.surface,
    language: answer.language,
    question,
    status: answer.status,
    factId: answer.answer?.id ?? answer.suggestions[0]?.id ?? null,
    confidence: answer.confidence,
    latencyMs: Math.round((performance.now() - started) * 100) / 100,
    userId: where.userId,
  };
}

const ask: Handler = (ctx, interaction, call) => {
  const started = performance.now();
  const { question: raw, hide, mention } = args(call, 'ask');
  const question = questionFromDiscordText(raw);
  const guildId = guildOf(interaction);
  const user = userOf(interaction);
  const locale = fallbackLanguage(ctx, guildId, localeOf(interaction));
  if (!question.trim()) return reply('empty', { content: messages(locale).emptyQuestion }, true);
  const answer = ctx.engine.answer(question, { fallbackLanguage: locale });
  // Only a confident answer goes to the channel; doubts and "I don't know" stay with the asker. A private reply
  // makes no noise, so only a public one counts against the cooldown; a user within it gets the answer privately.
  let ephemeral = answer.status !== 'answered' || hide === true;
  let outcomeSuffix = '';
  if (!ephemeral && ctx.cooldown.check(user.id, cooldownSeconds(ctx, guildId)).kind !== 'ok') {
    ephemeral = true;
    outcomeSuffix = ':cooldown-private';
  }
  const ref = newQuestionRef();
  const payload = renderAnswer(ctx.engine.kb, answer, { askerId: user.id, pingUserId: ephemeral ? undefined : mention?.id, ref });
  return {
    response: replyWith(payload, ephemeral),
    outcome: `${answer.status}:${answer.answer?.id ?? '-'}:${answer.confidence}${outcomeSuffix}`,
    records: [{ kind: 'question', record: questionRecord(ref, answer, question, { guildId, userId: user.id, surface: 'slash' }, started) }],
  };
};

/** The fact an option names; when it names none, the closest matches to pick from, privately. */
function factFromOption(ctx: BotContext, interaction: Interaction, value: string, language: Language, view: 'fact' | 'sources') {
  const resolved = resolveFact(ctx.engine, value, language);
  if (resolved.kind === 'fact') return { fact: resolved.fact };
  return { handled: reply('not-found', renderAnswer(ctx.engine.kb, resolved.answer, { askerId: userOf(interaction).id, pickView: view }), true) };
}

const feature: Handler = (ctx, interaction, call) => {
  const { name, hide, mention } = args(call, 'feature');
  const language = localeLanguage(localeOf(interaction));
  const found = factFromOption(ctx, interaction, name, language, 'fact');
  if (!found.fact) return found.handled;
  const ephemeral = hide === true;
  return reply(`fact:${found.fact.id}`, renderFact(found.fact, language, { askerId: userOf(interaction).id, pingUserId: ephemeral ? undefined : mention?.id }), ephemeral);
};

/** `/xen ref`: a picked entry, a name typed in full, or the closest entries to choose from. */
const ref: Handler = (ctx, interaction, call) => {
  const { name, hide, mention } = args(call, 'ref');
  const language = localeLanguage(localeOf(interaction));
  const ephemeral = hide === true;
  const askerId = userOf(interaction).id;
  const found = findReference(ctx.engine, name, language);
  if (found.kind === 'fact') {
    return reply(`ref:${found.fact.id}`, renderFact(found.fact, language, { askerId, pingUserId: ephemeral ? undefined : mention?.id }), ephemeral);
  }
  // Several entries share the name ("hap": an xl.cfg key and a boot option), or none has it: the asker picks, privately.
  if (found.kind === 'several') {
    const answer: Answer = { status: 'uncertain', confidence: 0, language, answer: null, suggestions: found.choices };
    return reply('ref-ambiguous', renderAnswer(ctx.engine.kb, answer, { askerId }), true);
  }
  return reply('ref-not-found', { content: messages(language).refNotFound, components: factPicker(ctx.engine.kb, found.choices, language, { mode: 'update' }) }, true);
};

const sources: Handler = (ctx, interaction, call) => {
  const { topic, hide } = args(call, 'sources');
  const language = localeLanguage(localeOf(interaction));
  if (!topic?.trim()) return reply('bibliography', renderBibliography(ctx.engine.kb, 0, language), hide === true);
  const found = factFromOption(ctx, interaction, topic, language, 'sources');
  if (!found.fact) return found.handled;
  return reply(`sources:${found.fact.id}`, renderFactSources(found.fact, language), hide === true);
};

const topics: Handler = (ctx, interaction, call) => {
  const { category, hide } = args(call, 'topics');
  const language = localeLanguage(localeOf(interaction));
  const kb = ctx.engine.kb;
  if (!category?.trim()) return reply('topics', renderTopics(kb, language), hide === true);
  const topic = findTopic(ctx.engine, category);
  const payload = topic && renderTopic(kb, topic.id, language);
  if (!topic || !payload) return reply('unknown-topic', { content: messages(language).unknownTopic, embeds: renderTopics(kb, language).embeds }, true);
  return reply(`topic:${topic.id}`, payload, hide === true);
};

const about: Handler = (ctx, interaction, call) => {
  const { hide } = args(call, 'about');
  const language = localeLanguage(localeOf(interaction));
  return reply('about', renderAbout(ctx.engine.kb, ctx.about, language, { recording: ctx.recorder?.recordsQuestions, ...aboutShard(ctx, interaction.guild_id) }), hide === true);
};

const HANDLERS: Record<SubcommandName, Handler> = { feature, ask, ref, sources, topics, about };

export function handleXenCommand(ctx: BotContext, interaction: Interaction): Handled {
  const call = readCall(interaction.data);
  const language = localeLanguage(localeOf(interaction));
  const name = call.subcommand;
  // No subcommand we registered: the user sees no option to blame, only a command to pick again.
  if (!name || !Object.hasOwn(HANDLERS, name)) return reply('invalid-command', { content: messages(language).invalidCommand }, true);
  try {
    return HANDLERS[name as SubcommandName](ctx, interaction, call);
  } catch (error) {
    // A payload our registered command could not produce (an outdated or modified client): say which option.
    if (!(error instanceof InvalidOptionError)) throw error;
    return reply(`invalid-option:${error.option}`, { content: messages(language).invalidOption(error.option) }, true);
  }
}

function aboutShard(ctx: BotContext, guildId: string | undefined): { shard?: { id: number; count: number } } {
  const id = shardOf(ctx, guildId);
  return id === undefined ? {} : { shard: { id, count: ctx.shardCount! } };
}
