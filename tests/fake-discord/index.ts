// Public API of the fake Discord used by end-to-end tests.
export { FakeDiscord, startFakeDiscord } from './fake-discord.ts';
export type { FakeDiscordOptions, InteractionsEndpointOptions } from './fake-discord.ts';
export type {
  ButtonInput,
  CreateThreadInput,
  DirectMessageInput,
  ForumPostInput,
  MessageCreateInput,
  MessageRef,
  MessageUpdateInput,
  ModalSubmitInput,
  SelectMenuInput,
} from './dispatchers.ts';
export { InteractionHandle } from './interaction-handle.ts';
export type { CallbackBody } from './interaction-handle.ts';
export type { AutocompleteInput, Installation, InteractionTarget, SlashCommandInput } from './interaction-payloads.ts';
export type { CommandInvocation, OptionValue } from './command-options.ts';
export type { FakeError, GatewayEvent, RecordedRequest, WaitOptions } from './recorder.ts';
export type { DiscordErrorBody, FakeErrorKind } from './errors.ts';
export type { FakeChannelOptions, FakeGuildOptions, FakeUserOptions } from './fixtures.ts';
export type { UploadedFile } from './validate-message.ts';
export { Fault } from './faults.ts';
export type { FaultMatch, FaultSpec } from './faults.ts';
export { CALLBACK_ROUTE } from './interaction-routes.ts';
export {
  INTERACTIONS_ENDPOINT_ROUTE,
  INTERACTIONS_USER_AGENT,
  generateInteractionKeys,
  publicKeyHex,
  signInteraction,
} from './interactions-endpoint.ts';
export type { EndpointAnswer, InteractionKeys, InteractionsEndpoint, PingResult, SignedPostOptions } from './interactions-endpoint.ts';
export { guildIdOnShard, shardOf } from './shards.ts';
export type { ShardPair } from './shards.ts';
export { DEFAULT_INTENTS, loginClient } from './test-client.ts';
export { interactionToken, snowflake } from './ids.ts';
export * as limits from './limits.ts';
