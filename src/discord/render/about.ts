// `/xen about`: what the bot is, its version, the size and freshness of its knowledge.
import type { Language } from '../../knowledge/schema.ts';
import type { KnowledgeBase } from '../../knowledge/validate.ts';
import { messages } from '../../i18n/messages.ts';
import type { ReplyPayload } from './payload.ts';

export interface AboutInfo {
  version: string;
  /** ISO date of the last change to knowledge/, when it can be told. */
  knowledgeUpdated?: string;
}

export interface AboutContext {
  /** The shard serving this server, when there are several. */
  shard?: { id: number; count: number };
  /** Undefined when the bot keeps no store at all. */
  recording?: { text: boolean; retentionDays: number };
}

export function renderAbout(kb: KnowledgeBase, info: AboutInfo, language: Language, context: AboutContext = {}): ReplyPayload {
  const t = messages(language);
  const sources = [...kb.sources.values()];
  const primary = sources.filter((s) => s.kind === 'primary').length;
  return {
    embeds: [
      {
        title: t.aboutTitle,
        description: t.aboutDescription,
        fields: [
          { name: t.aboutVersion, value: info.version, inline: true },
          { name: t.aboutFacts, value: String(kb.facts.length), inline: true },
          { name: t.aboutSources, value: String(sources.length), inline: true },
          ...(info.knowledgeUpdated ? [{ name: t.aboutUpdated, value: info.knowledgeUpdated, inline: true }] : []),
          { name: t.aboutOrigin, value: t.aboutOriginText(primary, sources.length) },
          ...(context.shard ? [{ name: t.aboutShard, value: t.aboutShardText(context.shard.id, context.shard.count), inline: true }] : []),
          { name: t.aboutPrivacy, value: context.recording ? t.aboutPrivacyText(context.recording.text, context.recording.retentionDays) : t.aboutNothingKept },
        ],
      },
    ],
  };
}
