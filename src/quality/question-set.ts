// The evaluation question set: questions with the fact that should answer them, or "unknown".
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';

export const QUESTION_CATEGORIES = ['name', 'plain', 'paraphrase', 'typo', 'french', 'misconception', 'out-of-scope'] as const;
export type QuestionCategory = (typeof QUESTION_CATEGORIES)[number];

const EvalQuestion = z
  .strictObject({
    q: z.string().trim().min(1),
    /** A fact id, several acceptable ids, or "unknown" for questions the bot must decline. */
    expect: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
    category: z.enum(QUESTION_CATEGORIES),
  })
  .transform(({ q, expect, category }) => ({ question: q, expected: Array.isArray(expect) ? expect : [expect], category, file: '' }));
export type EvalQuestion = z.infer<typeof EvalQuestion>;

const QuestionFile = z.strictObject({ questions: z.array(EvalQuestion) });

export const DEFAULT_QUESTIONS_DIR = fileURLToPath(new URL('../../tests/eval/questions', import.meta.url));

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
