// Coverage figures for the knowledge base, printed by `npm run kb:check`.
import { REFERENCE_KINDS } from './schema.ts';
import type { KnowledgeBase } from './validate.ts';

export interface TopicCoverage {
  topic: string;
  facts: number;
  frenchText: number;
  frenchAliases: number;
}

export interface KnowledgeSummary {
  facts: number;
  topics: TopicCoverage[];
  statuses: Record<string, number>;
  frenchText: number;
  frenchAliases: number;
  disputed: number;
  citations: { primary: number; secondary: number };
  factsWithPrimary: number;
  /** Facts that cite no primary source (press claims of opinion apart): for curators to improve. */
  withoutPrimary: string[];
  /** Reference entries in the base against the names of the 4.4 documents, per kind (when the list is known). */
  reference: Array<{ kind: string; entries: number; names: number }>;
  sourcesCited: number;
  sourcesRegistered: number;
  factsWithCitation: number;
  /** Dossier section letter → topics covering it with at least one fact. */
  dossier: Array<{ section: string; topics: string[] }>;
}

export function summarize(kb: KnowledgeBase): KnowledgeSummary {
  const topics = kb.topics.map((t): TopicCoverage => {
    const facts = kb.facts.filter((f) => f.topic === t.id);
    return {
      topic: t.id,
      facts: facts.length,
      frenchText: facts.filter((f) => f.text.fr).length,
      frenchAliases: facts.filter((f) => f.aliases.fr.length > 0).length,
    };
  });
  const statuses: Record<string, number> = {};
  const cited = new Set<string>();
  const citations = { primary: 0, secondary: 0 };
  let factsWithPrimary = 0;
  const withoutPrimary: string[] = [];
  for (const fact of kb.facts) {
    statuses[fact.status] = (statuses[fact.status] ?? 0) + 1;
    let hasPrimary = false;
    for (const c of fact.citations) {
      cited.add(c.source);
      const kind = kb.sources.get(c.source)?.kind ?? 'secondary';
      citations[kind] += 1;
      hasPrimary ||= kind === 'primary';
    }
    if (hasPrimary) factsWithPrimary += 1;
    else if (!(fact.status === 'press-claim' && fact.verdict === 'opinion')) withoutPrimary.push(fact.id);
  }
  const reference = REFERENCE_KINDS.map((kind) => ({
    kind,
    entries: kb.facts.filter((f) => f.reference?.kind === kind).length,
    names: kb.facts.reduce((n, f) => n + (f.reference?.kind === kind ? f.reference.names.length : 0), 0),
  }));
  return {
    facts: kb.facts.length,
    topics,
    statuses,
    frenchText: kb.facts.filter((f) => f.text.fr).length,
    frenchAliases: kb.facts.filter((f) => f.aliases.fr.length > 0).length,
    disputed: kb.facts.filter((f) => f.disputed).length,
    citations,
    factsWithPrimary,
    withoutPrimary,
    reference,
    sourcesCited: cited.size,
    sourcesRegistered: kb.sources.size,
    factsWithCitation: kb.facts.filter((f) => f.citations.length > 0).length,
    dossier: [...new Set(kb.topics.flatMap((t) => t.dossier))].sort().map((section) => ({
      section,
      topics: kb.topics.filter((t) => t.dossier.includes(section) && topics.some((c) => c.topic === t.id && c.facts > 0)).map((t) => t.id),
    })),
  };
}

/** A percentage that never rounds 261/262 up to "100%". */
const pct = (part: number, whole: number) => {
  if (whole === 0) return '–';
  const value = (100 * part) / whole;
  return part === whole || value < 99.5 ? `${Math.round(value)}%` : `${value.toFixed(1)}%`;
};

export function formatSummary(s: KnowledgeSummary): string {
  const width = Math.max(5, ...s.topics.map((t) => t.topic.length));
  const lines = [
    `${'topic'.padEnd(width)}  facts  FR text  FR aliases`,
    ...s.topics.map(
      (t) => `${t.topic.padEnd(width)}  ${String(t.facts).padStart(5)}  ${pct(t.frenchText, t.facts).padStart(7)}  ${pct(t.frenchAliases, t.facts).padStart(10)}`,
    ),
    `${'total'.padEnd(width)}  ${String(s.facts).padStart(5)}  ${pct(s.frenchText, s.facts).padStart(7)}  ${pct(s.frenchAliases, s.facts).padStart(10)}`,
    '',
    `statuses: ${Object.entries(s.statuses).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', ')}`,
    `facts with a citation: ${s.factsWithCitation}/${s.facts} (${pct(s.factsWithCitation, s.facts)}); citing at least one primary source: ${s.factsWithPrimary}/${s.facts} (${pct(s.factsWithPrimary, s.facts)})`,
    `citations: ${s.citations.primary} primary, ${s.citations.secondary} secondary; sources cited ${s.sourcesCited} of ${s.sourcesRegistered} registered`,
    `facts noting a disagreement between sources: ${s.disputed}`,
    ...(s.withoutPrimary.length ? [`facts citing no primary source: ${s.withoutPrimary.join(', ')}`] : []),
  ];
  const covered = s.dossier.filter((d) => d.topics.length > 0);
  lines.push(`dossier sections represented: ${covered.length}/${s.dossier.length} (${covered.map((d) => d.section).join(' ')})`);
  const missing = s.dossier.filter((d) => d.topics.length === 0).map((d) => d.section);
  if (missing.length) lines.push(`dossier sections without facts: ${missing.join(' ')}`);
  const empty = s.topics.filter((t) => t.facts === 0).map((t) => t.topic);
  if (empty.length) lines.push(`topics without facts: ${empty.join(', ')}`);
  return lines.join('\n');
}
