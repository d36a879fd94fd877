// Threads and forum posts, whether the bot (REST) or a user (test-side dispatch) creates them.
import { ChannelType, MessageType } from 'discord.js';
import type { APIMessage, APIThreadChannel, APIUser, ChannelFlags, ThreadAutoArchiveDuration, ThreadMemberFlags } from 'discord.js';
import type { FakeCore, StoredChannel } from './core.ts';
import { snowflake } from './ids.ts';
import { type StoredMessage, createMessage } from './messages.ts';
import type { UploadedFile } from './validate-message.ts';

export interface NewThreadInit {
  /** Default: a fresh snowflake (a thread started from a message, or a forum post, takes the message's id). */
  id?: string;
  type: ChannelType.PublicThread | ChannelType.PrivateThread | ChannelType.AnnouncementThread;
  parent: StoredChannel;
  owner: APIUser;
  name: string;
  autoArchiveDuration?: number;
  rateLimitPerUser?: number;
}

/** Builds and stores a thread; the bot is a member only of threads it created. */
export function newThread(core: FakeCore, init: NewThreadInit): APIThreadChannel {
  const guildId = init.parent.guildId;
  if (guildId === undefined) throw new Error('fake-discord: threads only exist in guild channels');
  const id = init.id ?? snowflake();
  const now = new Date().toISOString();
  const thread = {
    id,
    type: init.type,
    guild_id: guildId,
    parent_id: init.parent.channel.id,
    owner_id: init.owner.id,
    name: init.name,
    last_message_id: null,
    rate_limit_per_user: init.rateLimitPerUser ?? 0,
    message_count: 0,
    member_count: 1,
    total_message_sent: 0,
    flags: 0 as ChannelFlags,
    applied_tags: [],
    thread_metadata: {
      archived: false,
      auto_archive_duration: (init.autoArchiveDuration ?? 4320) as ThreadAutoArchiveDuration,
      archive_timestamp: now,
      locked: false,
      create_timestamp: now,
    },
  } as APIThreadChannel;
  if (init.owner.id === core.botUser.id) thread.member = { id, user_id: core.botUser.id, join_timestamp: now, flags: 0 as ThreadMemberFlags };
  core.threads.set(thread.id, thread);
  core.channels.set(thread.id, { channel: thread, guildId });
  return thread;
}

/**
 * A forum post: a public thread named after the title whose starter message has the thread's id. Nothing is
 * dispatched here; callers send THREAD_CREATE, then MESSAGE_CREATE for the starter message, as Discord does.
 */
export function newForumPost(
  core: FakeCore,
  forum: StoredChannel,
  author: APIUser,
  title: string,
  body: Record<string, unknown>,
  files: UploadedFile[],
  autoArchiveDuration?: number,
): { thread: APIThreadChannel; stored: StoredMessage } {
  if (forum.channel.type !== ChannelType.GuildForum) throw new Error(`fake-discord: channel ${forum.channel.id} is not a forum`);
  const thread = newThread(core, {
    type: ChannelType.PublicThread,
    parent: forum,
    owner: author,
    name: title,
    autoArchiveDuration: autoArchiveDuration ?? forum.channel.default_auto_archive_duration ?? 4320,
    rateLimitPerUser: forum.channel.default_thread_rate_limit_per_user ?? 0,
  });
  const message: APIMessage = {
    ...createMessage({ id: thread.id, channelId: thread.id, author, body, files, type: MessageType.Default, users: core.users }),
    position: 0,
  };
  thread.last_message_id = message.id;
  forum.channel.last_message_id = thread.id;
  return { thread, stored: core.store(message, forum.guildId) };
}
