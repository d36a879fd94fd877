// The search index's data as snapshot sections, and back. Reading is lazy: each part is decoded the first time the
// engine needs it, so a one-question `ask` never decodes the completion or spelling lists.
import type { FieldPostings } from '../search/bm25.ts';
import type { ErrorTemplate } from '../search/error-match.ts';
import type { IndexData } from '../search/index-data.ts';
import { Postings } from '../search/postings.ts';
import type { FactTraits } from '../search/search-index.ts';
import { SortedStrings } from '../search/sorted-strings.ts';
import { columnList, packedColumn, packStrings, type PackedStrings } from '../search/string-column.ts';
import type { SectionValue, Sections } from './sections-file.ts';

const POSTINGS = ['factTerms', 'curatedTerms', 'factWords', 'curatedWords', 'completionKeyNames', 'completionWordNames', 'trigramNames', 'referenceFacts'] as const;
const STRINGS = ['terms', 'words', 'completionKeys', 'completionWords', 'exactKeys', 'bagKeys', 'trigrams', 'referenceKeys', 'stemWords'] as const;
const ARRAYS = ['documentFrequency', 'wordFrequency', 'exactFacts', 'bagFacts', 'nameKeyIds', 'referenceOrder'] as const;

export function indexSections(data: IndexData): Record<string, SectionValue> {
  const sections: Record<string, SectionValue> = {
    'index.factIds': { json: data.factIds },
    'index.names.fact': data.names.fact,
    'index.names.kind': data.names.kind,
    'index.errorTemplates': { json: data.errorTemplates },
    'index.traits': { json: data.traits },
    'index.bm25': { json: { boosts: data.bm25.boosts, averageLengths: data.bm25.averageLengths } },
  };
  for (const name of POSTINGS) {
    sections[`index.${name}.start`] = data[name].start;
    sections[`index.${name}.values`] = data[name].values;
  }
  const packed: Array<[string, PackedStrings]> = [
    ['names.text', packStrings(columnList(data.names.text))],
    ['stems', packStrings(columnList(data.stems))],
    ...STRINGS.map((name): [string, PackedStrings] => [name, data[name].packed()]),
  ];
  for (const [name, { bytes, offsets }] of packed) {
    sections[`index.${name}.bytes`] = bytes;
    sections[`index.${name}.offsets`] = offsets;
  }
  for (const name of ARRAYS) sections[`index.${name}`] = data[name];
  sections['index.pickerOrder.en'] = data.pickerOrder.en;
  sections['index.pickerOrder.fr'] = data.pickerOrder.fr;
  const trie = data.spellingTrie;
  Object.assign(sections, {
    'index.trie.firstChild': new Uint32Array(trie.firstChild.buffer, trie.firstChild.byteOffset, trie.firstChild.length),
    'index.trie.nextSibling': new Uint32Array(trie.nextSibling.buffer, trie.nextSibling.byteOffset, trie.nextSibling.length),
    'index.trie.letter': trie.letter,
    'index.trie.word': new Uint32Array(trie.word.buffer, trie.word.byteOffset, trie.word.length),
  });
  data.bm25.fields.forEach((field, f) => {
    sections[`index.bm25.${f}.start`] = field.start;
    sections[`index.bm25.${f}.docs`] = field.docs;
    sections[`index.bm25.${f}.frequencies`] = field.frequencies;
    sections[`index.bm25.${f}.lengths`] = field.lengths;
  });
  return sections;
}

/** Calls `make` once, on first use. */
function once<T>(make: () => T): () => T {
  let value: T | undefined;
  let made = false;
  return () => {
    if (!made) [value, made] = [make(), true];
    return value as T;
  };
}

export function indexFromSections(sections: Sections): IndexData {
  const postings = (name: string) => once(() => new Postings(sections.u32(`index.${name}.start`), sections.u32(`index.${name}.values`)));
  const packed = (name: string): PackedStrings => ({ bytes: sections.u8(`index.${name}.bytes`), offsets: sections.u32(`index.${name}.offsets`) });
  const strings = (name: string) => once(() => SortedStrings.fromPacked(packed(name)));
  const factIds = once(() => sections.json<string[]>('index.factIds'));
  const names = once(() => ({ text: packedColumn(packed('names.text')), fact: sections.u32('index.names.fact'), kind: sections.u8('index.names.kind') }));
  const bm25 = once(() => {
    const { boosts, averageLengths } = sections.json<{ boosts: number[]; averageLengths: number[] }>('index.bm25');
    const fields: FieldPostings[] = boosts.map((_, f) => ({
      start: sections.u32(`index.bm25.${f}.start`),
      docs: sections.u32(`index.bm25.${f}.docs`),
      frequencies: sections.u16(`index.bm25.${f}.frequencies`),
      lengths: sections.u32(`index.bm25.${f}.lengths`),
    }));
    return { ids: factIds(), boosts, averageLengths, fields };
  });
  const lists = Object.fromEntries(POSTINGS.map((name) => [name, postings(name)]));
  const sorted = Object.fromEntries(STRINGS.map((name) => [name, strings(name)]));
  const arrays = Object.fromEntries(ARRAYS.map((name) => [name, once(() => sections.u32(`index.${name}`))]));
  // Signed arrays travel as unsigned ones of the same width: -1 is written and read back as the same four bytes.
  const signed = (name: string) => {
    const unsigned = sections.u32(name);
    return new Int32Array(unsigned.buffer, unsigned.byteOffset, unsigned.length);
  };
  const spellingTrie = once(() => ({
    firstChild: signed('index.trie.firstChild'),
    nextSibling: signed('index.trie.nextSibling'),
    letter: sections.u16('index.trie.letter'),
    word: signed('index.trie.word'),
  }));
  const stems = once(() => packedColumn(packed('stems')));
  const pickerOrder = once(() => ({ en: sections.u32('index.pickerOrder.en'), fr: sections.u32('index.pickerOrder.fr') }));
  const errorTemplates = once(() => sections.json<ErrorTemplate[]>('index.errorTemplates'));
  const traits = once(() => sections.json<FactTraits[]>('index.traits'));
  // Every part is a getter that decodes its sections on first use.
  const parts: Record<string, () => unknown> = {
    ...lists,
    ...sorted,
    ...arrays,
    factIds,
    names,
    bm25,
    errorTemplates,
    stems,
    pickerOrder,
    spellingTrie,
    traits,
  };
  const data = {};
  for (const [name, get] of Object.entries(parts)) Object.defineProperty(data, name, { get, enumerable: true });
  return data as unknown as IndexData;
}
