import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { KnowledgeError } from '../../src/knowledge/issues.ts';
import { checkKnowledgeDir, loadKnowledge } from '../../src/knowledge/load.ts';
import { brokenCopy, FIXTURE_DIR, removeCopies } from '../helpers/knowledge.ts';

afterAll(removeCopies);

function issuesOf(dir: string) {
  const result = checkKnowledgeDir(dir);
  expect(result.ok, 'a broken base must not load').toBe(false);
  return result.ok ? [] : result.issues;
}

describe('loading the knowledge base', () => {
  it('GIVEN the valid fixture THEN loads every fact with its topic and file', () => {
    const kb = loadKnowledge(FIXTURE_DIR);
    expect(kb.facts.map((f) => f.id).sort()).toEqual(
      ['claim-thousands-of-vms', 'concept-hvm', 'fifo-event-channels', 'nested-virtualization', 'pvh-guests', 'xl-devd'],
    );
    expect(kb.factsById.get('concept-hvm')?.topic).toBe('concepts');
    expect(kb.sources.get('fixture-notes')?.kind).toBe('primary');
  });

  it('GIVEN a bare year as date THEN accepts it as a date', () => {
    const dir = brokenCopy('sources/fixture.yaml', (t) => t.replace('date: 2014-03\n', 'date: 2014\n'));
    expect(checkKnowledgeDir(dir).ok).toBe(true);
  });
});

describe('each rule rejects a broken file, naming file, fact and field', () => {
  const cases: Array<[string, string, (t: string) => string, RegExp]> = [
    ['invalid YAML', 'facts/concepts.yaml', (t) => t.replace('status: background', 'status: [background'), /concepts\.yaml:\d+: invalid YAML/],
    ['an alias to an anchor that does not exist', 'facts/concepts.yaml', (t) => t.replace('status: background', 'status: *nowhere'), /concepts\.yaml: invalid YAML/],
    ['a related fact listed twice', 'facts/concepts.yaml', (t) => t.replace('related: [pvh-guests]', 'related: [pvh-guests, pvh-guests]'), /fact concept-hvm › related\.1: "pvh-guests" is listed twice/],
    ['an alias listed twice', 'facts/concepts.yaml', (t) => t.replace('[devd daemon, driver domain daemon]', '[devd daemon, devd daemon]'), /fact xl-devd › aliases\.en\.1: "devd daemon" is listed twice/],
    ['a duplicate key', 'facts/concepts.yaml', (t) => t.replace('status: background', 'status: background\n    status: new'), /invalid YAML/],
    ['a missing French title', 'facts/concepts.yaml', (t) => t.replace('{ en: HVM guests, fr: Invités HVM }', '{ en: HVM guests }'), /concepts\.yaml › fact concept-hvm › title\.fr/],
    ['an empty English text', 'facts/concepts.yaml', (t) => t.replace(/en: An HVM guest[^\n]*/, "en: '   '"), /fact concept-hvm › text\.en: must not be empty/],
    ['a text over the limit', 'facts/concepts.yaml', (t) => t.replace('An HVM guest runs', `${'x'.repeat(1300)} runs`), /fact concept-hvm › text\.en: must be at most 1200/],
    ['an id that is not kebab-case', 'facts/concepts.yaml', (t) => t.replace('id: xl-devd', 'id: XL_devd'), /fact XL_devd › id: must be kebab-case/],
    ['an unknown status', 'facts/concepts.yaml', (t) => t.replace('status: background', 'status: great'), /fact concept-hvm › status/],
    ['an unknown field', 'facts/concepts.yaml', (t) => t.replace('status: background', 'status: background\n    colour: blue'), /fact concept-hvm: .*colour/],
    ['a fact without citations', 'facts/concepts.yaml', (t) => t.replace('citations: [{ source: fixture-notes }]\n    related: [pvh-guests]', 'citations: []\n    related: [pvh-guests]'), /fact concept-hvm › citations: every fact needs at least one citation/],
    ['an unknown source', 'facts/concepts.yaml', (t) => t.replace('citations: [{ source: fixture-notes }]\n    related', 'citations: [{ source: nowhere }]\n    related'), /fact concept-hvm › citations\.0\.source: unknown source "nowhere"/],
    ['an unknown related fact', 'facts/concepts.yaml', (t) => t.replace('related: [pvh-guests]', 'related: [pvh-guest]'), /fact concept-hvm › related\.0: unknown related fact "pvh-guest"/],
    ['a fact related to itself', 'facts/concepts.yaml', (t) => t.replace('related: [pvh-guests]', 'related: [concept-hvm]'), /fact concept-hvm › related: a fact cannot be related to itself/],
    ['a duplicate fact id', 'facts/concepts.yaml', (t) => t.replace('id: xl-devd', 'id: pvh-guests'), /features\.yaml › fact pvh-guests › id: duplicate fact id, first defined in .*concepts\.yaml/],
    ['an alias shared by two facts', 'facts/concepts.yaml', (t) => t.replace('[devd daemon, driver domain daemon]', '[devd daemon, P.V.H mode]'), /fact pvh-guests › aliases\.en\.1: "PVH mode" is also a name of fact "xl-devd"/],
    ['an undeclared topic', 'facts/concepts.yaml', (t) => t.replace('topic: concepts', 'topic: concept'), /fact concept-hvm › topic: topic "concept" is not declared/],
    ['a press claim without verdict', 'facts/features.yaml', (t) => t.replace('    verdict: overstated\n', ''), /fact claim-thousands-of-vms › verdict: a press claim needs a verdict/],
    ['a press claim citing no press source', 'facts/features.yaml', (t) => t.replace('[{ source: fixture-press }, { source: fixture-notes }]', '[{ source: fixture-notes }]'), /fact claim-thousands-of-vms › citations: a press claim must cite the press source/],
    ['a press claim with no primary source for its verdict', 'facts/features.yaml', (t) => t.replace('[{ source: fixture-press }, { source: fixture-notes }]', '[{ source: fixture-press }]'), /must cite a primary source for its verdict/],
    ['a verdict on a fact that is not a press claim', 'facts/concepts.yaml', (t) => t.replace('status: background', 'status: background\n    verdict: confirmed'), /fact concept-hvm › verdict: only press claims carry a verdict/],
    ['a source URL that is not http(s)', 'sources/fixture.yaml', (t) => t.replace('https://example.org/notes', 'ftp://example.org/notes'), /source fixture-notes › url: must be an http\(s\) URL/],
    ['a malformed date', 'sources/fixture.yaml', (t) => t.replace('date: 2014-03-10', 'date: 10/03/2014'), /source fixture-notes › date: must be a date/],
    ['two sources with one URL', 'sources/fixture.yaml', (t) => t.replace('https://example.org/press', 'https://example.org/notes/'), /source fixture-press › url: same URL as source "fixture-notes"/],
  ];

  it.each(cases)('GIVEN %s THEN reports it', (_name, file, edit, expected) => {
    expect(new KnowledgeError(issuesOf(brokenCopy(file, edit))).message).toMatch(expected);
  });

  it('GIVEN problems in two files THEN reports all of them at once and loads nothing', () => {
    const dir = brokenCopy('facts/concepts.yaml', (t) => t.replace('related: [pvh-guests]', 'related: [nope]'));
    brokenCopyInPlace(dir);
    expect(() => loadKnowledge(dir)).toThrow(KnowledgeError);
    try {
      loadKnowledge(dir);
    } catch (error) {
      const issues = (error as KnowledgeError).issues;
      expect(issues.map((i) => i.field)).toEqual(expect.arrayContaining(['related.0', 'title.fr']));
    }
  });

  it('GIVEN a missing folder THEN says in one line that it cannot be read', () => {
    const issues = issuesOf('/nonexistent/knowledge');
    expect(issues).toEqual([{ file: '/nonexistent/knowledge', message: expect.stringMatching(/^cannot read the knowledge folder: ENOENT/) }]);
  });

  it('GIVEN a fact file that is not valid YAML THEN reports that alone, not the references to its facts', () => {
    const issues = issuesOf(brokenCopy('facts/features.yaml', (t) => t.replace('status: experimental', 'status: [experimental')));
    expect(issues).toEqual([expect.objectContaining({ file: expect.stringMatching(/features\.yaml:5$/), message: expect.stringMatching(/^invalid YAML: .*[^:]$/) })]);
  });

  it('GIVEN a fact that fails the schema THEN reports its field alone, not the references to it', () => {
    const issues = issuesOf(brokenCopy('facts/features.yaml', (t) => t.replace('status: experimental', 'status: bogus')));
    expect(issues).toEqual([expect.objectContaining({ entry: 'pvh-guests', field: 'status' })]);
  });

  it('GIVEN a sources file that fails the schema THEN citations of its sources are not reported as unknown', () => {
    const issues = issuesOf(brokenCopy('sources/fixture.yaml', (t) => t.replace(/kind: primary/, 'kind: bogus')));
    expect(issues.map((i) => i.field)).toEqual(['kind']);
  });
});

/** Adds a second, independent defect to a copy: the French title of pvh-guests goes missing. */
function brokenCopyInPlace(dir: string): void {
  const path = `${dir}/facts/features.yaml`;
  writeFileSync(path, readFileSync(path, 'utf8').replace('{ en: PVH guests, fr: Invités PVH }', '{ en: PVH guests }'));
}
