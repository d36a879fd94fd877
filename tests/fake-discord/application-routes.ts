// Gateway discovery, the bot's own user/application and command registration routes.
import { ApplicationFlags, ApplicationIntegrationType, Locale } from 'discord.js';
import type { APIApplication, APIApplicationCommand, RESTGetAPIGatewayBotResult } from 'discord.js';
import type { FakeCore } from './core.ts';
import { missingAccess } from './errors.ts';
import { snowflake } from './ids.ts';
import type { Route, RouteContext, RouteResult } from './rest-server.ts';
import { assertValidCommands } from './validate-commands.ts';

export const APPLICATION_FLAGS = ApplicationFlags.GatewayMessageContentLimited | ApplicationFlags.ApplicationCommandBadge;
const LOCALES: readonly string[] = Object.values(Locale);

export function applicationRoutes(core: FakeCore): Route[] {
  return [
    { method: 'GET', pattern: '/gateway', auth: false, handle: () => ({ status: 200, body: { url: core.gateway.url } }) },
    { method: 'GET', pattern: '/gateway/bot', auth: true, handle: () => ({ status: 200, body: gatewayBot(core) }) },
    { method: 'GET', pattern: '/users/@me', auth: true, handle: () => ({ status: 200, body: { ...core.botUser, verified: true, mfa_enabled: false, locale: 'en-US', email: null } }) },
    { method: 'GET', pattern: '/applications/@me', auth: true, handle: () => ({ status: 200, body: application(core) }) },
    { method: 'GET', pattern: '/applications/:applicationId/commands', auth: true, handle: (ctx) => listCommands(core, ctx, 'global') },
    { method: 'PUT', pattern: '/applications/:applicationId/commands', auth: true, handle: (ctx) => putCommands(core, ctx, 'global') },
    { method: 'GET', pattern: '/applications/:applicationId/guilds/:guildId/commands', auth: true, handle: (ctx) => listCommands(core, ctx, ctx.params.guildId ?? '') },
    { method: 'PUT', pattern: '/applications/:applicationId/guilds/:guildId/commands', auth: true, handle: (ctx) => putCommands(core, ctx, ctx.params.guildId ?? '') },
  ];
}

function gatewayBot(core: FakeCore): RESTGetAPIGatewayBotResult {
  // discord.js spawns `shards` shards with `shards: 'auto'`, and identifies max_concurrency of them per 5 s.
  const { recommendedShards, maxConcurrency } = core.options;
  return { url: core.gateway.url, shards: recommendedShards, session_start_limit: { total: 1000, remaining: 999, reset_after: 86_400_000, max_concurrency: maxConcurrency } };
}

function application(core: FakeCore): APIApplication {
  return {
    id: core.applicationId,
    name: core.botUser.username,
    icon: null,
    description: '',
    summary: '',
    bot_public: false,
    bot_require_code_grant: false,
    bot: core.botUser,
    verify_key: core.verifyKey,
    interactions_endpoint_url: core.interactionsEndpointUrl ?? null,
    team: null,
    flags: APPLICATION_FLAGS,
    flags_new: String(APPLICATION_FLAGS),
    approximate_guild_count: [...core.guilds.values()].filter((g) => g.botInstalled).length,
    // The fake's app can be installed to guilds and to users (interactions may use `installation: 'user'`).
    integration_types_config: { [ApplicationIntegrationType.GuildInstall]: {}, [ApplicationIntegrationType.UserInstall]: {} },
  } as APIApplication;
}

function checkScope(core: FakeCore, ctx: RouteContext, scope: string): void {
  if (ctx.params.applicationId !== core.applicationId) throw missingAccess().because(`application id ${String(ctx.params.applicationId)} is not ${core.applicationId}`);
  if (scope !== 'global' && !core.guilds.get(scope)?.botInstalled) throw missingAccess().because(`the bot is not in guild ${scope}`);
}

function listCommands(core: FakeCore, ctx: RouteContext, scope: string): RouteResult {
  checkScope(core, ctx, scope);
  return { status: 200, body: core.commands.get(scope) ?? [] };
}

/** Bulk overwrite: commands keep their id when a command of the same type and name existed. */
function putCommands(core: FakeCore, ctx: RouteContext, scope: string): RouteResult {
  checkScope(core, ctx, scope);
  assertValidCommands(ctx.body, LOCALES);
  const previous = core.commands.get(scope) ?? [];
  const saved = (ctx.body as Record<string, unknown>[]).map((raw): APIApplicationCommand => {
    const type = (raw.type as number | undefined) ?? 1;
    const existing = previous.find((c) => c.name === raw.name && c.type === type);
    const command = {
      default_member_permissions: null,
      nsfw: false,
      integration_types: [ApplicationIntegrationType.GuildInstall],
      contexts: null,
      ...raw,
      description: (raw.description as string | undefined) ?? '',
      id: existing?.id ?? snowflake(),
      application_id: core.applicationId,
      type,
      version: snowflake(),
    } as APIApplicationCommand;
    if (scope !== 'global') command.guild_id = scope;
    return command;
  });
  core.commands.set(scope, saved);
  return { status: 200, body: saved };
}
