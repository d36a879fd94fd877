// Validates message-like payloads (replies, updates, follow-ups, edits, channel messages) like Discord does.
import { emptyMessage, entityTooLarge, invalidFormBody } from './errors.ts';
import {
  ALLOWED_MENTIONS_IDS_MAX,
  EMBEDS_PER_MESSAGE_MAX,
  EMBED_AUTHOR_NAME_MAX,
  EMBED_COLOR_MAX,
  EMBED_DESCRIPTION_MAX,
  EMBED_FIELDS_MAX,
  EMBED_FIELD_NAME_MAX,
  EMBED_FIELD_VALUE_MAX,
  EMBED_FOOTER_TEXT_MAX,
  EMBED_TITLE_MAX,
  EMBED_TOTAL_CHARS_MAX,
  FILES_PER_MESSAGE_MAX,
  MESSAGE_CONTENT_MAX,
  MESSAGE_FLAGS_MAX,
  MESSAGE_NONCE_MAX,
  STICKERS_PER_MESSAGE_MAX,
  UPLOAD_BYTES_MAX,
} from './limits.ts';
import { MESSAGE_FLAG_COMPONENTS_V2, validateMessageComponents } from './validate-components.ts';
import { IssueList, type Path, isHttpUrl, isRecord } from './validate-common.ts';

/** A file part of a multipart request. */
export interface UploadedFile {
  field: string;
  filename: string;
  contentType: string;
  size: number;
}

export interface MessageCheckOptions {
  /** 'create' needs a non-empty message; 'edit' is partial (emptiness is checked on the merged result). */
  mode: 'create' | 'edit';
  /** Where the message sits in the request body, e.g. ['data'] for interaction callbacks. */
  prefix?: Path;
  /** Flags of the message being edited, when the edit does not send its own. */
  currentFlags?: number;
}

/** Throws a Discord-shaped 400/413 DiscordHttpError when Discord would reject this payload. */
export function assertValidMessage(body: unknown, files: UploadedFile[], opts: MessageCheckOptions): void {
  const prefix = opts.prefix ?? [];
  if (!isRecord(body)) {
    if (opts.mode === 'create') throw emptyMessage();
    if (body !== undefined && body !== null) throw invalidFormBody([{ path: [], code: 'DICT_TYPE_CONVERT', message: 'Must be an object.' }], prefix);
    return;
  }
  const issues = new IssueList();
  const flags = typeof body.flags === 'number' ? body.flags : (opts.currentFlags ?? 0);
  issues.string(['content'], body.content, MESSAGE_CONTENT_MAX);
  if (typeof body.nonce === 'string') issues.string(['nonce'], body.nonce, MESSAGE_NONCE_MAX);
  if (body.flags !== undefined && body.flags !== null) issues.integer(['flags'], body.flags, 0, MESSAGE_FLAGS_MAX);
  validateEmbeds(issues, body.embeds);
  validateAllowedMentions(issues, body.allowed_mentions);
  validateMessageComponents(issues, body.components, flags, ['components']);
  if ((flags & MESSAGE_FLAG_COMPONENTS_V2) !== 0) {
    for (const legacy of ['content', 'embeds', 'poll', 'stickers'] as const) {
      const v = body[legacy];
      if (v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0)) {
        issues.add([legacy], 'MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2', `The '${legacy}' field cannot be used when using MessageFlags.IS_COMPONENTS_V2`);
      }
    }
  }
  issues.array(['sticker_ids'], body.sticker_ids, STICKERS_PER_MESSAGE_MAX);
  if (issues.items.length > 0) throw invalidFormBody(issues.items, prefix);
  assertFilesFit(files);
  if (opts.mode === 'create' && isEmptyMessage({ ...body, attachments: files })) throw emptyMessage();
}

export function assertFilesFit(files: UploadedFile[]): void {
  const total = files.reduce((sum, f) => sum + f.size, 0);
  if (files.length > FILES_PER_MESSAGE_MAX || total > UPLOAD_BYTES_MAX) throw entityTooLarge();
}

/** Discord refuses a message with no content, embeds, components, attachments, stickers or poll. */
export function isEmptyMessage(message: Record<string, unknown>): boolean {
  const nonEmptyArray = (v: unknown): boolean => Array.isArray(v) && v.length > 0;
  const hasContent = typeof message.content === 'string' && message.content.trim().length > 0;
  return !(
    hasContent ||
    nonEmptyArray(message.embeds) ||
    nonEmptyArray(message.components) ||
    nonEmptyArray(message.attachments) ||
    nonEmptyArray(message.sticker_ids) ||
    nonEmptyArray(message.sticker_items) ||
    isRecord(message.poll)
  );
}

export function assertNotEmpty(message: Record<string, unknown>): void {
  if (isEmptyMessage(message)) throw emptyMessage();
}

function validateEmbeds(issues: IssueList, value: unknown): void {
  const embeds = issues.array(['embeds'], value, EMBEDS_PER_MESSAGE_MAX);
  let total = 0;
  embeds.forEach((e, i) => {
    const p: Path = ['embeds', i];
    const embed = issues.object(p, e, { required: true });
    if (!embed) return;
    total += issues.string([...p, 'title'], embed.title, EMBED_TITLE_MAX);
    total += issues.string([...p, 'description'], embed.description, EMBED_DESCRIPTION_MAX);
    if (embed.url !== undefined && embed.url !== null && !isHttpUrl(embed.url)) {
      issues.add([...p, 'url'], 'URL_TYPE_INVALID_URL', 'Not a well formed URL.');
    }
    issues.integer([...p, 'color'], embed.color, 0, EMBED_COLOR_MAX);
    if (embed.timestamp !== undefined && embed.timestamp !== null && Number.isNaN(Date.parse(String(embed.timestamp)))) {
      issues.add([...p, 'timestamp'], 'DATE_TYPE_PARSE', 'Could not parse timestamp. Should be ISO8601.');
    }
    const fields = issues.array([...p, 'fields'], embed.fields, EMBED_FIELDS_MAX);
    fields.forEach((f, j) => {
      const fp: Path = [...p, 'fields', j];
      const field = issues.object(fp, f, { required: true });
      if (!field) return;
      total += issues.string([...fp, 'name'], field.name, EMBED_FIELD_NAME_MAX, { min: 1, required: true });
      total += issues.string([...fp, 'value'], field.value, EMBED_FIELD_VALUE_MAX, { min: 1, required: true });
    });
    const footer = issues.object([...p, 'footer'], embed.footer);
    if (footer) total += issues.string([...p, 'footer', 'text'], footer.text, EMBED_FOOTER_TEXT_MAX, { min: 1, required: true });
    const author = issues.object([...p, 'author'], embed.author);
    if (author) total += issues.string([...p, 'author', 'name'], author.name, EMBED_AUTHOR_NAME_MAX, { min: 1, required: true });
    for (const media of ['image', 'thumbnail'] as const) {
      const m = issues.object([...p, media], embed[media]);
      if (m && !isHttpUrl(m.url, ['http:', 'https:', 'attachment:'])) {
        issues.add([...p, media, 'url'], 'URL_TYPE_INVALID_URL', 'Scheme must be one of (http, https, attachment).');
      }
    }
  });
  if (total > EMBED_TOTAL_CHARS_MAX) {
    issues.add(['embeds'], 'MAX_EMBED_SIZE_EXCEEDED', `Embed size exceeds maximum size of ${EMBED_TOTAL_CHARS_MAX}`);
  }
}

const MENTION_TYPES = ['roles', 'users', 'everyone'] as const;

function validateAllowedMentions(issues: IssueList, value: unknown): void {
  const am = issues.object(['allowed_mentions'], value);
  if (!am) return;
  const parse = issues.array(['allowed_mentions', 'parse'], am.parse, MENTION_TYPES.length);
  parse.forEach((v, i) => issues.oneOf(['allowed_mentions', 'parse', i], v, MENTION_TYPES, { required: true }));
  for (const kind of ['users', 'roles'] as const) {
    const ids = issues.array(['allowed_mentions', kind], am[kind], ALLOWED_MENTIONS_IDS_MAX);
    if (ids.length > 0 && parse.includes(kind)) {
      issues.add(['allowed_mentions'], 'MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE', `parse:["${kind}"] and ${kind}: [ids] are mutually exclusive.`);
    }
  }
  if (am.replied_user !== undefined && typeof am.replied_user !== 'boolean') {
    issues.add(['allowed_mentions', 'replied_user'], 'BASE_TYPE_BOOLEAN', 'Must be either true or false.');
  }
}
