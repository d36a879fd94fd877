// One entry for every interaction, whatever carried it (the gateway or the HTTP endpoint): route it to its handler,
// turn a failure into an apology (or empty choices), and log one line. Transports only deliver what comes back.
import {
  ApplicationCommandType,
  InteractionResponseType,
  InteractionType,
  type APIInteraction,
  type APIChatInputApplicationCommandInteraction,
} from 'discord.js';
import { messages } from '../../i18n/messages.ts';
import { choicesWith, replyWith } from '../outgoing.ts';
import { handleAdminCommand } from './admin.ts';
import { handleAutocomplete } from './autocomplete.ts';
import { handleComponent } from './components.ts';
import { localeLanguage, shardOf, type BotContext } from './context.ts';
import type { Handled } from './handled.ts';
import { handleModal } from './modals.ts';
import { localeOf, userOf } from './who.ts';
import { handleXenCommand } from './xen-command.ts';

function describe(interaction: APIInteraction): string {
  switch (interaction.type) {
    case InteractionType.ApplicationCommand: {
      const data = interaction.data as APIChatInputApplicationCommandInteraction['data'];
      const sub = data.options?.[0];
      return `/${data.name}${sub ? ` ${sub.name}` : ''}`;
    }
    case InteractionType.ApplicationCommandAutocomplete:
      return `autocomplete /${interaction.data?.name ?? '?'}`;
    case InteractionType.MessageComponent:
      return `component ${interaction.data?.custom_id ?? '?'}`;
    case InteractionType.ModalSubmit:
      return `modal ${interaction.data?.custom_id ?? '?'}`;
    default:
      return `interaction type ${interaction.type}`;
  }
}

function route(ctx: BotContext, interaction: APIInteraction): Handled {
  switch (interaction.type) {
    case InteractionType.Ping:
      return { response: { type: InteractionResponseType.Pong }, outcome: 'pong' };
    case InteractionType.ApplicationCommand: {
      if (interaction.data?.type !== ApplicationCommandType.ChatInput) break;
      const command = interaction as APIChatInputApplicationCommandInteraction;
      if (command.data.name === 'xen') return handleXenCommand(ctx, command);
      if (command.data.name === 'xen-admin') return handleAdminCommand(ctx, command);
      break;
    }
    case InteractionType.ApplicationCommandAutocomplete:
      return handleAutocomplete(ctx, interaction);
    case InteractionType.MessageComponent:
      return handleComponent(ctx, interaction);
    case InteractionType.ModalSubmit:
      return handleModal(ctx, interaction);
  }
  // A command we never registered (an old one still cached by a client): say so rather than time out.
  return { response: replyWith({ content: messages(localeLanguage(localeOf(interaction))).invalidCommand }, true), outcome: 'ignored' };
}

/** The fields of an interaction's log lines: ids, never what anyone wrote. */
/** For metrics: which kind of interaction, in a few values. */
export function interactionKind(interaction: APIInteraction): 'command' | 'autocomplete' | 'component' | 'modal' | 'ping' | 'other' {
  switch (interaction.type) {
    case InteractionType.ApplicationCommand:
      return 'command';
    case InteractionType.ApplicationCommandAutocomplete:
      return 'autocomplete';
    case InteractionType.MessageComponent:
      return 'component';
    case InteractionType.ModalSubmit:
      return 'modal';
    case InteractionType.Ping:
      return 'ping';
    default:
      return 'other';
  }
}

export function interactionLog(ctx: BotContext, interaction: APIInteraction): Record<string, unknown> {
  const shard = shardOf(ctx, interaction.guild_id);
  return { interactionId: interaction.id, command: describe(interaction), userId: userOf(interaction).id, ...(shard === undefined ? {} : { shard }) };
}

/**
 * The response to one interaction; never throws (a failure is logged and becomes an apology). `ctx` is used as it is
 * at the call: a knowledge reload swaps the engine between calls, never during one.
 */
export function handleInteraction(ctx: BotContext, interaction: APIInteraction): Handled {
  try {
    return route(ctx, interaction);
  } catch (error) {
    ctx.logger.error({ ...interactionLog(ctx, interaction), err: error }, 'interaction failed');
    // No choices beats "Loading options failed": the user can still type and send.
    if (interaction.type === InteractionType.ApplicationCommandAutocomplete) return { response: choicesWith([]), outcome: 'error' };
    return { response: replyWith({ content: messages(localeLanguage(localeOf(interaction))).apology }, true), outcome: 'error' };
  }
}
