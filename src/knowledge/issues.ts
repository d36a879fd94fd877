// Problems found while loading the knowledge base, each pinned to a file, a fact and a field.
import type { z } from 'zod';

export interface KnowledgeIssue {
  file: string;
  /** The id of the fact, source or topic the problem belongs to, when known. */
  entry?: string;
  entryKind?: 'fact' | 'source' | 'topic';
  /** Dotted path of the offending field inside the entry, e.g. "title.fr" or "citations.0.source". */
  field?: string;
  message: string;
}

export function formatIssue(issue: KnowledgeIssue): string {
  const where = [issue.file, issue.entry && `${issue.entryKind ?? 'fact'} ${issue.entry}`, issue.field].filter(Boolean).join(' › ');
  return `${where}: ${issue.message}`;
}

/** Thrown when the base cannot be used; carries every problem, not only the first. */
export class KnowledgeError extends Error {
  constructor(readonly issues: readonly KnowledgeIssue[]) {
    super(
      `The knowledge base has ${issues.length} problem${issues.length === 1 ? '' : 's'}:\n` +
        issues.map((i) => `  - ${formatIssue(i)}`).join('\n'),
    );
    this.name = 'KnowledgeError';
  }
}

/**
 * Turn zod issues into knowledge issues. `listKey` is the array the entries live in ("facts", "sources"),
 * so an issue at facts.3.title.fr is reported against the fourth entry's id and the field "title.fr".
 */
export function fromZodIssues(
  file: string,
  raw: unknown,
  listKey: 'facts' | 'sources' | 'topics',
  issues: readonly z.core.$ZodIssue[],
): KnowledgeIssue[] {
  const entryKind = ({ facts: 'fact', sources: 'source', topics: 'topic' } as const)[listKey];
  const entries = isRecord(raw) && Array.isArray(raw[listKey]) ? (raw[listKey] as unknown[]) : [];
  return issues.map((issue) => {
    const [head, index, ...rest] = issue.path;
    if (head === listKey && typeof index === 'number') {
      const entry = entries[index];
      const id = isRecord(entry) && typeof entry.id === 'string' ? entry.id : `#${index + 1}`;
      return { file, entry: id, entryKind, field: rest.length ? rest.join('.') : undefined, message: issue.message };
    }
    return { file, field: issue.path.length ? issue.path.join('.') : undefined, message: issue.message };
  });
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
