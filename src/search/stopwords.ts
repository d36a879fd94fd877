// Function words of English and French, dropped before ranking so that "how do I" never decides an answer.
import { CHAT_FRENCH } from '../text/chat-french.ts';
import { foldAccents } from '../text/fold.ts';
import { editDistance } from './edit-distance.ts';

const ENGLISH = `a about above after again all also am an and any are aren as at be been before being below between both
but by can cannot could did didn do does doesn doing don down during each else ever few for from further get gets
got had has have having he her here hers him his how i if in into is isn it its itself just let me more most my
myself no nor not now of off on once only or other our ours out over own same she should so some such than that the
their theirs them then there these they this those through to too under until up very was wasn we were weren what
whats when where which while who whom whose why will with would you your yours yourself ca please tell explain per
know want need anyone someone something anything thing things really mean means meant way ways many much lot lots
say says said like hi hey hello thanks thank okay ok yes yeah one ones use used using vs versus around
along across within via anybody everyone everybody somebody still anymore again already actually currently because
work works working worked exactly basically roughly briefly simply concretely precisely
couldn wouldn shouldn won hasn haven hadn mustn needn
dont doesnt didnt cant couldnt wouldnt shouldnt isnt arent wasnt werent havent hasnt im ive youre thats theres ur
teh hte waht whta wat wht hwo adn wich whcih taht tihs thsi wiht
forever always never sometimes suddenly randomly constantly immediately instantly even quite pretty totally completely literally seriously
lol haha hmm hmmm wtf btw imo imho afaik idk tho thx pls plz stuff care
bc cuz coz ty tia w wont idea weird wierd weirdly strange strangely u r ya
till til right since getting fine quick quickly diff`;

const FRENCH = `a ai as au aux avec avez avons avoir c ca ce ceci cela celle celles celui ces cet cette ceux chez comme
comment d dans de des donc dont du elle elles en entre est es et etaient etait etre eu eux faire fait faut il ils
j je l la le les leur leurs lui m ma mais me meme mes moi mon n ne ni nos notre nous on ont ou par pas peut peuvent
peux plus pour pourquoi qu quand que quel quelle quelles quels qui quoi s sa sans se ses si son sont sous sur t ta te
tes toi ton tous tout toute toutes tu un une vos votre vous y combien ou quelqu quelque quelques alors aussi bien
bonjour salut merci svp stp dis dire explique expliquer sais savoir veux voudrais puis sait existe sert servir
sers servent encore toujours deja vraiment actuellement kesako kezako veut voulais voudrait vouloir fais faites font pourtant
exactement concretement precisement simplement brievement
fonctionne fonctionnent fonctionner fonctionnait marche marchent marcher marchait tourne tournent tourner tournait
jamais parfois soudain soudainement completement carrement
dois devrais faudrait
mdr ptdr euh bref voila genre dit disent disait
car lorsque puisque afin ainsi tres trop peu ici oui
monde parle parlent parler bon bizarre bizarrement chelou etrange
mis mets met rien avait avaient aurait dispo dispos`;

/** Words that every fact is about: they add no information to a query, but stay indexed. */
const QUERY_ONLY = ['xen', 'xenproject', '4.4', '4.4.0'];

const STOP_WORDS: ReadonlySet<string> = new Set([...`${ENGLISH} ${FRENCH}`.split(/\s+/), ...CHAT_FRENCH].filter(Boolean).map(foldAccents));
const QUERY_STOP_WORDS: ReadonlySet<string> = new Set([...STOP_WORDS, ...QUERY_ONLY]);

/** Ordinals ("2e", "3rd", "2eme", "deuxieme"): which one of several, never what a fact is about. As an unknown token
 * "2e" weighed more than every other word of "ajouter une 2e interface réseau à chaud à un domU". */
const ORDINAL = /^(?:\d{1,3}(?:e|er|ere|eme|nd|rd|st|th)|deuxieme|troisieme|quatrieme|second|third|fourth)$/;

/** `word` must already be lower-case and accent-folded. */
export function isStopWord(word: string, forQuery: boolean): boolean {
  return (forQuery ? QUERY_STOP_WORDS : STOP_WORDS).has(word) || (forQuery && ORDINAL.test(word));
}

/**
 * A misspelt stop word ("shoud", "wihch", "becuase") is no word of the base: unknown, it weighed most of its question
 * ("shoud" 12.7 against 1.7 for "memory" in "how much memroy shoud dom0 have"). One edit away (a letter lost, added or
 * changed, two swapped), from stop words of four letters or more only, and as long: "vm" is one letter from "me".
 */
const TYPO_MIN_LENGTH = 4;
let typoCandidates: Map<number, string[]> | undefined;

/** The stop word `word` misspells, or undefined. */
export function stopWordMisspelt(word: string): string | undefined {
  if (word.length < TYPO_MIN_LENGTH || !/^[a-z']+$/.test(word)) return undefined;
  if (!typoCandidates) {
    typoCandidates = new Map();
    for (const w of STOP_WORDS) if (w.length >= TYPO_MIN_LENGTH && /^[a-z]+$/.test(w)) typoCandidates.set(w.length, [...(typoCandidates.get(w.length) ?? []), w]);
  }
  for (const length of [word.length - 1, word.length, word.length + 1]) {
    for (const stop of typoCandidates.get(length) ?? []) if (editDistance(word, stop, 1) <= 1) return stop;
  }
  return undefined;
}
