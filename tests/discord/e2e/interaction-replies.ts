// Reading the bot's interaction responses as the fake recorded them.
import { MessageFlags } from 'discord.js';
import type { CallbackBody } from '../../fake-discord/index.ts';

/** Only the user who asked can see this response. */
export function isEphemeral(body: CallbackBody): boolean {
  return ((body.data?.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
}
