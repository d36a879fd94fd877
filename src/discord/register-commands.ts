// Registers /xen and /xen-admin with Discord: in one guild (instant, for development) or globally.
import { Routes, type REST } from 'discord.js';
import { COMMANDS } from './command-definition.ts';

export async function registerCommands(rest: REST, applicationId: string, guildId?: string): Promise<Array<{ id: string; name: string }>> {
  const route = guildId ? Routes.applicationGuildCommands(applicationId, guildId) : Routes.applicationCommands(applicationId);
  return (await rest.put(route, { body: COMMANDS })) as Array<{ id: string; name: string }>;
}
