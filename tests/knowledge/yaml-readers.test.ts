// The loader reads YAML with js-yaml for speed and hands whatever js-yaml refuses to `yaml`, which reports lines
// and resolves aliases within a budget. Both must read every file of the base to the same data.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { loadKnowledge, readFast } from '../../src/knowledge/load.ts';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/knowledge/paths.ts';
import { brokenCopy, FIXTURE_DIR, removeCopies } from '../helpers/knowledge.ts';

afterAll(removeCopies);

const files = ['', 'facts', 'sources'].flatMap((folder) =>
  readdirSync(join(DEFAULT_KNOWLEDGE_DIR, folder))
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => join(DEFAULT_KNOWLEDGE_DIR, folder, name)),
);

describe('the two YAML readers', () => {
  it.each(files)('GIVEN %s THEN js-yaml reads it to the same data as yaml', (path) => {
    const source = readFileSync(path, 'utf8');
    const fast = readFast(source);
    expect(fast).toBeDefined();
    expect(fast).toEqual(parseDocument(source, { uniqueKeys: true }).toJS());
  });

  it.each([
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['an alias', 'a: &x [1, 2]\nb: *x\n'],
    ['a syntax error', 'a: [1, 2\n'],
    ['an empty file', ''],
    // Read differently by the two: js-yaml would ignore the directive ("yes" a string) and honour !!float.
    ['a YAML 1.1 directive', '%YAML 1.1\n---\na: yes\n'],
    ['an explicit tag', 'a: !!float 1\n'],
    ['a local tag', 'a: !thing 1\n'],
  ])('GIVEN %s THEN js-yaml declines it, for yaml to read or report', (_name, source) => {
    expect(readFast(source)).toBeUndefined();
  });

  it('GIVEN a fact file that uses an anchor and an alias THEN it still loads, through yaml', () => {
    // The fixture's first fact's tags become an anchor, and the second fact's tags an alias to it.
    const dir = brokenCopy('facts/features.yaml', (t) => t.replace('tags: [guest-mode]', 'tags: &shared [guest-mode]').replace('tags: [scalability]', 'tags: *shared'));
    const kb = loadKnowledge(dir);
    expect(kb.facts).toHaveLength(loadKnowledge(FIXTURE_DIR).facts.length);
    expect(kb.facts.filter((f) => f.tags.includes('guest-mode'))).toHaveLength(2);
    expect(kb.facts.some((f) => f.tags.includes('scalability'))).toBe(false);
  });
});
