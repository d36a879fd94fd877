// `npm run kb:check`: validate knowledge/ and print its coverage; exit 1 when anything is wrong.
import { checkKnowledgeDir, DEFAULT_KNOWLEDGE_DIR } from '../knowledge/load.ts';
import { formatIssue } from '../knowledge/issues.ts';
import { formatSummary, summarize } from '../knowledge/summary.ts';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { referenceCoverage } from '../knowledge/reference-coverage.ts';
import { exitQuietlyOnClosedPipe } from './closed-pipe.ts';

exitQuietlyOnClosedPipe();
const dir = process.argv[2] ?? DEFAULT_KNOWLEDGE_DIR;
const result = checkKnowledgeDir(dir);

for (const warning of result.warnings) console.warn(`warning: ${formatIssue(warning)}`);
if (!result.ok) {
  console.error(`✗ ${result.issues.length} problem(s) in ${dir}:`);
  for (const issue of result.issues) console.error(`  - ${formatIssue(issue)}`);
  process.exit(1);
}
console.log(formatSummary(summarize(result.kb)));
// Completeness of the 4.4 reference, when the list of names extracted from the 4.4 documents is at hand.
const NAMES = fileURLToPath(new URL('../../tests/reference/xen-4.4-names.json', import.meta.url));
if (existsSync(NAMES)) {
  const coverage = referenceCoverage(result.kb, JSON.parse(readFileSync(NAMES, 'utf8')).names);
  console.log('\nreference (names found / in the 4.4 documents)');
  for (const c of coverage) {
    const notes = [c.missing.length ? `missing: ${c.missing.join(', ')}` : '', c.invented.length ? `not in the documents: ${c.invented.join(', ')}` : ''].filter(Boolean);
    console.log(`  ${c.kind.padEnd(15)} ${String(c.found).padStart(4)} / ${String(c.documented).padEnd(4)} ${notes.join('; ')}`);
  }
}
console.log(`\n✓ knowledge base is valid: ${result.kb.facts.length} facts, ${result.kb.sources.size} sources, ${result.kb.topics.length} topics`);
