// Who and where an interaction comes from, read from the raw payload the same way for every transport.
import type { APIInteraction } from 'discord.js';

/** The user who acted: `member.user` in a server, `user` in a DM or a private channel. */
export function userOf(interaction: APIInteraction): { id: string; bot: boolean } {
  const user = interaction.member?.user ?? interaction.user;
  return { id: user?.id ?? '0', bot: user?.bot === true };
}

export const guildOf = (interaction: APIInteraction): string | null => interaction.guild_id ?? null;
export const localeOf = (interaction: APIInteraction): string | undefined => ('locale' in interaction ? interaction.locale : undefined);
