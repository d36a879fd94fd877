// `npm run record-answers`: records the engine's answers to every evaluation question (answers.json). Run it after a
// change meant to alter answers (facts, ranking, the decision), never to make answers-unchanged.test.ts pass after
// a change that was meant to leave them alone.
import { writeFileSync } from 'node:fs';
import { createAnswerEngine } from '../../../src/answer/engine.ts';
import { loadKnowledge } from '../../../src/knowledge/load.ts';
import { recordAnswers, REFERENCE_FILE } from './answers.ts';

const records = recordAnswers(createAnswerEngine(loadKnowledge()));
// One question per line: a diff shows which answers a change moved.
const lines = Object.entries(records).map(([set, rows]) => `${JSON.stringify(set)}: [\n${rows.map((r) => `  ${JSON.stringify(r)}`).join(',\n')}\n]`);
writeFileSync(REFERENCE_FILE, `{\n${lines.join(',\n')}\n}\n`);
const count = Object.values(records).reduce((n, rows) => n + rows.length, 0);
console.log(`${count} answers recorded in ${REFERENCE_FILE.pathname}`);
