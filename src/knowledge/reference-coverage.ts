// How complete the base's reference is against the names the 4.4 documents define (tests/reference/xen-4.4-names.json).
import type { KnowledgeBase } from './validate.ts';

export interface DocumentedName {
  kind: string;
  name: string;
  file: string;
  line: number;
}

export interface ReferenceCoverage {
  kind: string;
  /** Names of this kind that a fact carries. */
  found: number;
  /** Names of this kind in the 4.4 documents. */
  documented: number;
  missing: string[];
  /** Names the base carries that the documents do not have. */
  invented: string[];
}

export function referenceCoverage(kb: KnowledgeBase, documented: readonly DocumentedName[]): ReferenceCoverage[] {
  const inBase = new Set(kb.facts.flatMap((f) => (f.reference ? f.reference.names.map((n) => `${f.reference!.kind} ${n}`) : [])));
  const known = new Set(documented.map((d) => `${d.kind} ${d.name}`));
  const kinds = [...new Set([...documented.map((d) => d.kind), ...kb.facts.flatMap((f) => (f.reference ? [f.reference.kind] : []))])];
  return kinds.map((kind) => {
    const names = documented.filter((d) => d.kind === kind);
    return {
      kind,
      found: names.filter((d) => inBase.has(`${kind} ${d.name}`)).length,
      documented: names.length,
      missing: names.filter((d) => !inBase.has(`${kind} ${d.name}`)).map((d) => d.name),
      invented: [...inBase].filter((k) => k.startsWith(`${kind} `) && !known.has(k)).map((k) => k.slice(kind.length + 1)),
    };
  });
}
