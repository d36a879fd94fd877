// `npm run deploy-commands`: registers /xen globally, or in one guild (instant, for development).
import { REST } from 'discord.js';
import { z } from 'zod';
import { BotConfig, ConfigError, loadDotEnv, parseConfig } from '../config/env.ts';
import { registerCommands } from './register-commands.ts';

const DeployConfig = BotConfig.pick({ DISCORD_TOKEN: true, DISCORD_GUILD_ID: true, DISCORD_API_URL: true }).extend({
  DISCORD_APPLICATION_ID: BotConfig.shape.DISCORD_APPLICATION_ID.pipe(z.string({ error: 'is not set (deploying needs it)' })),
});

async function main(): Promise<void> {
  loadDotEnv();
  let config: z.infer<typeof DeployConfig>;
  try {
    config = parseConfig(DeployConfig, process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`${error.message}\nSee .env.example and the README ("Create the Discord application").`);
    process.exit(1);
  }
  const rest = new REST(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}).setToken(config.DISCORD_TOKEN);
  let registered: Array<{ name: string }>;
  try {
    registered = await registerCommands(rest, config.DISCORD_APPLICATION_ID, config.DISCORD_GUILD_ID);
  } catch (error) {
    console.error(`Could not register /xen: ${(error as Error).message}\nCheck DISCORD_TOKEN, DISCORD_APPLICATION_ID and the network.`);
    process.exit(1);
  }
  const where = config.DISCORD_GUILD_ID ? `guild ${config.DISCORD_GUILD_ID} (available at once)` : 'globally (may take up to an hour to appear)';
  console.log(`Registered ${registered.map((c) => `/${c.name}`).join(', ')} ${where}.`);
}

await main();
