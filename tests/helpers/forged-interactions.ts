// Hand-made interactions for bad-input tests: a real one's payload, copied with a fresh id and token, then altered.
import type { APIInteraction } from 'discord.js';
import { interactionToken, snowflake } from '../fake-discord/index.ts';

/** Options of a chat-input or autocomplete payload, loosely typed so a test can break them on purpose. */
export type LooseOption = { type: number; name: string; value?: unknown; focused?: boolean; options?: LooseOption[] };
type Loose = { data: { options?: LooseOption[]; custom_id?: string; component_type?: number; values?: unknown } };

/** A copy of `template` that Discord never sent: `alter` may change anything in it. */
export function forge(template: APIInteraction, alter: (payload: Loose) => void): APIInteraction {
  const copy = structuredClone(template) as APIInteraction & Loose;
  alter(copy);
  return { ...copy, id: snowflake(), token: interactionToken() } as APIInteraction;
}

/** The options under the first subcommand of a payload (`/xen ask question:` → [question]). */
export function subcommandOptions(payload: Loose): LooseOption[] {
  const sub = payload.data.options?.[0];
  if (!sub) throw new Error('the payload has no subcommand');
  return (sub.options ??= []);
}
