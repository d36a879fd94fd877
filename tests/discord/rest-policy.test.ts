// The initial interaction response's deadline is read from the interaction id, so it is the same for every attempt.
import { SnowflakeUtil } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { callbackDeadline } from '../../src/discord/rest-policy.ts';

describe('callbackDeadline', () => {
  const created = Date.parse('2026-11-26T14:00:00.000Z');
  const id = SnowflakeUtil.generate({ timestamp: created }).toString();

  it('GIVEN an interaction callback URL THEN the deadline is the creation time in its id plus the window', () => {
    expect(callbackDeadline(`https://discord.com/api/v10/interactions/${id}/tok-en_1/callback`, 3_000)).toBe(created + 3_000);
    expect(callbackDeadline(`http://127.0.0.1:9/api/v10/interactions/${id}/tok-en_1/callback?with_response=false`, 3_000)).toBe(created + 3_000);
  });

  it('GIVEN any other URL (follow-ups, channel messages) THEN there is no deadline', () => {
    expect(callbackDeadline(`https://discord.com/api/v10/webhooks/1/tok/messages/@original`, 3_000)).toBeUndefined();
    expect(callbackDeadline(`https://discord.com/api/v10/channels/${id}/messages`, 3_000)).toBeUndefined();
  });
});
