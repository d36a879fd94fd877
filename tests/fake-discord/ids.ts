// Snowflake ids and tokens shaped like Discord's, because @discordjs/rest derives rate-limit buckets from them.
import { randomBytes } from 'node:crypto';

const DISCORD_EPOCH = 1420070400000n;
let lastMs = 0n;
let increment = 0n;

/** A fresh, unique, numeric-string snowflake whose timestamp is now (or `at`). */
export function snowflake(at: number = Date.now()): string {
  let ms = BigInt(at) - DISCORD_EPOCH;
  if (ms <= lastMs) ms = lastMs;
  if (ms === lastMs) {
    increment += 1n;
    if (increment > 0xfffn) {
      ms += 1n;
      increment = 0n;
    }
  } else {
    increment = 0n;
  }
  lastMs = ms;
  return ((ms << 22n) | (1n << 17n) | increment).toString();
}

export function snowflakeTime(id: string): number {
  return Number((BigInt(id) >> 22n) + DISCORD_EPOCH);
}

/** Opaque interaction token: long, url-safe, unguessable like the real ones. */
export function interactionToken(): string {
  return `aW50ZXJhY3Rpb24${randomBytes(60).toString('base64url')}`;
}

export function sessionId(): string {
  return randomBytes(16).toString('hex');
}
