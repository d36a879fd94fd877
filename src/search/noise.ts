// What people wrap around a question in chat — mentions, greetings, thanks, emoji, markdown, code fences — removed
// before matching, so that it neither makes nor breaks an answer (tests/answer/noise-properties.test.ts).
import { foldAccents } from '../text/fold.ts';

const CHAT_MARKUP = [
  /<@[!&]?\d+>/g, // user and role mentions
  /<#\d+>/g, // channel links
  /<\/[\w -]+:\d+>/g, // slash-command mentions
  /<a?:\w+:\d+>/g, // custom emoji
  /<t:\d+(?::[tTdDfFR])?>/g, // timestamps
  /(?:^|\s)@(?:everyone|here)\b/g,
  /(?<![\w.:]):[a-z][a-z0-9_+-]*:(?![\w:])/g, // emoji shortcodes (:smile:), not file:line:function of a log
  /(?<=^|\s)(?:[:;=][-']?[)(DPpO3\][|*]+|\^\^|<3)(?=\s|$)/g, // text smileys :) ;-) :D ^^ <3, standing alone
];
/** Unicode emoji, with their modifiers, variation selectors, joiners and flag letters. */
const EMOJI = /\p{Extended_Pictographic}|\p{Emoji_Modifier}|[\u{1F1E6}-\u{1F1FF}]|\u{FE0E}|\u{FE0F}|\u{200D}|\u{20E3}/gu;
/** Masked links keep their text; bare URLs say nothing about Xen. */
const MASKED_LINK = /\[([^\]\n]{0,200})\]\(\s*<?https?:\/\/[^)\s]*>?\s*\)/g;
const URL = /<?https?:\/\/\S+>?/g;
/** Code fences keep their content (a pasted error lives there), not the fence or its language tag. */
const FENCE = /```[\w+-]*\n?|```/g;
const MARKDOWN = [
  /\*\*|__|~~|\|\|/g, // bold, underline, strike, spoiler
  /(^|\s)[*_](?=\S)|(?<=\S)[*_](?=\s|$|[?!.,;:])/g, // italics at word edges (keeps snake_case and a * b)
  /`+/g, // inline code
  /^\s{0,3}(?:(?:#{1,6}|>{1,3}|-#)\s+)+/gm, // headings, quotes (nested too), subtext
  /^\s{0,3}[-*+]\s+/gm, // list bullets
];

const OPENERS = [
  'hi', 'hello', 'hey', 'heya', 'hiya', 'yo', 'greetings', 'good morning', 'good afternoon', 'good evening',
  'bonjour', 'bonsoir', 'salut', 'coucou', 'hello world', 'quick question', 'question', 'petite question',
  'quick q', 'petite q', 'tl;dr', 'tldr', 'noob question', 'stupid question', 'dumb question', 'newbie question', 'question de noob', 'question bete',
  'help', 'aide', 'sorry', 'desole', 'excuse me', 'excusez-moi', 'ok', 'okay', 'so', 'bon', 'alors',
  'how are you', 'how is it going', 'how\'s it going', 'whats up', 'what\'s up', 'ca va', 'comment ca va', 'ca roule', 'quoi de beau',
];
const AUDIENCE = ['all', 'everyone', 'everybody', 'guys', 'folks', 'people', 'team', 'there', 'xenbot', 'bot', 'a tous', 'tout le monde', 'les gars', 'la team'];
/** Hedges, at the end of a question ("c'est quoi le dom0 en gros ?") or set off by a comma inside it: "gros" would
 * otherwise be read as a word of the question. */
const HEDGES = ['en gros', 'grosso modo', 'vite fait', 'en bref', 'au juste', 'in short', 'in a nutshell', 'in a few words', 'en quelques mots', 'en deux mots', 'en un mot', 'in two words', 'in one word'];
const CLOSERS = [
  'thanks', 'thank you', 'thanks a lot', 'thanks in advance', 'thx', 'ty', 'tia', 'cheers', 'please', 'pls', 'plz',
  'merci', 'merci beaucoup', 'merci d\'avance', 'merci par avance', 'merci pour l\'aide', 'merci beaucoup pour l\'aide',
  'merci pour ton aide', 'merci pour votre aide', 'merci pour la reponse', 'thanks for the help', 'thanks for your help',
  'thank you for your help', 'thanks for the answer', 'thank you for the answer', 'svp', 'stp', 's\'il vous plait', 's\'il te plait',
  'any idea', 'any ideas', 'anyone', 'any help appreciated', 'une idee', 'des idees', 'lol', 'mdr', 'ptdr', 'haha', 'xd', 'tl;dr', 'tldr',
  'c\'est grave', 'c grave', 'c\'est grave docteur', 'is that bad', 'is it bad',
  ...HEDGES,
  // Tag questions ("4.4 has pvh dom0, right?"): "right" was the heaviest word of that question.
  'right', 'correct', 'am i right', 'is that right', 'is that correct', 'is it true', 'is that true', 'isn\'t it', 'or not', 'yes or no',
  'non', 'hein', 'n\'est-ce pas', 'c\'est ca', 'c\'est bien ca', 'ou pas', 'oui ou non', 'c\'est vrai', 'j\'ai raison',
];
/** Thanks for a fix ("thanks that fixed it!!", "merci ça marche !"): chatter when that is the whole message, never cut from
 * the end of a question, where "ça marche ?" or "solved?" is what is asked. */
const FIXED = ['that fixed it', 'that did it', 'that worked', 'it works now', 'works now', 'ca marche', 'ca marche maintenant', 'c\'est bon', 'resolu', 'solved'];
// Longest first: an alternation takes the first that matches, and "question" would cut "question de noob" short.
const alternatives = (words: readonly string[]) => [...words].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')).join('|');
const LEADING_CHATTER = new RegExp(`^(?:(?:${alternatives(OPENERS)})(?:\\s+(?:${alternatives(AUDIENCE)}))?[\\s,.!:;>-]+)+`, 'i');
const TRAILING_CHATTER = new RegExp(`(?:[\\s,.!:;?-]+(?:${alternatives(CLOSERS)})(?:\\s+(?:${alternatives(AUDIENCE)}))?[\\s.!?]*)+$`, 'i');
/** A message that is nothing but chatter: "hello", "thanks!", "merci". */
const ONLY_CHATTER = new RegExp(`^(?:(?:${alternatives([...OPENERS, ...CLOSERS, ...FIXED])})(?:\\s+(?:${alternatives(AUDIENCE)}))?[\\s,.!?:;>-]*)+$`, 'i');

/**
 * The words a chatter phrase can begin or end with. The three patterns above are long alternations, compiled on first
 * use (about 15 ms, most of a one-question `ask`'s own work): a message whose first and last words could not be
 * chatter skips them, with the same result.
 */
const CHATTER_WORD_SPLIT = /[\s,.!:;?>-]+/;
const chatterWords = (phrases: readonly string[], at: 'first' | 'last') =>
  new Set(phrases.map((p) => p.toLowerCase().split(CHATTER_WORD_SPLIT).filter(Boolean)).map((w) => (at === 'first' ? w[0] : w[w.length - 1])!));
const FIRST_WORDS = chatterWords(OPENERS, 'first');
const LAST_WORDS = chatterWords([...OPENERS, ...CLOSERS, ...FIXED, ...AUDIENCE], 'last');

/** A hedge set off by punctuation inside a question ("diff entre 4.3 et 4.4 en gros, je dois changer quoi"). */
const INNER_HEDGE = new RegExp(`(?<=^|[\\s,;])(?:${alternatives(HEDGES)})\\s*[,;:]`, 'gi');

/** The question without chat noise; "" when nothing but noise was sent. */
export function withoutChatNoise(text: string): string {
  let s = text.normalize('NFC').replace(/\r\n?/g, '\n');
  s = s.replace(MASKED_LINK, ' $1 ');
  for (const pattern of CHAT_MARKUP) s = s.replace(pattern, ' ');
  s = s.replace(URL, ' ').replace(FENCE, '\n').replace(EMOJI, ' ');
  // What punctuated a removed mention or emoji ("<@bot>, > what is…") goes with it, before markdown is read.
  s = s.replace(/^\s*[,;:.!]+(?=\s|$)/, '');
  for (const pattern of MARKDOWN) s = s.replace(pattern, (_m, lead: string | undefined) => (typeof lead === 'string' ? lead : ' '));
  s = s.replace(INNER_HEDGE, ' ');
  s = s.replace(/[ \t\f\v]+/g, ' ').replace(/\s*\n\s*/g, '\n').trim();
  // Greetings and thanks are matched on the folded text (so "Merci d’avance" counts), then cut from the original.
  const folded = foldAccents(s);
  const words = folded.toLowerCase().split(CHATTER_WORD_SPLIT).filter(Boolean);
  const mayLead = FIRST_WORDS.has(words[0] ?? '');
  const mayTrail = LAST_WORDS.has(words[words.length - 1] ?? '');
  if (mayTrail && ONLY_CHATTER.test(folded)) return '';
  const lead = mayLead ? (LEADING_CHATTER.exec(folded)?.[0].length ?? 0) : 0;
  const trail = mayTrail ? TRAILING_CHATTER.exec(folded.slice(lead)) : null;
  const end = trail ? lead + trail.index : s.length;
  const kept = s.slice(lead, end).trim();
  // A question mark cut with the thanks still belonged to the question.
  return trail && /\?/.test(trail[0]) && kept ? `${kept}?` : kept;
}
