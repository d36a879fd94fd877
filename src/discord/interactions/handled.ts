// What a handler gives back: the response to send, what to do once it is delivered, and what to record.
import type { APIInteractionResponse } from 'discord.js';
import type { StoreRecord } from '../../store/records.ts';
import type { Outcome } from './context.ts';

/** REST work that needs the response delivered first. */
export type FollowUp = { kind: 'delete-original' };

export interface Handled {
  response: APIInteractionResponse;
  outcome: Outcome;
  followUps?: FollowUp[];
  /** Written to the store after the response has gone (never before, never slowing it). */
  records?: StoreRecord[];
}
