// Wires Discord events to the handlers, with one safety net: a failing handler logs and apologises, never crashes.
import { Client, Events, GatewayIntentBits, type Interaction } from 'discord.js';
import { messages } from '../i18n/messages.ts';
import { handleAutocomplete } from './handlers/autocomplete.ts';
import { handleComponent } from './handlers/components.ts';
import { localeLanguage, type BotContext, type Outcome } from './handlers/context.ts';
import { handleMessage } from './handlers/messages.ts';
import { handleSlashCommand } from './handlers/slash-commands.ts';
import { apologize } from './respond.ts';
import { DEFAULT_REST_POLICY, restOptions, type RestPolicy } from './rest-policy.ts';
import { InFlight } from './shutdown.ts';

export interface BotOptions {
  token: string;
  /** REST base URL, e.g. https://discord.com/api (the tests point it at a local fake). */
  apiUrl?: string;
  /** Overrides of the REST timeouts, retries and rate-limit waits (the tests shorten them). */
  rest?: Partial<RestPolicy>;
  /** Tracks running handlers so a shutdown can drain them; new events are ignored once it is closed. */
  inFlight?: InFlight;
}

/** Guild messages are needed for mentions; message content only when channels are answered without one. */
export function intentsFor(ctx: BotContext): GatewayIntentBits[] {
  const intents = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages];
  if (ctx.answerChannelIds.size > 0) intents.push(GatewayIntentBits.MessageContent);
  return intents;
}

function describe(interaction: Interaction): string {
  if (interaction.isChatInputCommand()) return `/${interaction.commandName} ${interaction.options.getSubcommand(false) ?? ''}`.trim();
  if (interaction.isAutocomplete()) return `autocomplete /${interaction.commandName}`;
  if (interaction.isMessageComponent()) return `component ${interaction.customId}`;
  return `interaction type ${interaction.type}`;
}

async function route(ctx: BotContext, interaction: Interaction): Promise<Outcome> {
  if (interaction.isAutocomplete()) return handleAutocomplete(ctx, interaction);
  if (interaction.isChatInputCommand() && interaction.commandName === 'xen') return handleSlashCommand(ctx, interaction);
  if (interaction.isButton() || interaction.isStringSelectMenu()) return handleComponent(ctx, interaction);
  return 'ignored';
}

async function onInteraction(ctx: BotContext, interaction: Interaction): Promise<void> {
  const started = performance.now();
  const command = describe(interaction);
  const log = { interactionId: interaction.id, command, userId: interaction.user.id };
  try {
    // A copy: a knowledge reload (knowledge-reload.ts) swaps ctx.engine, and this interaction keeps the base it began with.
    const status = await route({ ...ctx }, interaction);
    ctx.logger.info({ ...log, status, latencyMs: Math.round(performance.now() - started) }, 'interaction handled');
  } catch (error) {
    ctx.logger.error({ ...log, err: error, latencyMs: Math.round(performance.now() - started) }, 'interaction failed');
    if (interaction.isAutocomplete()) {
      // No choices beats "Loading options failed": the user can still type and send.
      if (!interaction.responded) await interaction.respond([]).catch((err: unknown) => ctx.logger.error({ ...log, err }, 'could not send empty choices'));
      return;
    }
    if (!interaction.isRepliable()) return;
    try {
      await apologize(interaction, messages(localeLanguage(interaction.locale)).apology);
    } catch (apologyError) {
      ctx.logger.error({ ...log, err: apologyError }, 'could not send the apology');
    }
  }
}

export function createBot(ctx: BotContext, options: BotOptions): Client {
  const inFlight = options.inFlight ?? new InFlight();
  const client = new Client({
    intents: intentsFor(ctx),
    rest: restOptions({ ...DEFAULT_REST_POLICY, ...options.rest }, options.apiUrl),
    allowedMentions: { parse: [], repliedUser: false }, // the default for anything that bypasses respond.ts
  });
  const track = (what: Record<string, unknown>, work: () => Promise<unknown>): void => {
    // Debug, not info: during a drain every event lands here, and the shutdown lines already say why.
    if (!inFlight.run(work)) ctx.logger.debug(what, 'ignored: shutting down');
  };
  client.on(Events.InteractionCreate, (interaction) => track({ interactionId: interaction.id }, () => onInteraction(ctx, interaction)));
  client.on(Events.MessageCreate, (message) => {
    const started = performance.now();
    track({ messageId: message.id }, () =>
      handleMessage({ ...ctx }, message) // a copy, as for interactions
        .then((status) => {
          if (status) ctx.logger.info({ messageId: message.id, channelId: message.channelId, status, latencyMs: Math.round(performance.now() - started) }, 'message handled');
        })
        .catch((error: unknown) => ctx.logger.error({ messageId: message.id, err: error }, 'message handling failed')),
    );
  });
  client.once(Events.ClientReady, (ready) => ctx.logger.info({ user: ready.user.tag, guilds: ready.guilds.cache.size }, 'connected to Discord'));
  client.on(Events.Error, (error) => ctx.logger.error({ err: error }, 'discord client error'));
  client.on(Events.Warn, (warning) => ctx.logger.warn({ warning }, 'discord client warning'));
  return client;
}

export async function startBot(ctx: BotContext, options: BotOptions): Promise<Client> {
  const client = createBot(ctx, options);
  await client.login(options.token);
  return client;
}
