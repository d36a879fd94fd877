// Shards: a machine runs the shards SHARD_IDS names out of SHARD_COUNT; Discord routes each server to
// (guild_id >> 22) % SHARD_COUNT, and only that shard's session hears it.
import { describe, expect, it } from 'vitest';
import { guildIdOnShard } from '../../fake-discord/index.ts';
import { repliesIn, replyTo } from './channel-replies.ts';
import { botPerTest } from './harness.ts';

const start = botPerTest();

describe('2 of 4 shards on this machine', () => {
  it('GIVEN SHARD_COUNT 4 and SHARD_IDS 0,1 THEN only shards 0 and 1 identify, each server is answered by its shard, and /xen about names it', async () => {
    const [one, two] = [guildIdOnShard(1, 4), guildIdOnShard(2, 4)];
    const server = (id: string) => ({ id, name: `server ${id}`, channels: [{ name: 'general' }] });
    const bot = await start({ globalCommands: true, shards: { ids: [0, 1], count: 4 }, extraGuilds: [server(one), server(two)], fake: { maxConcurrency: 2 } });
    expect(bot.fake.identifiedShards().sort()).toEqual([
      [0, 4],
      [1, 4],
    ]);

    const inGuild = (guildId: string) => bot.fake.messageCreate({ guildId, content: 'what is PVH?', mentions: [bot.fake.botUser], author: bot.fake.createUser({ username: `asker-${guildId}` }) });
    expect((await replyTo(bot.fake, inGuild(one))).embeds[0]?.footer?.text).toMatch(/^pvh-guests/);
    // Shard 2 runs on another machine: this one never hears of the server. A later question on shard 1 is
    // answered; by then nothing has replied to the one on shard 2.
    const elsewhere = inGuild(two);
    await replyTo(bot.fake, inGuild(one));
    expect(repliesIn(bot.fake, elsewhere)).toEqual([]);

    const about = await bot.fake.slashCommand({ name: 'xen', subcommand: 'about', guildId: one }).response();
    expect(about.data!.embeds![0]!.fields).toContainEqual(expect.objectContaining({ name: 'Shard', value: '1 of 4 (shards 0–3)' }));
    await expect.poll(() => bot.logs).toContainEqual(expect.objectContaining({ msg: 'interaction handled', shard: 1 }));
  });
});
