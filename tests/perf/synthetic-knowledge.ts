// A knowledge folder `times` the size of the real one, valid for the loader: the real files plus copies of every
// fact with new ids, names and varied words (synthetic-base.ts). For measuring what reads files: a reload, a first
// start. Copies carry no reference entry, error messages or scope, which must be unique or are checked in titles.
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/knowledge/paths.ts';
import { FactLimits, type Fact } from '../../src/knowledge/schema.ts';
import { syntheticBase } from './synthetic-base.ts';

const fit = (text: string, suffix: string, limit: number) => `${text.slice(0, limit - suffix.length)}${suffix}`;

export function writeSyntheticKnowledge(times: number, sourceDir: string = DEFAULT_KNOWLEDGE_DIR): string {
  const dir = mkdtempSync(join(tmpdir(), `xenbot-kb-${times}x-`));
  cpSync(sourceDir, dir, { recursive: true });
  const kb = loadKnowledge(sourceDir);
  const real = new Set(kb.facts.map((f) => f.id));
  const copies = syntheticBase(kb, times).facts.slice(kb.facts.length);
  const byFile = new Map<string, { topic: string; facts: object[] }>();
  copies.forEach((copy, i) => {
    const n = Math.floor(i / kb.facts.length) + 1;
    const original = kb.facts[i % kb.facts.length]!;
    const id = fit(original.id, `-copy${n}`, FactLimits.idLength);
    if (real.has(id)) throw new Error(`copy id ${id} is a real fact's id`);
    const suffix = ` (copy ${n})`;
    const entry: Partial<Fact> = {
      ...copy,
      id,
      title: { en: fit(copy.title.en, suffix, FactLimits.titleLength), fr: fit(copy.title.fr, suffix, FactLimits.titleLength) },
      aliases: { en: copy.aliases.en.map((a) => fit(a, suffix, FactLimits.aliasLength)), fr: copy.aliases.fr.map((a) => fit(a, suffix, FactLimits.aliasLength)) },
      text: { en: copy.text.en.slice(0, FactLimits.textLength), ...(copy.text.fr ? { fr: copy.text.fr.slice(0, FactLimits.textLength) } : {}) },
      tags: [...new Set(copy.tags.map((t) => t.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')).filter(Boolean))],
      errors: [],
      scope: [],
      replaces: [],
    };
    delete entry.reference;
    delete entry.topic;
    delete entry.file;
    // One file per topic and copy: the loader refuses files over 2 MB.
    const file = `copies-${original.topic}-${n}.yaml`;
    const list = byFile.get(file) ?? { topic: original.topic, facts: [] };
    list.facts.push(entry);
    byFile.set(file, list);
  });
  for (const [file, content] of byFile) writeFileSync(join(dir, 'facts', file), stringify(content, { lineWidth: 0 }));
  return dir;
}
