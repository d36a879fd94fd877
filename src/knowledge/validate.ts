// Turns parsed knowledge files into a checked KnowledgeBase, or into the full list of what is wrong.
import { nameKey, referenceKey, referenceNameKeys } from '../text/fold.ts';
import { fromZodIssues, isRecord, type KnowledgeIssue } from './issues.ts';
import { FactsFile, SourcesFile, TopicsFile, type Fact, type Source, type Topic } from './schema.ts';
import { scopesNamedIn } from './scopes.ts';

export interface KnowledgeBase {
  readonly facts: readonly Fact[];
  readonly factsById: ReadonlyMap<string, Fact>;
  readonly sources: ReadonlyMap<string, Source>;
  readonly topics: readonly Topic[];
  /** Fact ids to offer first, in order. */
  readonly featured: readonly string[];
}

/** A knowledge file after YAML parsing; `data` is whatever the YAML held. */
export interface ParsedFile {
  path: string;
  kind: 'topics' | 'sources' | 'facts';
  data: unknown;
  /** The file or its folder could not be read or parsed (already reported): what it declares is unknown. */
  unreadable?: boolean;
}

export type ValidationResult =
  | { ok: true; kb: KnowledgeBase; warnings: KnowledgeIssue[] }
  | { ok: false; issues: KnowledgeIssue[]; warnings: KnowledgeIssue[] };

/** Validate every file, then the links between them. Never returns a partial base. */
export function validateKnowledge(files: readonly ParsedFile[], parseIssues: readonly KnowledgeIssue[] = []): ValidationResult {
  const issues: KnowledgeIssue[] = [...parseIssues];
  const warnings: KnowledgeIssue[] = [];
  const topics: Array<Topic & { file: string }> = [];
  const featured: Array<{ id: string; file: string }> = [];
  const sources: Array<Source & { file: string }> = [];
  const facts: Fact[] = [];
  // A file that did not load hides the ids it declares. References to them are not reported as well: the
  // second error would only echo the first and vanish with its fix. When a file cannot even be parsed, every
  // reference to its kind is held back until it can.
  const unreadable = new Set<ParsedFile['kind']>();
  const failed = new Set<ParsedFile['kind']>();
  const declaredInFailed = { topics: new Set<string>(), sources: new Set<string>(), facts: new Set<string>() };
  const mayExist = (kind: ParsedFile['kind'], id: string) => unreadable.has(kind) || declaredInFailed[kind].has(id);
  const failedSchema = (file: ParsedFile) => {
    failed.add(file.kind);
    const entries = isRecord(file.data) && Array.isArray(file.data[file.kind]) ? (file.data[file.kind] as unknown[]) : [];
    for (const entry of entries) if (isRecord(entry) && typeof entry.id === 'string') declaredInFailed[file.kind].add(entry.id);
  };

  for (const file of files) {
    if (file.unreadable) {
      unreadable.add(file.kind);
      failed.add(file.kind);
    } else if (file.kind === 'topics') {
      const parsed = TopicsFile.safeParse(file.data);
      if (parsed.success) {
        topics.push(...parsed.data.topics.map((t) => ({ ...t, file: file.path })));
        featured.push(...parsed.data.featured.map((id) => ({ id, file: file.path })));
      }
      else {
        issues.push(...fromZodIssues(file.path, file.data, 'topics', parsed.error.issues));
        failedSchema(file);
      }
    } else if (file.kind === 'sources') {
      const parsed = SourcesFile.safeParse(file.data);
      if (parsed.success) sources.push(...parsed.data.sources.map((s) => ({ ...s, file: file.path })));
      else {
        issues.push(...fromZodIssues(file.path, file.data, 'sources', parsed.error.issues));
        failedSchema(file);
      }
    } else {
      const parsed = FactsFile.safeParse(file.data);
      if (parsed.success) facts.push(...parsed.data.facts.map((f) => ({ ...f, topic: parsed.data.topic, file: file.path })));
      else {
        issues.push(...fromZodIssues(file.path, file.data, 'facts', parsed.error.issues));
        failedSchema(file);
      }
    }
  }

  const topicById = uniqueById(topics, 'topic', issues);
  const sourceById = uniqueById(sources, 'source', issues);
  const factById = uniqueById(facts, 'fact', issues);
  checkReplacedIds(facts, factById, issues);
  checkSourceUrls(sources, issues);
  checkNames(facts, issues);
  checkReferenceNames(facts, issues);
  checkErrorMessages(facts, issues);
  for (const fact of facts) checkScopeInTitle(fact, issues);

  const cited = new Set<string>();
  for (const fact of facts) {
    const at = { file: fact.file, entry: fact.id };
    if (topics.length > 0 && !topicById.has(fact.topic) && !mayExist('topics', fact.topic)) {
      issues.push({ ...at, field: 'topic', message: `topic "${fact.topic}" is not declared in topics.yaml` });
    }
    fact.citations.forEach((citation, i) => {
      cited.add(citation.source);
      if (!sourceById.has(citation.source) && !mayExist('sources', citation.source)) {
        issues.push({ ...at, field: `citations.${i}.source`, message: `unknown source "${citation.source}"` });
      }
    });
    fact.related.forEach((id, i) => {
      if (!factById.has(id) && !mayExist('facts', id)) issues.push({ ...at, field: `related.${i}`, message: `unknown related fact "${id}"` });
    });
    if (fact.status === 'press-claim' && !failed.has('sources')) checkPressClaim(fact, sourceById, issues);
  }
  featured.forEach(({ id, file }, i) => {
    if (!factById.has(id) && !mayExist('facts', id)) issues.push({ file, field: `featured.${i}`, message: `unknown featured fact "${id}"` });
  });
  if (topics.length === 0 && !failed.has('topics')) issues.push({ file: 'topics.yaml', message: 'no topics are declared' });
  if (facts.length === 0 && issues.length === 0) issues.push({ file: 'facts/', message: 'no facts were found' });

  for (const source of sources) {
    if (!cited.has(source.id)) warnings.push({ file: source.file, entry: source.id, entryKind: 'source', message: 'source is never cited' });
  }

  if (issues.length > 0) return { ok: false, issues, warnings };
  return {
    ok: true,
    warnings,
    kb: {
      facts,
      factsById: factsByIdOf(facts),
      sources: new Map([...sourceById].map(([id, { file: _file, ...source }]) => [id, source])),
      topics: topics.map(({ file: _file, ...topic }) => topic),
      featured: featured.map((f) => f.id),
    },
  };
}

function uniqueById<T extends { id: string; file: string }>(
  items: readonly T[],
  what: 'fact' | 'source' | 'topic',
  issues: KnowledgeIssue[],
): Map<string, T> {
  const byId = new Map<string, T>();
  for (const item of items) {
    const first = byId.get(item.id);
    if (first) {
      issues.push({ file: item.file, entry: item.id, entryKind: what, field: 'id', message: `duplicate ${what} id, first defined in ${first.file}` });
    } else {
      byId.set(item.id, item);
    }
  }
  return byId;
}

function checkSourceUrls(sources: ReadonlyArray<Source & { file: string }>, issues: KnowledgeIssue[]): void {
  const byUrl = new Map<string, string>();
  for (const source of sources) {
    const key = source.url.replace(/\/+$/, '').toLowerCase();
    const first = byUrl.get(key);
    if (first) issues.push({ file: source.file, entry: source.id, entryKind: 'source', field: 'url', message: `same URL as source "${first}"` });
    else byUrl.set(key, source.id);
  }
}

/** An id, title or alias must lead to exactly one fact, or "exact match wins" would be ambiguous. */
function checkNames(facts: readonly Fact[], issues: KnowledgeIssue[]): void {
  const owner = new Map<string, Fact>();
  for (const fact of facts) {
    const names: Array<[string, string]> = [
      ['id', fact.id],
      ['title.en', fact.title.en],
      ['title.fr', fact.title.fr],
      ...fact.aliases.en.map((a, i): [string, string] => [`aliases.en.${i}`, a]),
      ...fact.aliases.fr.map((a, i): [string, string] => [`aliases.fr.${i}`, a]),
    ];
    for (const [field, name] of names) {
      const key = nameKey(name);
      if (!key) {
        issues.push({ file: fact.file, entry: fact.id, field, message: `"${name}" has no letters or digits` });
        continue;
      }
      const other = owner.get(key);
      if (other && other.id !== fact.id) {
        issues.push({ file: fact.file, entry: fact.id, field, message: `"${name}" is also a name of fact "${other.id}" (${other.file})` });
      } else {
        owner.set(key, fact);
      }
    }
  }
}

/**
 * A reference name belongs to one entry of its kind: "hap" may be both an xl.cfg key and a boot option, once each.
 * And no other fact may have it, as written, as a title or alias: typing "viridian" must open the viridian entry, not
 * a fact that merely mentions it (an exact name wins before any reference name is looked at). Only the token itself
 * counts: "driver domain" (the concept) is not `driver_domain` (the key).
 */
function checkReferenceNames(facts: readonly Fact[], issues: KnowledgeIssue[]): void {
  const named = new Map<string, Fact>();
  for (const fact of facts) for (const name of [fact.title.en, fact.title.fr, ...fact.aliases.en, ...fact.aliases.fr]) named.set(referenceKey(name), fact);
  const owner = new Map<string, Fact>();
  for (const fact of facts) {
    fact.reference?.names.forEach((name) => {
      const other = referenceNameKeys(fact.reference!.kind, name).map((k) => named.get(k)).find((f) => f && f.id !== fact.id);
      if (other) {
        issues.push({ file: other.file, entry: other.id, field: 'aliases', message: `"${name}" is the name of the reference entry "${fact.id}": remove it here, or make this fact that entry` });
      }
    });
  }
  for (const fact of facts) {
    fact.reference?.names.forEach((name, i) => {
      const key = `${fact.reference!.kind} ${name}`;
      const other = owner.get(key);
      if (other) issues.push({ file: fact.file, entry: fact.id, field: `reference.names.${i}`, message: `${key} is also the reference of fact "${other.id}" (${other.file})` });
      else owner.set(key, fact);
    });
  }
}

/** A fact limited to a special case says so in its titles, so that a reader and the ranking both see it. */
function checkScopeInTitle(fact: Fact, issues: KnowledgeIssue[]): void {
  for (const language of ['en', 'fr'] as const) {
    const named = scopesNamedIn(fact.title[language]);
    const missing = fact.scope.filter((scope) => !named.has(scope));
    if (missing.length) {
      issues.push({ file: fact.file, entry: fact.id, field: `title.${language}`, message: `the fact is scoped to ${missing.join(', ')}: its title must say so` });
    }
  }
}

/** An error message is explained by one fact: a pasted log must lead to one fix, not to whichever sorts first. */
function checkErrorMessages(facts: readonly Fact[], issues: KnowledgeIssue[]): void {
  const owner = new Map<string, Fact>();
  for (const fact of facts) {
    fact.errors.forEach((message, i) => {
      const key = nameKey(message);
      const other = owner.get(key);
      if (other && other.id !== fact.id) issues.push({ file: fact.file, entry: fact.id, field: `errors.${i}`, message: `this message is already explained by fact "${other.id}" (${other.file}): keep it there and link that fact` });
      else owner.set(key, fact);
    });
  }
  // Nor may another fact have the message as a name: a bare paste would open that fact before the fix.
  for (const fact of facts) {
    for (const language of ['en', 'fr'] as const) {
      fact.aliases[language].forEach((alias, i) => {
        const other = owner.get(nameKey(alias));
        if (other && other.id !== fact.id) issues.push({ file: fact.file, entry: fact.id, field: `aliases.${language}.${i}`, message: `"${alias}" is an error message explained by fact "${other.id}": remove the alias here and link that fact` });
      });
    }
  }
}

/** A fact by its id, or by an id it replaced (old buttons, older question sets). */
export function factsByIdOf(facts: readonly Fact[]): Map<string, Fact> {
  const byId = new Map<string, Fact>(facts.map((f) => [f.id, f]));
  for (const fact of facts) for (const old of fact.replaces) if (!byId.has(old)) byId.set(old, fact);
  return byId;
}

/** A replaced id belongs to no live fact and to one replacing fact only. */
function checkReplacedIds(facts: readonly Fact[], live: ReadonlyMap<string, Fact>, issues: KnowledgeIssue[]): void {
  const replacer = new Map<string, Fact>();
  for (const fact of facts) {
    fact.replaces.forEach((old, i) => {
      const at = { file: fact.file, entry: fact.id, field: `replaces.${i}` };
      if (live.has(old)) issues.push({ ...at, message: `"${old}" is the id of a fact in the base: only a retired id can be replaced` });
      const other = replacer.get(old);
      if (other && other.id !== fact.id) issues.push({ ...at, message: `"${old}" is already replaced by "${other.id}"` });
      replacer.set(old, fact);
    });
  }
}

/** A press claim cites the press for the claim and a primary source for the verdict. */
function checkPressClaim(fact: Fact, sources: ReadonlyMap<string, Source>, issues: KnowledgeIssue[]): void {
  const kinds = new Set(fact.citations.map((c) => sources.get(c.source)?.kind));
  if (!kinds.has('secondary')) {
    issues.push({ file: fact.file, entry: fact.id, field: 'citations', message: 'a press claim must cite the press source that made it' });
  }
  if (!kinds.has('primary') && fact.verdict !== 'opinion') {
    issues.push({ file: fact.file, entry: fact.id, field: 'citations', message: 'a press claim must cite a primary source for its verdict' });
  }
}
