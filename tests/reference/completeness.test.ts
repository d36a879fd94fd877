// The 4.4 reference is complete: every xl subcommand, config key, boot option, spec field and script documented in
// the 4.4 tree is an entry of the base, and the base invents none. The name lists were extracted from the tree at
// RELEASE-4.4.0 by extract-names.ts (run it against a Xen clone to regenerate them).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { referenceCoverage, type DocumentedName } from '../../src/knowledge/reference-coverage.ts';
import { REFERENCE_KINDS } from '../../src/knowledge/schema.ts';

const documented: DocumentedName[] = JSON.parse(readFileSync(new URL('./xen-4.4-names.json', import.meta.url), 'utf8')).names;
const kb = loadKnowledge();
const coverage = referenceCoverage(kb, documented);

describe('the 4.4 reference in the knowledge base', () => {
  it('extracted names of every kind the schema knows, and of no other', () => {
    expect([...new Set(documented.map((d) => d.kind))].sort()).toEqual([...REFERENCE_KINDS].sort());
  });

  it('has an entry for every documented name', () => {
    expect(coverage.filter((c) => c.missing.length).map((c) => `${c.kind}: ${c.missing.join(', ')}`)).toEqual([]);
  });

  it('invents no name the 4.4 documents do not have', () => {
    expect(coverage.filter((c) => c.invented.length).map((c) => `${c.kind}: ${c.invented.join(', ')}`)).toEqual([]);
  });

  it('links each entry to a line of the 4.4 tree', () => {
    const unlinked = kb.facts
      .filter((f) => f.reference)
      .filter((f) => !f.citations.some((c) => c.line !== undefined && /\/RELEASE-4\.4\.0\//.test(kb.sources.get(c.source)?.url ?? '')))
      .map((f) => f.id);
    expect(unlinked).toEqual([]);
  });
});
