// Guild sharding as Discord routes it: a guild belongs to shard (guild_id >> 22) % num_shards; DMs go to shard 0.

const DISCORD_EPOCH = 1420070400000n;
/** Worker id 2 in the snowflake, so these ids never collide with `snowflake()`'s (worker 1). */
const WORKER = 2n << 17n;
let increment = 0n;

/** `[shard_id, num_shards]` as sent in IDENTIFY and READY. */
export type ShardPair = [number, number];

/** The shard a guild's events go to when the bot runs `count` shards. */
export function shardOf(guildId: string, count: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(count));
}

/** Whether a session identified as `shard` receives events of this guild (undefined: no guild, i.e. a DM → shard 0). */
export function onShard(guildId: string | undefined, [id, count]: ShardPair): boolean {
  return guildId === undefined ? id === 0 : shardOf(guildId, count) === id;
}

/** Why a IDENTIFY `shard` field is refused (Discord closes with 4010 Invalid Shard), or undefined when it is fine. */
export function invalidShard(shard: unknown): string | undefined {
  if (!Array.isArray(shard) || shard.length !== 2) return 'shard must be [shard_id, num_shards]';
  const [id, count] = shard as unknown[];
  if (!Number.isInteger(count) || (count as number) < 1) return `num_shards ${JSON.stringify(count)} must be an integer >= 1`;
  if (!Number.isInteger(id) || (id as number) < 0 || (id as number) >= (count as number)) return `shard_id ${JSON.stringify(id)} must be an integer in [0, ${String(count)})`;
  return undefined;
}

/**
 * A fresh guild snowflake (timestamp a few ms ago at most) that lands on shard `k` of `n`, for
 * `startFakeDiscord({ guilds: [{ id: guildIdOnShard(1, 2) }] })`.
 */
export function guildIdOnShard(k: number, n: number): string {
  if (invalidShard([k, n])) throw new Error(`fake-discord: no shard ${k} of ${n} (${String(invalidShard([k, n]))})`);
  let ms = BigInt(Date.now()) - DISCORD_EPOCH;
  ms -= (((ms - BigInt(k)) % BigInt(n)) + BigInt(n)) % BigInt(n);
  increment = (increment + 1n) & 0xfffn;
  return ((ms << 22n) | WORKER | increment).toString();
}
