// What every transport does once Discord has the response: REST work that needed it first (with the interaction's
// own token, no bot token), then the records for the store and the counters for the metrics.
import { Routes, type APIInteraction, type REST } from 'discord.js';
import type { StoreRecord } from '../store/records.ts';
import type { BotContext } from './interactions/context.ts';
import type { FollowUp } from './interactions/handled.ts';

export async function runFollowUps(rest: REST, interaction: APIInteraction, followUps: readonly FollowUp[] = []): Promise<void> {
  for (const followUp of followUps) {
    if (followUp.kind === 'delete-original') {
      await rest.delete(Routes.webhookMessage(interaction.application_id, interaction.token, '@original'), { auth: false });
    }
  }
}

/** Queues the records for the store (written on a later turn, after the answer has gone) and counts questions. */
export function keepRecords(ctx: BotContext, records: readonly StoreRecord[] = []): void {
  for (const record of records) {
    ctx.recorder?.record(record);
    if (record.kind === 'question') ctx.metrics?.question(record.record);
  }
}
