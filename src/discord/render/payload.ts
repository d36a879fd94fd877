// What a handler wants to send, before the one door out (outgoing.ts) fits it to Discord's limits.
import type { APIActionRowComponent, APIComponentInMessageActionRow, APIEmbed } from 'discord.js';

export type ActionRow = APIActionRowComponent<APIComponentInMessageActionRow>;

export interface ReplyPayload {
  content?: string;
  embeds?: APIEmbed[];
  components?: ActionRow[];
  /** The one user this reply may ping: the `mention` option, chosen explicitly by the asker. */
  pingUserId?: string;
}

/** Markdown-safe text for a masked link label: brackets would end the label early. */
export function linkLabel(text: string): string {
  return text.replace(/[[\]]/g, (c) => `\\${c}`);
}

/** A URL that cannot break out of a masked link: parentheses and spaces percent-encoded. */
export function linkTarget(url: string): string {
  return url.replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/\s/g, '%20');
}

export const maskedLink = (label: string, url: string) => `[${linkLabel(label)}](${linkTarget(url)})`;
