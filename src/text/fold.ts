// Text folding shared by the knowledge checks and the search index, so "the same alias" means the same thing to both.

/** Unicode control and format characters (C0, C1, zero-width, bidi marks) that never carry meaning in a question. */
const INVISIBLE = /[\p{Cc}\p{Cf}]/gu;
const DIACRITICS = /\p{M}+/gu;
/** Printable ASCII has no accents and nothing invisible; most of the base and most questions are just that. */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Folded words, memoised: a French base folds the same accented words again and again while indexing. */
const foldedWords = new Map<string, string>();
const FOLD_CACHE_LIMIT = 100_000;
const MEMO_MAX_LENGTH = 40;

/** Lower-case, strip accents and invisible characters, unify apostrophes; keeps punctuation. */
export function foldAccents(input: string): string {
  // The fast path skips Unicode normalisation, the costliest step of building the index (npm run bench).
  if (PRINTABLE_ASCII.test(input)) return input.replaceAll('`', "'").toLowerCase();
  if (input.length > MEMO_MAX_LENGTH) return foldUnicode(input);
  let folded = foldedWords.get(input);
  if (folded === undefined) {
    if (foldedWords.size >= FOLD_CACHE_LIMIT) foldedWords.clear(); // bounded: questions are user input
    foldedWords.set(input, (folded = foldUnicode(input)));
  }
  return folded;
}

function foldUnicode(input: string): string {
  return input
    .normalize('NFKD')
    .replace(DIACRITICS, '')
    .replace(/[\u2018\u2019\u02bc\u2032`´]/g, "'")
    .replace(INVISIBLE, ' ')
    .toLowerCase()
    // Ligatures do not decompose: "nœud" is typed "noeud" as often as not.
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae');
}

/**
 * A comparison key for short names (ids, titles, aliases): folded, punctuation and spacing removed,
 * so "PV-on-HVM", "pv on hvm" and "PV on HVM" share one key.
 */
export function nameKey(input: string): string {
  // Dots only survive between digits, where they make a version: "4.4" stays, "P.V.H" and "xl.cfg" fold.
  // British and American spellings fold too: "virtualisation" and "virtualization" are one name.
  return foldAccents(input)
    .replace(/isation/g, 'ization')
    .replace(/(?<!\d)\.|\.(?!\d)/g, '')
    .replace(/[^\p{L}\p{N}.]+/gu, '');
}

/**
 * A comparison key for the names of the 4.4 reference (config keys, boot options, xl subcommands): folded and
 * trimmed of quotes and trailing punctuation, but keeping `_ . - =`, so that the key `driver_domain` is not the
 * phrase "driver domain" and `reboot=` is not `reboot`.
 */
export function referenceKey(input: string): string {
  return foldAccents(input)
    .trim()
    .replace(/^[`'"«\s]+|[`'"»?!.,:;\s]+$/g, '')
    .replace(/\s+/g, ' ');
}

/** The keys a reference name is found by: an xl subcommand both as `xl migrate` and as plain `migrate`. */
export function referenceNameKeys(kind: string, name: string): string[] {
  const key = referenceKey(name);
  return kind === 'xl-command' ? [`xl ${key}`, key] : [key];
}
