// Discord-shaped HTTP errors, so discord.js surfaces the same DiscordAPIError (code, message, nested errors) as in production.

/** Body of a Discord error response (what discord.js turns into DiscordAPIError). */
export interface DiscordErrorBody {
  code: number;
  message: string;
  errors?: Record<string, unknown>;
}

/** Why the fake flagged something; every flagged item makes `assertNoErrors()` throw. */
export type FakeErrorKind =
  | 'unknown-route'
  | 'validation'
  | 'interaction'
  | 'not-found'
  | 'auth'
  | 'gateway'
  | 'internal';

/** One validation problem at a JSON path, e.g. ['embeds', 0, 'title']. */
export interface Issue {
  path: (string | number)[];
  code: string;
  message: string;
}

export class DiscordHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: DiscordErrorBody,
    readonly kind: FakeErrorKind = 'validation',
  ) {
    super(`${status} ${body.code} ${body.message}`);
  }

  /** Adds the fake's explanation to the recorded error (the HTTP body stays exactly what Discord sends). */
  because(detail: string): this {
    this.message = `${this.message} (${detail})`;
    return this;
  }
}

/** Nest issues the way Discord does: {"embeds": {"0": {"title": {"_errors": [...]}}}}. */
export function nestIssues(issues: Issue[]): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const issue of issues) {
    let node = root;
    for (const key of issue.path) {
      const k = String(key);
      node[k] ??= {};
      node = node[k] as Record<string, unknown>;
    }
    const list = (node._errors ??= []) as { code: string; message: string }[];
    list.push({ code: issue.code, message: issue.message });
  }
  return root;
}

/** 50035 Invalid Form Body, with every issue listed (the message names each path so test output is readable). */
export function invalidFormBody(issues: Issue[], prefix: (string | number)[] = []): DiscordHttpError {
  const full = issues.map((i) => ({ ...i, path: [...prefix, ...i.path] }));
  const detail = full.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  const error = new DiscordHttpError(400, {
    code: 50035,
    message: 'Invalid Form Body',
    errors: nestIssues(full),
  });
  error.message = `400 Invalid Form Body: ${detail}`;
  return error;
}

export function throwIfIssues(issues: Issue[], prefix: (string | number)[] = []): void {
  if (issues.length > 0) throw invalidFormBody(issues, prefix);
}

export const emptyMessage = (): DiscordHttpError =>
  new DiscordHttpError(400, { code: 50006, message: 'Cannot send an empty message' });

export const alreadyAcknowledged = (): DiscordHttpError =>
  new DiscordHttpError(400, { code: 40060, message: 'Interaction has already been acknowledged.' }, 'interaction');

export const unknownInteraction = (): DiscordHttpError =>
  new DiscordHttpError(404, { code: 10062, message: 'Unknown interaction' }, 'interaction');

export const unknownWebhook = (): DiscordHttpError =>
  new DiscordHttpError(404, { code: 10015, message: 'Unknown Webhook' }, 'not-found');

export const invalidWebhookToken = (): DiscordHttpError =>
  new DiscordHttpError(401, { code: 50027, message: 'Invalid Webhook Token' }, 'auth');

export const unknownMessage = (): DiscordHttpError =>
  new DiscordHttpError(404, { code: 10008, message: 'Unknown Message' }, 'not-found');

export const unknownChannel = (): DiscordHttpError =>
  new DiscordHttpError(404, { code: 10003, message: 'Unknown Channel' }, 'not-found');

export const unknownGuild = (): DiscordHttpError =>
  new DiscordHttpError(404, { code: 10004, message: 'Unknown Guild' }, 'not-found');

export const unauthorized = (): DiscordHttpError =>
  new DiscordHttpError(401, { code: 0, message: '401: Unauthorized' }, 'auth');

export const notFoundRoute = (): DiscordHttpError =>
  new DiscordHttpError(404, { code: 0, message: '404: Not Found' }, 'unknown-route');

export const methodNotAllowed = (): DiscordHttpError =>
  new DiscordHttpError(405, { code: 0, message: '405: Method Not Allowed' }, 'unknown-route');

export const missingAccess = (): DiscordHttpError =>
  new DiscordHttpError(403, { code: 50001, message: 'Missing Access' }, 'auth');

export const missingPermissions = (): DiscordHttpError =>
  new DiscordHttpError(403, { code: 50013, message: 'Missing Permissions' }, 'auth');

export const cannotSendInForum = (): DiscordHttpError =>
  new DiscordHttpError(400, { code: 40058, message: 'Cannot send a message in a forum channel' });

export const maxFollowUps = (): DiscordHttpError =>
  new DiscordHttpError(400, { code: 40094, message: 'This interaction has hit the maximum number of follow up messages' }, 'interaction');

export const unknownUser = (): DiscordHttpError =>
  new DiscordHttpError(404, { code: 10013, message: 'Unknown User' }, 'not-found');

export const cannotEditOthersMessage = (): DiscordHttpError =>
  new DiscordHttpError(403, { code: 50005, message: 'Cannot edit a message authored by another user' }, 'validation');

export const entityTooLarge = (): DiscordHttpError =>
  new DiscordHttpError(413, { code: 40005, message: 'Request entity too large' });
