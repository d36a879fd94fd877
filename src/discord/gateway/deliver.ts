// Carries a handled interaction back over REST (the gateway transport): the response, then the follow-ups, then
// the records. The HTTP transport answers in the HTTP response instead and uses the same follow-ups.
import { InteractionType, MessageFlags, Routes, type APIInteraction, type REST } from 'discord.js';
import { messages } from '../../i18n/messages.ts';
import { keepRecords, runFollowUps } from '../after-response.ts';
import { localeLanguage, type BotContext } from '../interactions/context.ts';
import type { Handled } from '../interactions/handled.ts';
import { localeOf } from '../interactions/who.ts';
import { apiMessage, replyWith } from '../outgoing.ts';

/** How far a delivery got: an apology after a failure must know whether Discord took the first response. */
export interface Delivery {
  acknowledged: boolean;
}

export async function deliverOverRest(ctx: BotContext, rest: REST, interaction: APIInteraction, handled: Handled, delivery: Delivery = { acknowledged: false }): Promise<void> {
  // The rest policy (rest-policy.ts) bounds this request by the interaction's 3-second window.
  await rest.post(Routes.interactionCallback(interaction.id, interaction.token), { body: handled.response, auth: false });
  delivery.acknowledged = true;
  keepRecords(ctx, handled.records);
  await runFollowUps(rest, interaction, handled.followUps);
}

/**
 * After a failed delivery, tell the user privately: as the first response if Discord has none yet (still bound by
 * the 3-second window, so often refused in turn), else as a follow-up that leaves the public answer untouched.
 * Autocomplete and pings have no message to apologise in.
 */
export async function apologize(rest: REST, interaction: APIInteraction, delivery: Delivery): Promise<void> {
  if (interaction.type === InteractionType.ApplicationCommandAutocomplete || interaction.type === InteractionType.Ping) return;
  const content = messages(localeLanguage(localeOf(interaction))).apology;
  if (!delivery.acknowledged) {
    await rest.post(Routes.interactionCallback(interaction.id, interaction.token), { body: replyWith({ content }, true), auth: false });
  } else {
    await rest.post(Routes.webhook(interaction.application_id, interaction.token), { body: { ...apiMessage({ content }), flags: MessageFlags.Ephemeral }, auth: false });
  }
}
