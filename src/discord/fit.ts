// Cuts any reply down to what Discord accepts, so no handler can trigger a 400 by writing too much.
import type { APIEmbed } from 'discord.js';
import { DiscordLimits, truncate } from './limits.ts';
import type { ActionRow, ReplyPayload } from './render/payload.ts';

function fitEmbed(e: APIEmbed): APIEmbed {
  return {
    ...e,
    ...(e.title !== undefined ? { title: truncate(e.title, DiscordLimits.embedTitle) } : {}),
    ...(e.description !== undefined ? { description: truncate(e.description, DiscordLimits.embedDescription) } : {}),
    ...(e.author ? { author: { ...e.author, name: truncate(e.author.name, DiscordLimits.embedAuthor) } } : {}),
    ...(e.footer ? { footer: { ...e.footer, text: truncate(e.footer.text, DiscordLimits.embedFooter) } } : {}),
    ...(e.fields
      ? {
          fields: e.fields.slice(0, DiscordLimits.embedFields).map((f) => ({
            ...f,
            name: truncate(f.name, DiscordLimits.embedFieldName) || '\u200b',
            value: truncate(f.value, DiscordLimits.embedFieldValue) || '\u200b',
          })),
        }
      : {}),
  };
}

/**
 * Share the per-message budget (6000 characters over all embeds) in reading order: title, author,
 * description, fields, footer. What comes first in a reader's eye keeps its text; the rest is cut or dropped.
 */
function fitTotal(embeds: APIEmbed[]): APIEmbed[] {
  let budget: number = DiscordLimits.embedTotal;
  const take = (text: string): string => {
    const kept = text.length <= budget ? text : truncate(text, Math.max(0, budget));
    budget -= kept.length;
    return kept;
  };
  return embeds.map((e) => {
    const fitted: APIEmbed = { ...e };
    // A part that no longer fits at all is left out: Discord refuses empty titles and names.
    const keep = <K extends 'title' | 'description'>(key: K) => {
      const text = e[key] === undefined ? '' : take(e[key]);
      if (text) fitted[key] = text;
      else delete fitted[key];
    };
    keep('title');
    if (e.author) {
      const name = take(e.author.name);
      if (name) fitted.author = { ...e.author, name };
      else delete fitted.author;
    }
    keep('description');
    if (e.fields) {
      const footerReserve = Math.min(e.footer?.text.length ?? 0, 100);
      fitted.fields = [];
      for (const field of e.fields) {
        if (field.name.length + field.value.length > budget - footerReserve) break;
        fitted.fields.push({ ...field, name: take(field.name), value: take(field.value) });
      }
    }
    if (e.footer) {
      const text = take(e.footer.text);
      if (text) fitted.footer = { ...e.footer, text };
      else delete fitted.footer;
    }
    return fitted;
  });
}

function fitRows(rows: ActionRow[]): ActionRow[] {
  return rows.slice(0, DiscordLimits.actionRows).map((row) => ({
    ...row,
    components: row.components.slice(0, DiscordLimits.buttonsPerRow).map((c) =>
      'options' in c && Array.isArray(c.options) ? { ...c, options: c.options.slice(0, DiscordLimits.selectOptions) } : c,
    ),
  }));
}

/** Bare links in message text would unfurl into previews; angle brackets keep them as plain links. */
export function suppressLinkPreviews(content: string): string {
  return content.replace(/(^|[^<(])(https?:\/\/[^\s<>]+)/g, '$1<$2>');
}

export function fitPayload(payload: ReplyPayload): ReplyPayload {
  const embeds = payload.embeds ? fitTotal(payload.embeds.slice(0, DiscordLimits.embedsPerMessage).map(fitEmbed)) : undefined;
  const content = payload.content === undefined ? undefined : truncate(suppressLinkPreviews(payload.content), DiscordLimits.content);
  const components = payload.components ? fitRows(payload.components) : undefined;
  const empty = !content && !embeds?.length && !components?.length;
  return { ...payload, content: empty ? '…' : content, embeds, components };
}
