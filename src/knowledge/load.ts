// Reads the knowledge directory from disk: topics.yaml, sources/*.yaml and facts/*.yaml.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';
import { parseDocument } from 'yaml';
import { KnowledgeError, type KnowledgeIssue } from './issues.ts';
import { DEFAULT_KNOWLEDGE_DIR } from './paths.ts';
import { validateKnowledge, type KnowledgeBase, type ParsedFile, type ValidationResult } from './validate.ts';

export { DEFAULT_KNOWLEDGE_DIR };

/** Larger than any hand-written file should be; protects against a stray binary or a runaway generator. */
const MAX_FILE_BYTES = 2_000_000;

export function checkKnowledgeDir(dir: string = DEFAULT_KNOWLEDGE_DIR): ValidationResult {
  const missing = folderProblem(dir);
  if (missing) return { ok: false, issues: [{ file: dir, message: missing }], warnings: [] }; // one line, not one per file

  const files: ParsedFile[] = [];
  const issues: KnowledgeIssue[] = [];
  const read = (path: string, kind: ParsedFile['kind']) => {
    const shown = shownPath(path);
    const parsed = parseYamlFile(path, shown);
    if ('issue' in parsed) {
      issues.push(parsed.issue);
      files.push({ path: shown, kind, data: undefined, unreadable: true });
    } else files.push({ path: shown, kind, data: parsed.data });
  };
  const readFolder = (folder: string, kind: ParsedFile['kind']) => {
    const paths = yamlFilesIn(folder, issues);
    if (paths) for (const path of paths) read(path, kind);
    else files.push({ path: shownPath(folder), kind, data: undefined, unreadable: true });
  };

  read(join(dir, 'topics.yaml'), 'topics');
  readFolder(join(dir, 'sources'), 'sources');
  readFolder(join(dir, 'facts'), 'facts');
  return validateKnowledge(files, issues);
}

const shownPath = (path: string) => relative(process.cwd(), path) || path;

function folderProblem(dir: string): string | undefined {
  try {
    return statSync(dir).isDirectory() ? undefined : 'the knowledge base must be a folder (topics.yaml, sources/, facts/), not a file';
  } catch (error) {
    return `cannot read the knowledge folder: ${(error as Error).message}`;
  }
}

/** Load and validate, or throw a KnowledgeError listing every problem. */
export function loadKnowledge(dir: string = DEFAULT_KNOWLEDGE_DIR): KnowledgeBase {
  const result = checkKnowledgeDir(dir);
  if (!result.ok) throw new KnowledgeError(result.issues);
  return result.kb;
}

function yamlFilesIn(dir: string, issues: KnowledgeIssue[]): string[] | undefined {
  try {
    return readdirSync(dir)
      .filter((name) => /\.ya?ml$/i.test(name))
      .sort()
      .map((name) => join(dir, name));
  } catch (error) {
    issues.push({ file: shownPath(dir), message: `cannot read folder: ${(error as Error).message}` });
    return undefined;
  }
}

function parseYamlFile(path: string, shown: string): { data: unknown } | { issue: KnowledgeIssue } {
  let source: string;
  try {
    if (statSync(path).size > MAX_FILE_BYTES) return { issue: { file: shown, message: `file is larger than ${MAX_FILE_BYTES} bytes` } };
    source = readFileSync(path, 'utf8');
  } catch (error) {
    return { issue: { file: shown, message: `cannot read file: ${(error as Error).message}` } };
  }
  // js-yaml reads a large base several times faster than `yaml` (npm run bench: first run). Whatever it refuses, a
  // syntax error, a duplicate key, any *alias, goes to `yaml`, whose messages give the line and which expands aliases
  // within a budget; both give the same data for every file of the base (tests/knowledge/yaml-readers.test.ts).
  const fast = readFast(source);
  if (fast !== undefined) return { data: fast };
  // Duplicate keys are an error: a second "text:" silently replacing the first would lose a curator's work.
  const doc = parseDocument(source, { uniqueKeys: true, prettyErrors: true });
  const first = doc.errors[0];
  if (first) {
    const line = first.linePos?.[0];
    return { issue: { file: line ? `${shown}:${line.line}` : shown, message: `invalid YAML: ${first.message.split('\n')[0]!.replace(/:$/, '')}` } };
  }
  try {
    return { data: doc.toJS({ maxAliasCount: 100 }) };
  } catch (error) {
    // An unresolved *alias or an alias bomb only shows when the document is converted.
    return { issue: { file: shown, message: `invalid YAML: ${(error as Error).message.split('\n')[0]}` } };
  }
}

/**
 * The file's data by js-yaml (YAML 1.2 core schema, duplicate keys refused, no aliases), or undefined if it refuses.
 * A file with directives or explicit tags goes to `yaml` as well: js-yaml reads "%YAML 1.1" or "!!float 1" otherwise.
 */
export function readFast(source: string): unknown {
  if (/^%|!!|(?:^|[\s[{,])![\w<-]/m.test(source)) return undefined;
  try {
    return loadYaml(source, { schema: CORE_SCHEMA, maxAliases: 0 }) ?? undefined;
  } catch {
    return undefined;
  }
}
