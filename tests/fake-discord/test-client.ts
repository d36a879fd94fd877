// Test helper: a real discord.js Client logged in to a fake Discord, destroyed again by the caller.
import { Client, type ClientOptions, Events, GatewayIntentBits } from 'discord.js';
import type { FakeDiscord } from './fake-discord.ts';

export const DEFAULT_INTENTS = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages];

/**
 * Logs a real Client in (REST v10 under `${restUrl}/api`) and resolves once it emitted clientReady. `options` adds
 * client options, e.g. `{ partials: [Partials.Channel] }` to receive DMs.
 */
export async function loginClient(
  fake: FakeDiscord,
  intents: GatewayIntentBits[] = DEFAULT_INTENTS,
  setup?: (client: Client) => void,
  options: Omit<ClientOptions, 'intents' | 'rest'> = {},
): Promise<Client> {
  const client = new Client({ ...options, intents, rest: { api: `${fake.restUrl}/api` } });
  setup?.(client);
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login('fake-token');
  await ready;
  return client;
}
