// Finds the error messages of the base inside a pasted log line: "libxl: error: libxl_bootloader.c:628:… bootloader
// failed - consult logfile /var/log/xen/bootloader.7.log" is the template "bootloader failed - consult logfile %s".
import { foldAccents } from '../text/fold.ts';

export interface ErrorTemplate {
  factId: string;
  /** The fixed parts of the message, normalised, in order. */
  segments: readonly string[];
  /** Letters and digits in the fixed parts: what a paste is measured against. */
  length: number;
  /** The message ends with ": %s", the text of another ("script: %s"): a wrapper, less telling than what it wraps. */
  wraps?: boolean;
}

export interface ErrorMatch {
  factId: string;
  /** Share of the message's fixed text found, in order, in the question: 0..1. */
  score: number;
}

/** printf conversions (%s, %d, %"PRIx64", %-10s…) and the <placeholders> curators write. */
const PLACEHOLDER = /%"?PRI[a-zA-Z0-9]+"?|%[-+ #0]*(?:\d+|\*)?(?:\.(?:\d+|\*))?(?:hh|h|ll|l|L|z|j|t)?[diouxXeEfFgGaAcspn%]|<[^<>]{1,40}>/g;
/** A fixed part shorter than this ("to", ": ") proves nothing on its own. */
const MIN_SEGMENT = 3;
/** A paste must carry this much of a message, and this many letters of it, to count as that message. */
export const MIN_ERROR_SCORE = 0.6;
const MIN_MATCHED_LETTERS = 12;
/** A shorter message counts when its fixed text is a phrase of this many words ("Xen BUG at %s:%d", "Panic on CPU %d:"). */
const SHORT_MESSAGE = { letters: 8, words: 3 } as const;

const normalise = (text: string) => ` ${foldAccents(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;

export function compileErrorTemplate(factId: string, message: string): ErrorTemplate {
  const segments = message
    .split(PLACEHOLDER)
    .map((part) => normalise(part).trim())
    .filter((part) => part.replace(/ /g, '').length >= MIN_SEGMENT);
  const length = segments.reduce((n, s) => n + s.replace(/ /g, '').length, 0);
  return /:\s*%s\s*$/.test(message) ? { factId, segments, length, wraps: true } : { factId, segments, length };
}

/**
 * What a question is matched against, derived once per list of templates: the templates that have enough fixed text
 * to match at all, and which of them each word may start a match for. A segment is found only as whole words of the
 * question, so a template none of whose segments' rarest words the question holds scores 0: a question looks at the
 * few templates its words point to instead of every template of the base (most of matchErrors' time was that scan).
 */
interface TemplateLookup {
  /** By word: positions (ascending) of the templates with a segment whose rarest word it is. */
  byWord: Map<string, number[]>;
  /** By template position: the letters of each segment, and the letters a match needs (0: it can never match). */
  letters: number[][];
  needed: number[];
}

const lookups = new WeakMap<readonly ErrorTemplate[], TemplateLookup>();

function lookupOf(templates: readonly ErrorTemplate[]): TemplateLookup {
  const known = lookups.get(templates);
  if (known) return known;
  const words = (segment: string) => segment.split(' ');
  const segmentsWith = new Map<string, number>();
  for (const template of templates) for (const segment of template.segments) for (const word of new Set(words(segment))) segmentsWith.set(word, (segmentsWith.get(word) ?? 0) + 1);
  const byWord = new Map<string, number[]>();
  const needed = templates.map((template, i) => {
    // "script: %s" is a message, but one word of it proves nothing: too little fixed text to match a paste on.
    const least = Math.min(MIN_MATCHED_LETTERS, template.length);
    if (least < MIN_MATCHED_LETTERS && !isShortPhrase(template)) return 0;
    for (const segment of template.segments) {
      const rarest = words(segment).reduce((a, b) => (segmentsWith.get(b)! < segmentsWith.get(a)! ? b : a));
      const holders = byWord.get(rarest);
      if (!holders) byWord.set(rarest, [i]);
      else if (holders[holders.length - 1] !== i) holders.push(i);
    }
    return least;
  });
  const lookup = { byWord, letters: templates.map((t) => t.segments.map((s) => s.replace(/ /g, '').length)), needed };
  lookups.set(templates, lookup);
  return lookup;
}

/** Templates found in `question`, best first; at most one per fact. */
export function matchErrors(templates: readonly ErrorTemplate[], question: string): ErrorMatch[] {
  if (templates.length === 0) return [];
  const text = normalise(question);
  const { byWord, letters, needed } = lookupOf(templates);
  const candidates = new Set<number>();
  for (const word of text.split(' ')) for (const i of byWord.get(word) ?? []) candidates.add(i);
  const best = new Map<string, { score: number; length: number; wraps: boolean }>();
  for (const i of candidates) {
    const template = templates[i]!;
    let from = 0;
    let matched = 0;
    template.segments.forEach((segment, s) => {
      // Whole words only: "port" must not match inside "support".
      const at = text.indexOf(` ${segment} `, from);
      if (at < 0) return;
      matched += letters[i]![s]!;
      from = at + segment.length + 1;
    });
    const score = matched / template.length;
    const known = best.get(template.factId);
    if (score >= MIN_ERROR_SCORE && matched >= needed[i]! && (!known || score > known.score)) best.set(template.factId, { score, length: template.length, wraps: template.wraps === true });
  }
  // Two messages pasted as fully: a wrapper ("script: %s") gives way to what it wraps ("Could not find bridge device"),
  // then the longer says more; a short one is often the frame or the consequence of the other ("Panic on CPU %d:"
  // around "Domain 0 allocation is too small…", "cannot open libxc handle" after "Could not obtain handle on
  // privileged command interface").
  return [...best]
    .sort(([a, x], [b, y]) => y.score - x.score || Number(x.wraps) - Number(y.wraps) || y.length - x.length || (a < b ? -1 : 1))
    .map(([factId, { score }]) => ({ factId, score }));
}

function isShortPhrase(template: ErrorTemplate): boolean {
  return template.length >= SHORT_MESSAGE.letters && template.segments.join(' ').split(' ').length >= SHORT_MESSAGE.words;
}

/**
 * The words of the messages a question was found to carry (folded): pasted text in the software's language, which
 * says nothing of the asker's ("la vm démarre pas : failed to free memory for the domain" is French).
 */
export function pastedWords(templates: readonly ErrorTemplate[], matches: readonly ErrorMatch[], question: string): Set<string> {
  if (matches.length === 0) return new Set(); // most questions paste nothing: no need to read them again
  const text = normalise(question);
  const found = new Set(matches.map((m) => m.factId));
  const words = new Set<string>();
  for (const template of templates) {
    if (!found.has(template.factId)) continue;
    for (const segment of template.segments) if (text.includes(` ${segment} `)) for (const word of segment.split(' ')) words.add(word);
  }
  return words;
}
