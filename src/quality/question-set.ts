// The evaluation question set: questions with the fact that should answer them, or "unknown".
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';

export const QUESTION_CATEGORIES = [
  'name',
  'plain',
  'paraphrase',
  'typo',
  'french',
  'misconception',
  'out-of-scope',
  'how-to', // an operator's task
  'error', // a pasted error message or log line
  'reference', // an xl command, config key or boot option
] as const;
export type QuestionCategory = (typeof QUESTION_CATEGORIES)[number];
export const QUESTION_LANGUAGES = ['en', 'fr', 'mixed'] as const;
export type QuestionLanguage = (typeof QUESTION_LANGUAGES)[number];

const EvalQuestion = z
  .strictObject({
    q: z.string().trim().min(1),
    /**
     * A fact id, several acceptable ids, "unknown" for questions the bot must decline, or a reference entry by name,
     * `ref:<kind>/<name>` (`ref:boot-option/dom0_mem`), whichever fact carries it: sets written before the facts
     * need not guess their ids.
     */
    expect: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
    category: z.enum(QUESTION_CATEGORIES),
    /** The asker's language; "french" questions are French unless said otherwise, others English. */
    lang: z.enum(QUESTION_LANGUAGES).optional(),
  })
  .transform(({ q, expect, category, lang }) => ({
    question: q,
    expected: Array.isArray(expect) ? expect : [expect],
    category,
    language: lang ?? (category === 'french' ? 'fr' : 'en'),
    file: '',
  }));
export type EvalQuestion = z.infer<typeof EvalQuestion>;

const QuestionFile = z.strictObject({ questions: z.array(EvalQuestion) });

export const DEFAULT_QUESTIONS_DIR = fileURLToPath(new URL('../../tests/eval/questions', import.meta.url));

/** `ref:xl-cfg/gfx_passthru` → { kind: 'xl-cfg', name: 'gfx_passthru' }. */
export function parseReferenceExpectation(expected: string): { kind: string; name: string } | undefined {
  const m = /^ref:([a-z-]+)\/(.+)$/.exec(expected);
  return m ? { kind: m[1]!, name: m[2]! } : undefined;
}

export function isOutOfScope(q: EvalQuestion): boolean {
  return q.expected.length === 1 && q.expected[0] === 'unknown';
}

/** Read every questions/*.yaml file; throws with the file name when one is malformed. */
export function loadQuestionSet(dir: string = DEFAULT_QUESTIONS_DIR): EvalQuestion[] {
  const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();
  return files.flatMap((file) => {
    const parsed = QuestionFile.safeParse(parse(readFileSync(join(dir, file), 'utf8')));
    if (!parsed.success) throw new Error(`${file}: ${z.prettifyError(parsed.error)}`);
    return parsed.data.questions.map((q) => ({ ...q, file }));
  });
}
