// The knowledge base as snapshot sections, and back: each fact is its own stretch of JSON, parsed the first time
// it is shown. A question reads a handful of facts; parsing every fact of a large base took seconds.
import type { Fact, Source, Topic } from '../knowledge/schema.ts';
import type { KnowledgeBase } from '../knowledge/validate.ts';
import { packStrings } from '../search/string-column.ts';
import type { SectionValue, Sections } from './sections-file.ts';

export function knowledgeSections(kb: KnowledgeBase): Record<string, SectionValue> {
  const { bytes, offsets } = packStrings(kb.facts.map((fact) => JSON.stringify(fact)));
  return {
    'kb.facts': bytes,
    'kb.factOffsets': offsets,
    'kb.ids': { json: kb.facts.map((f) => [f.id, ...f.replaces]) },
    'kb.sources': { json: [...kb.sources] },
    'kb.topics': { json: kb.topics },
    'kb.featured': { json: kb.featured },
  };
}

/** A base whose facts are parsed on demand; listing them all parses them all, once. */
export function knowledgeFromSections(sections: Sections): KnowledgeBase {
  const offsets = sections.u32('kb.factOffsets');
  const ids = sections.json<string[][]>('kb.ids');
  const parsed: Array<Fact | undefined> = new Array(ids.length);
  const factAt = (i: number): Fact => {
    const known = parsed[i];
    if (known) return known;
    const bytes = sections.slice('kb.facts', offsets[i]!, offsets[i + 1]!);
    return (parsed[i] = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')) as Fact);
  };
  // Live ids first, then the ids facts replaced, as factsByIdOf does: a replaced id never hides a live one.
  const position = new Map<string, number>(ids.map((names, i) => [names[0]!, i]));
  ids.forEach((names, i) => names.slice(1).forEach((old) => position.has(old) || position.set(old, i)));
  let all: readonly Fact[] | undefined;
  const facts = () => (all ??= ids.map((_, i) => factAt(i)));
  const entries = () => [...position].map(([id, i]): [string, Fact] => [id, factAt(i)]);
  const factsById: ReadonlyMap<string, Fact> = {
    get: (id) => {
      const i = position.get(id);
      return i === undefined ? undefined : factAt(i);
    },
    has: (id) => position.has(id),
    get size() {
      return position.size;
    },
    keys: () => position.keys(),
    values: () => entries().map(([, fact]) => fact)[Symbol.iterator](),
    entries: () => entries()[Symbol.iterator](),
    forEach: (callback, thisArg) => entries().forEach(([id, fact]) => callback.call(thisArg, fact, id, factsById)),
    [Symbol.iterator]: () => entries()[Symbol.iterator](),
  };
  let sources: ReadonlyMap<string, Source> | undefined;
  let topics: readonly Topic[] | undefined;
  let featured: readonly string[] | undefined;
  return {
    get facts() {
      return facts();
    },
    factsById,
    get sources() {
      return (sources ??= new Map(sections.json<Array<[string, Source]>>('kb.sources')));
    },
    get topics() {
      return (topics ??= sections.json<Topic[]>('kb.topics'));
    },
    get featured() {
      return (featured ??= sections.json<string[]>('kb.featured'));
    },
  };
}
