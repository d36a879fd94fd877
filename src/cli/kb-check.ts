// `npm run kb:check`: validate knowledge/ and print its coverage; exit 1 when anything is wrong.
import { checkKnowledgeDir, DEFAULT_KNOWLEDGE_DIR } from '../knowledge/load.ts';
import { formatIssue } from '../knowledge/issues.ts';
import { formatSummary, summarize } from '../knowledge/summary.ts';
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
console.log(`\n✓ knowledge base is valid: ${result.kb.facts.length} facts, ${result.kb.sources.size} sources, ${result.kb.topics.length} topics`);
