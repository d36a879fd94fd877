// Counting distinct askers without keeping who they are: a keyed hash of the user id, the key changing every UTC
// day and deleted the day after. Without the key the hash cannot be tested against a list of user ids, so once a
// day's key is gone its hashes say nothing about anyone; within a day they only tell two questions came from one person.
import { createHmac, randomBytes } from 'node:crypto';

export const dayOf = (at: number) => new Date(at).toISOString().slice(0, 10);

export function askerHash(key: Buffer, userId: string): string {
  return createHmac('sha256', key).update(userId).digest('base64url').slice(0, 16);
}

export const newAskerKey = () => randomBytes(32);
