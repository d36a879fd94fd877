// The one definition of the knowledge files: every type the rest of the code uses comes from here.
import { z } from 'zod';

/** Limits that keep a fact readable in one chat message, with room left for its citations. */
export const FactLimits = {
  idLength: 64,
  titleLength: 100, // titles double as labels in pickers, which chat front ends cap at 100 characters
  aliasLength: 100,
  aliasesPerLanguage: 30,
  textLength: 1200,
  tagsPerFact: 12,
  locatorLength: 200,
  /** Error messages are matched against pasted logs: long enough for libxl's longest, short enough to stay one line. */
  errorLength: 300,
  errorsPerFact: 12,
  referenceNameLength: 60,
  syntaxLength: 300,
} as const;

export const LANGUAGES = ['en', 'fr'] as const;
export const Language = z.enum(LANGUAGES);
export type Language = z.infer<typeof Language>;

const kebabId = z
  .string()
  .max(FactLimits.idLength)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case: lower-case letters, digits and single hyphens');

const httpUrl = z
  .string()
  .url()
  .refine((u) => /^https?:\/\//i.test(u), 'must be an http(s) URL');

/** A piece of text that must be present and not just whitespace. */
const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`);

/** ISO date with optional precision: 2014, 2014-03 or 2014-03-10. */
const isoDate = z.preprocess(
  (v) => (typeof v === 'number' ? String(v) : v), // YAML reads a bare year as a number
  z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be a date written YYYY, YYYY-MM or YYYY-MM-DD'),
);

export const SourceKind = z.enum(['primary', 'secondary']);

export const Source = z.strictObject({
  id: kebabId,
  title: text(300),
  publisher: text(200),
  url: httpUrl,
  /** Publication or revision date; omitted for undated pages rather than guessed. */
  date: isoDate.optional(),
  language: z.string().regex(/^[a-z]{2}$/, 'must be a two-letter language code'),
  kind: SourceKind,
});
export type Source = z.infer<typeof Source>;

export const SourcesFile = z.strictObject({
  sources: z.array(Source).min(1),
});

/** A list whose entries must be distinct: a repeated related id or alias is a slip, and pickers refuse repeats. */
const distinct = <T extends z.ZodType<string>>(item: T) =>
  z.array(item).superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((value, i) => {
      if (seen.has(value)) ctx.addIssue({ code: 'custom', path: [i], message: `"${value}" is listed twice` });
      seen.add(value);
    });
  });

/** Both languages for short strings such as titles. */
const bilingual = (max: number) => z.strictObject({ en: text(max), fr: text(max) });

export const FactStatus = z.enum([
  'new', // new in 4.4
  'improved', // existed before, better in 4.4
  'experimental',
  'tech-preview',
  'deprecated',
  'removed',
  'not-in-4.4', // often credited to 4.4 but came earlier or later
  'release', // facts about the release itself: dates, versions, people, lifecycle
  'background', // concepts needed to understand 4.4
  'press-claim', // a claim from press coverage, with a verdict
]);
export type FactStatus = z.infer<typeof FactStatus>;

export const Verdict = z.enum(['confirmed', 'overstated', 'wrong', 'opinion']);
export type Verdict = z.infer<typeof Verdict>;

export const Citation = z.strictObject({
  source: kebabId,
  /** Where in the source: a section, a header file path, a commit. */
  locator: text(FactLimits.locatorLength).optional(),
  /** The line of the source file the fact rests on: the link then opens there (`…#L123`). */
  line: z.number().int().positive().optional(),
});
export type Citation = z.infer<typeof Citation>;

const aliasList = distinct(text(FactLimits.aliasLength)).max(FactLimits.aliasesPerLanguage);

/**
 * The kinds of question a fact answers. A question's own kind ("when…?", "how do I…?", a pasted error) is read
 * from its wording (src/search/intent.ts); a match helps the fact's rank, a mismatch lowers the confidence.
 */
export const INTENTS = [
  'definition', // what is X
  'how-to', // how do I do X
  'limit', // how many, how much, maximum
  'date', // when
  'person', // who
  'support', // does 4.4 support X, can I run X
  'error', // a message someone pasted
  'comparison', // X versus Y
  'reference', // an option, key or command looked up by name
  'status', // is X stable, experimental, deprecated
  'list', // which X are there, what is new
  'reason', // why
] as const;
export const Intent = z.enum(INTENTS);
export type Intent = z.infer<typeof Intent>;

/**
 * Special cases a fact is limited to. A fact scoped to ARM must not answer a general question about dom0 memory:
 * the decision lowers its confidence when the question does not name the case (src/search/scope.ts), and its
 * title must name it (checked at load).
 */
export const SCOPES = ['arm', 'arm32', 'arm64', 'amd', 'intel', '32-bit', 'pv', 'hvm', 'pvh', 'windows', 'freebsd', 'netbsd'] as const;
export const Scope = z.enum(SCOPES);
export type Scope = z.infer<typeof Scope>;

/** The reference documents of 4.4 an entry comes from; their complete name lists live in tests/reference/. */
export const REFERENCE_KINDS = ['xl-command', 'xl-cfg', 'xl-conf', 'cpupool-cfg', 'boot-option', 'disk-spec', 'vif-spec', 'hotplug-script'] as const;
export const ReferenceKind = z.enum(REFERENCE_KINDS);
export type ReferenceKind = z.infer<typeof ReferenceKind>;

/** A short value that reads the same in both languages ("1023"), or one per language ("none: mandatory"). */
const neutralOrBilingual = (max: number) => z.union([text(max), bilingual(max)]);

/** An entry of the 4.4 reference: an xl subcommand, a config key, a boot option, a spec field or a script. */
export const Reference = z.strictObject({
  kind: ReferenceKind,
  /** The names exactly as the 4.4 document spells them ("dom0_mem", "migrate", "vif.default.bridge"). */
  names: distinct(text(FactLimits.referenceNameLength)).min(1),
  /** The usage line: `xl migrate [options] <domain> <host>`, `dom0_mem=[min:<size>,][max:<size>,][<size>]`. */
  syntax: text(FactLimits.syntaxLength),
  default: neutralOrBilingual(200).optional(),
  /** One line as it would be typed or written in a file. */
  example: text(FactLimits.syntaxLength).optional(),
});
export type Reference = z.infer<typeof Reference>;

export const FactEntry = z
  .strictObject({
    id: kebabId,
    status: FactStatus,
    title: bilingual(FactLimits.titleLength),
    aliases: z.strictObject({ en: aliasList.min(1), fr: aliasList.default([]) }),
    text: z.strictObject({ en: text(FactLimits.textLength), fr: text(FactLimits.textLength).optional() }),
    tags: distinct(kebabId).max(FactLimits.tagsPerFact).default([]),
    intent: distinct(Intent).min(1, 'say what kind of question the fact answers').max(4),
    scope: distinct(Scope).default([]),
    reference: Reference.optional(),
    /** Messages as the software prints them (printf placeholders kept), so that a pasted log finds the fix. */
    errors: distinct(text(FactLimits.errorLength)).max(FactLimits.errorsPerFact).default([]),
    citations: z.array(Citation).min(1, 'every fact needs at least one citation'),
    related: distinct(kebabId).default([]),
    /**
     * Ids this fact took over when facts were merged: buttons of old answers and question sets that name them still
     * reach it. An id is never reused for another fact.
     */
    replaces: distinct(kebabId).default([]),
    /** Set when sources give different values; the text must then name the disagreement. */
    disputed: z.boolean().default(false),
    /** Only for press claims: how the claim holds up against primary sources. */
    verdict: Verdict.optional(),
  })
  .superRefine((fact, ctx) => {
    if (fact.status === 'press-claim' && !fact.verdict) {
      ctx.addIssue({ code: 'custom', path: ['verdict'], message: 'a press claim needs a verdict' });
    }
    if (fact.status !== 'press-claim' && fact.verdict) {
      ctx.addIssue({ code: 'custom', path: ['verdict'], message: 'only press claims carry a verdict' });
    }
    if (fact.related.includes(fact.id)) {
      ctx.addIssue({ code: 'custom', path: ['related'], message: 'a fact cannot be related to itself' });
    }
    if (fact.errors.length > 0 && !fact.intent.includes('error')) {
      ctx.addIssue({ code: 'custom', path: ['intent'], message: 'a fact with error messages answers "error" questions: add it to intent' });
    }
    if (fact.reference && !fact.citations.some((c) => c.line !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['citations'], message: 'a reference entry links to its line in the 4.4 document: give a citation a line' });
    }
  });
export type FactEntry = z.infer<typeof FactEntry>;

export const FactsFile = z.strictObject({
  topic: kebabId,
  facts: z.array(FactEntry).min(1),
});

export const Topic = z.strictObject({
  id: kebabId,
  title: bilingual(100),
  description: bilingual(300),
  /** Sections of the founding dossier (shared/xen44-dossier.md, A–V) this topic covers, for kb:check's coverage. */
  dossier: z.array(z.string().regex(/^[A-Z]$/, 'must be a dossier section letter')).default([]),
});
export type Topic = z.infer<typeof Topic>;

export const TopicsFile = z.strictObject({
  topics: z.array(Topic).min(1),
  /** Facts offered first when someone opens autocomplete without typing. */
  featured: distinct(kebabId).max(25).default([]),
});

/** A fact as the rest of the program sees it: the entry plus the topic and file it came from. */
export type Fact = FactEntry & { topic: string; file: string };
