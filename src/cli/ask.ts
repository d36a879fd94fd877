// `npm run ask -- "question"`: answers from the terminal, no Discord needed. --json, --jsonl and --lang for scripts.
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import type { AnswerEngine } from '../answer/engine.ts';
import { openAnswerEngine } from '../answer/open-engine.ts';
import type { AnswerOptions } from '../answer/types.ts';
import { KnowledgeError } from '../knowledge/issues.ts';
import type { Language } from '../knowledge/schema.ts';
import { exitQuietlyOnClosedPipe } from './closed-pipe.ts';
import { formatAnswer } from './format-answer.ts';
import { warnIfBuildIsStale } from './stale-build.ts';

/** The choices of --lang; a type-only import keeps the schema library off the start-up path. */
const LANG_CHOICES: readonly string[] = ['en', 'fr'] satisfies Language[];

const USAGE = `usage: npm run ask -- [--lang en|fr] [--json] "your question"
       npm run --silent ask -- --jsonl [--lang en|fr] < questions.txt   (one question per line)`;

function usageError(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

function parse() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        jsonl: { type: 'boolean', default: false },
        lang: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    return usageError((error as Error).message);
  }
}

/** The engine, or undefined with exit code 1 when the base is broken (the problems are printed). */
async function engineOrFail(): Promise<AnswerEngine | undefined> {
  try {
    // XENBOT_KNOWLEDGE_DIR lets curators try a working copy of the base (and the tests use a fixture).
    return (await openAnswerEngine({ knowledgeDir: process.env.XENBOT_KNOWLEDGE_DIR || undefined })).engine;
  } catch (error) {
    if (!(error instanceof KnowledgeError)) throw error;
    console.error(error.message);
    // Not process.exit(): ending the process while Node 20's module-loader thread is still busy (under tsx) can
    // crash it with SIGSEGV instead of exiting 1 (seen once in .ci/run).
    process.exitCode = 1;
    return undefined;
  }
}

/** The answer as one JSON line: the answer() result with the question added. */
function jsonLine(engine: AnswerEngine, question: string, options: AnswerOptions): string {
  if (!question.trim()) return JSON.stringify({ question, error: 'empty question' });
  return JSON.stringify({ question, ...engine.answer(question, options) });
}

async function answerLines(engine: AnswerEngine, options: AnswerOptions): Promise<void> {
  const { createInterface } = await import('node:readline'); // only this mode reads lines: a single question skips loading it
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    // Respect back-pressure: a slow reader must not make answers pile up in memory.
    if (!process.stdout.write(`${jsonLine(engine, line, options)}\n`)) await once(process.stdout, 'drain');
  }
}

async function main(): Promise<void> {
  // The search's regular expressions run a handful of times in this process: compiled straight to machine code, the
  // first question's take a third of the time of V8's default (bytecode first, machine code on later runs).
  setFlagsFromString('--no-regexp-tier-up');
  exitQuietlyOnClosedPipe();
  warnIfBuildIsStale(import.meta.url);
  const { values, positionals } = parse();
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const lang = values.lang?.toLowerCase();
  if (lang !== undefined && !LANG_CHOICES.includes(lang)) usageError(`--lang must be "en" or "fr", not "${values.lang}"`);
  const options: AnswerOptions = { language: lang as Language | undefined };

  if (values.jsonl) {
    if (positionals.length) usageError('--jsonl reads questions from stdin; do not pass one as an argument');
    const engine = await engineOrFail();
    if (engine) await answerLines(engine, options);
    return;
  }
  const question = positionals.join(' ');
  if (!question.trim()) usageError('error: the question is empty');
  const engine = await engineOrFail();
  if (!engine) return;
  if (values.json) console.log(jsonLine(engine, question, options));
  else console.log(formatAnswer(engine.answer(question, options)));
}

await main();
