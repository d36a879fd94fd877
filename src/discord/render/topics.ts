// Browsing the base: every topic with its size, or the facts of one topic with menus to open them.
import type { Language } from '../../knowledge/schema.ts';
import type { KnowledgeBase } from '../../knowledge/validate.ts';
import { messages } from '../../i18n/messages.ts';
import { factPicker } from './components.ts';
import type { ReplyPayload } from './payload.ts';

export function renderTopics(kb: KnowledgeBase, language: Language): ReplyPayload {
  const t = messages(language);
  const lines = kb.topics.map((topic) => {
    const count = kb.facts.filter((f) => f.topic === topic.id).length;
    return `**${topic.title[language]}** · ${t.factCount(count)}\n${topic.description[language]}`;
  });
  return { embeds: [{ title: t.topicsTitle, description: lines.join('\n'), footer: { text: t.topicsHint } }] };
}

export function renderTopic(kb: KnowledgeBase, topicId: string, language: Language): ReplyPayload | undefined {
  const t = messages(language);
  const topic = kb.topics.find((tp) => tp.id === topicId);
  if (!topic) return undefined;
  const facts = kb.facts.filter((f) => f.topic === topic.id);
  return {
    embeds: [
      {
        title: `${topic.title[language]} · ${t.factCount(facts.length)}`,
        description: [topic.description[language], '', ...facts.map((f) => `• ${f.title[language]}`)].join('\n'),
      },
    ],
    // Picking a fact opens it privately, so the list stays for the next reader.
    components: factPicker(kb, facts.map((f) => ({ id: f.id, title: f.title[language] })), language, { mode: 'reply' }),
  };
}
