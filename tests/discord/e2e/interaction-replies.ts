// Reading the bot's interaction responses as the fake recorded them.
import { MessageFlags } from 'discord.js';
import type { CallbackBody } from '../../fake-discord/index.ts';

/** Only the user who asked can see this response. */
export function isEphemeral(body: CallbackBody): boolean {
  return ((body.data?.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
}

type Rows = ReadonlyArray<{ components: ReadonlyArray<object> }>;

/** Every custom id on a message's rows, in order. */
export function customIds(rows: unknown): string[] {
  return ((rows ?? []) as Rows).flatMap((r) => r.components.map((c) => ('custom_id' in c ? String(c.custom_id) : '')));
}

/**
 * The custom id that starts with `prefix` ("xen:fb:up:pvh-guests"): answers add a per-question key after it,
 * which a test cannot know in advance.
 */
export function customIdStarting(rows: unknown, prefix: string): string {
  const found = customIds(rows).find((id) => id === prefix || id.startsWith(`${prefix}:`));
  if (!found) throw new Error(`no custom id starts with ${prefix}: ${customIds(rows).join(', ')}`);
  return found;
}

/** Custom ids without the per-question key, for comparing whole rows. */
export const withoutQuestionRef = (ids: string[]) => ids.map((id) => id.replace(/:[\w-]{10}$/, ''));
