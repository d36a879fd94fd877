// `/xen` subcommands: each reads its typed arguments, asks the core, renders, and replies through respond.ts.
import type { ChatInputCommandInteraction } from 'discord.js';
import { messages } from '../../i18n/messages.ts';
import type { Language } from '../../knowledge/schema.ts';
import type { SubcommandName } from '../command-definition.ts';
import type { PickView } from '../custom-ids.ts';
import { questionFromDiscordText } from '../question-text.ts';
import { renderAbout } from '../render/about.ts';
import { renderAnswer, renderFact } from '../render/answer.ts';
import { renderBibliography, renderFactSources } from '../render/sources.ts';
import { renderTopic, renderTopics } from '../render/topics.ts';
import { reply } from '../respond.ts';
import { InvalidOptionError, readArguments } from './arguments.ts';
import { localeLanguage, type BotContext, type Outcome } from './context.ts';
import { findTopic, resolveFact } from '../../answer/lookup.ts';

type Handler = (ctx: BotContext, interaction: ChatInputCommandInteraction) => Promise<Outcome>;

const ask: Handler = async (ctx, interaction) => {
  const { question: raw, hide, mention } = readArguments(interaction, 'ask');
  const question = questionFromDiscordText(raw);
  const locale = localeLanguage(interaction.locale);
  if (!question.trim()) {
    await reply(interaction, { content: messages(locale).emptyQuestion }, true);
    return 'empty';
  }
  const cooldown = ctx.cooldown.check(interaction.user.id);
  if (cooldown.kind !== 'ok') {
    // An interaction must be answered even when a message would be ignored; privately, it disturbs no one.
    await reply(interaction, { content: messages(locale).cooldown(cooldown.retryAfterSeconds) }, true);
    return 'cooldown';
  }
  const answer = ctx.engine.answer(question, { fallbackLanguage: locale });
  // Only a confident answer goes to the channel; doubts and "I don't know" stay with the asker.
  const ephemeral = answer.status !== 'answered' || hide === true;
  const payload = renderAnswer(ctx.engine.kb, answer, { askerId: interaction.user.id, pingUserId: ephemeral ? undefined : mention?.id });
  await reply(interaction, payload, ephemeral);
  return `${answer.status}:${answer.answer?.id ?? '-'}:${answer.confidence}`;
};

/** The fact an option names; when it names none, the user privately gets the closest matches to pick from. */
async function factFromOption(ctx: BotContext, interaction: ChatInputCommandInteraction, value: string, language: Language, pickView: PickView) {
  const resolved = resolveFact(ctx.engine, value, language);
  if (resolved.kind === 'fact') return resolved.fact;
  await reply(interaction, renderAnswer(ctx.engine.kb, resolved.answer, { askerId: interaction.user.id, pickView }), true);
  return undefined;
}

const feature: Handler = async (ctx, interaction) => {
  const { name, hide, mention } = readArguments(interaction, 'feature');
  const language = localeLanguage(interaction.locale);
  const fact = await factFromOption(ctx, interaction, name, language, 'fact');
  if (!fact) return 'not-found';
  const ephemeral = hide === true;
  await reply(interaction, renderFact(fact, language, { askerId: interaction.user.id, pingUserId: ephemeral ? undefined : mention?.id }), ephemeral);
  return `fact:${fact.id}`;
};

const sources: Handler = async (ctx, interaction) => {
  const { topic, hide } = readArguments(interaction, 'sources');
  const language = localeLanguage(interaction.locale);
  if (!topic?.trim()) {
    await reply(interaction, renderBibliography(ctx.engine.kb, 0, language), hide === true);
    return 'bibliography';
  }
  const fact = await factFromOption(ctx, interaction, topic, language, 'sources');
  if (!fact) return 'not-found';
  await reply(interaction, renderFactSources(fact, language), hide === true);
  return `sources:${fact.id}`;
};

const topics: Handler = async (ctx, interaction) => {
  const { category, hide } = readArguments(interaction, 'topics');
  const language = localeLanguage(interaction.locale);
  const kb = ctx.engine.kb;
  if (!category?.trim()) {
    await reply(interaction, renderTopics(kb, language), hide === true);
    return 'topics';
  }
  const topic = findTopic(ctx.engine, category);
  const payload = topic && renderTopic(kb, topic.id, language);
  if (!topic || !payload) {
    await reply(interaction, { content: messages(language).unknownTopic, embeds: renderTopics(kb, language).embeds }, true);
    return 'unknown-topic';
  }
  await reply(interaction, payload, hide === true);
  return `topic:${topic.id}`;
};

const about: Handler = async (ctx, interaction) => {
  const { hide } = readArguments(interaction, 'about');
  await reply(interaction, renderAbout(ctx.engine.kb, ctx.about, localeLanguage(interaction.locale)), hide === true);
  return 'about';
};

const HANDLERS: Record<SubcommandName, Handler> = { feature, ask, sources, topics, about };

export async function handleSlashCommand(ctx: BotContext, interaction: ChatInputCommandInteraction): Promise<Outcome> {
  const name = interaction.options.getSubcommand(false);
  if (!name || !Object.hasOwn(HANDLERS, name)) {
    // No subcommand we registered: the user sees no option to blame, only a command to pick again.
    await reply(interaction, { content: messages(localeLanguage(interaction.locale)).invalidCommand }, true);
    return 'invalid-command';
  }
  try {
    return await HANDLERS[name as SubcommandName](ctx, interaction);
  } catch (error) {
    // A payload our registered command could not produce (an outdated or modified client): say which option.
    if (!(error instanceof InvalidOptionError) || interaction.replied || interaction.deferred) throw error;
    await reply(interaction, { content: messages(localeLanguage(interaction.locale)).invalidOption(error.option) }, true);
    return `invalid-option:${error.option}`;
  }
}
