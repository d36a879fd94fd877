// Guesses whether a question is French or English from function words, elisions and accents.
import type { Language } from '../knowledge/schema.ts';
import { CHAT_FRENCH } from '../text/chat-french.ts';
import { foldAccents } from '../text/fold.ts';

// Words that are common in one language's questions and rare in the other's; technical words vote for neither.
const FRENCH = new Set(
  `le la les un une des du de au aux et ou est sont qu que qui quoi quel quelle quels quelles comment combien pourquoi
  quand dans avec pour sur sous par pas ne plus mon ma mes ton ta je tu il elle nous vous ils elles peut peuvent faut
  faire fait ce cette ces cet son sa ses leur leurs entre depuis avant apres sans chez aussi tres bien oui non merci
  bonjour salut svp stp existe-t-il est-ce c'est qu'est-ce prise charge donc alors encore deja toujours
  nouveaute nouveautes virtuelle virtuelles serveur noyau invite invites
  pilote pilotes prend gere gerer utiliser activer demarrer faut-il y a-t-il veux voudrais dois
  ca dit renvoie affiche plante bloque marche fonctionne demarre lancer mettre mets sert kesako dispo disponible disponibles
  syntaxe commande commandes fichier fichiers exemple exemples erreur erreurs`
    .split(/\s+/)
    .concat(CHAT_FRENCH)
    .filter(Boolean),
);
const ENGLISH = new Set(
  `the an is are was were what which who how why when where does do did can could should would will with without for
  from of to in at by my your it its this that these those there their and or not no yes any many much more most
  new supported supports use using run running enable enabled get set need needs about please thanks hello
  hi guest guests host hosts kernel release released what's whats how's doesn't don't isn't`
    .split(/\s+/)
    .filter(Boolean),
);
// Spellings shared by both languages ("a", "on", "version", "machine", "support") vote for neither.

const ELISION = /(?:^|[^\p{L}])(?:l|d|j|n|s|m|t|c|qu|jusqu|lorsqu)['’]\p{L}/u;
const FRENCH_LETTERS = /[éèêëàâçùûîïôœ]/;

/** Quoted text and code: what the asker pasted (an error, a config line), not the words they wrote. */
const QUOTED = /"[^"\n]{4,}"|«[^»\n]{4,}»|“[^”\n]{4,}”|`[^`]+`/g;

/**
 * The language of `text`, or `fallback` when the text gives no signal (a bare name like "PVH"). The asker's own words
 * vote first: quoted text, and the words of `pasted` (an error message the question carries, folded), count only when
 * nothing else does. "la vm démarre pas : failed to free memory for the domain" is a French question.
 */
export function detectLanguage(text: string, fallback: Language = 'en', pasted: ReadonlySet<string> = new Set()): Language {
  return languageOf(text, pasted) ?? fallback;
}

/** The language `text` shows (see detectLanguage), or undefined when it shows none: the caller's fallback is then only worked out if needed. */
export function languageOf(text: string, pasted: ReadonlySet<string> = new Set()): Language | undefined {
  const sample = text.slice(0, 2000).toLowerCase();
  const own = votes(sample.replace(QUOTED, ' '), pasted);
  if (own.french !== own.english) return own.french > own.english ? 'fr' : 'en';
  const all = votes(sample, new Set());
  if (all.french === all.english) return undefined;
  return all.french > all.english ? 'fr' : 'en';
}

function votes(sample: string, pasted: ReadonlySet<string>): { french: number; english: number } {
  let french = 0;
  let english = 0;
  for (const raw of sample.split(/[^\p{L}'’-]+/u)) {
    if (!raw) continue;
    const word = foldAccents(raw).replace(/’/g, "'");
    if (pasted.has(word)) continue;
    if (FRENCH.has(word)) french += 1;
    if (ENGLISH.has(word)) english += 1;
    if (FRENCH_LETTERS.test(raw)) french += 1;
  }
  if (ELISION.test(sample)) french += 2;
  // French typography: a space before ?, ! and : (a single mark: " ??" after a paste is how anyone types).
  if (/\s[?!](?![?!])|\p{L} : /u.test(sample)) french += 1;
  return { french, english };
}
