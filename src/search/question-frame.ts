// Strips the question around a name ("what is PVH?", "qu'est-ce que le mode PVH ?") so the name can match exactly.
import { foldAccents } from '../text/fold.ts';

const LEADING = [
  /^(?:(?:so|ok|okay|hi|hey|hello|please)[\s,!]+)+/,
  /^(?:bonjour|salut|svp|stp)[\s,!]+/,
  /^(?:can you |could you |please )?(?:tell me about|explain|describe|define|what about|how about)\s+/,
  /^(?:what|who|which|wat|wht|waht|whta|wot) (?:is|are|was|were|r)\s+/,
  /^(?:what|wat|wht|waht)'?s\s+/,
  // Chat spellings too: "c koi", "c quoi", "kesako".
  /^(?:qu'?est[- ]ce que c'?est(?: que)?|qu'?est[- ]ce que?|qu'?est[- ]ce qu'|c'?est quoi|c'?est koi|c (?:quoi|koi)|ckoi|kesako|kezako|que signifie|que veut dire|parle[- ]moi d[eu']?|explique[- ]moi|definition d[eu']?|a quoi sert|a quoi servent)\s*/,
  /^(?:quel|quelle|quels|quelles) (?:est|sont|etait|etaient)\s+/,
  // Looking up an entry of the reference: "syntax of dom0_mem", "what does vcpus do", "syntaxe de xl migrate".
  /^(?:the\s+)?(?:syntax|usage|options?|flags|arguments|parameters|man ?page|default(?: value)?|examples?|(?:valid |possible |allowed |accepted )?values?)\s+(?:of|for)\s+/,
  /^(?:la\s+|les\s+)?(?:syntaxe|usage|exemples?|options?|valeur par defaut|valeurs?(?: possibles?| valides?| acceptees?)?)\s+(?:de|du|des|d'|pour)\s*/,
  /^(?:(?:the|a|an|les|le|la|un|une|du|des|de)\s+|l')/,
  // Asking about a name without the usual frame: "anyone know what xenstore is", "tell me more about xenstore".
  /^(?:(?:does )?(?:any ?one|any ?body|some ?one) know (?:what )?|can (?:any|some) ?one explain |(?:qqn|quelqu'?un) (?:peut|pourrait) m'?expliquer |tell me (?:more )?about |(?:any )?info(?:rmation|s)? (?:on|about|sur) |(?:a |une )?question (?:about|on|sur) |(?:i )?need help with |help with |do you know |je (?:ne )?comprends pas |what the (?:heck|hell|fuck) is |wtf is )/,
  /^comment (?:marche|marchent|fonctionne|fonctionnent) /,
  /^(?:(?:a )?quoi (?:ca )?sert|ca sert a quoi|ca fait quoi|je (?:ne )?connais pas|(?:vous pouvez|tu peux|pouvez-vous|peux-tu) m'?expliquer|expliquez[- ]moi|(?:explain )?like i'?m 5|eli5) /,
  // The point of a name: "c'est quoi l'intérêt de xenstore", "what's the point of xenstore", "purpose of xenstore".
  /^(?:(?:c'?est quoi |quel est )?(?:le |l')?(?:principe|interet|but|utilite) (?:de |d'|du )|(?:(?:what'?s |what is )?the )?(?:point|purpose) of )/,
  // Whether a name is supported: "does xen 4.4 support pvh", "is pvh supported", "la 4.4 supporte pvh ?".
  /^(?:does|can) (?:xen(?: 4\.4)?|4\.4|it) (?:support|do|handle|run) /,
  /^(?:xen(?: 4\.4)?|(?:la )?4\.4) (?:supporte|gere|prend en charge) /,
  // "what's this PVH thing", "c'est quoi ce truc xenstore".
  /^(?:this|that|ce|cette|cet)\s+(?:(?:thing|stuff|truc|machin)\s+)?/,
];
/** Hedges inside the name: "when exactly did 4.4 come out" is the name "when did 4.4 come out". */
const HEDGE = /(?:^|\s+)(?:exactly|actually|really|basically|still|exactement|vraiment|concretement|toujours|encore)(?=\s|$)/g;
/** A task asked as a question is the task's name: "how do I enable pvh" is "enable pvh". Stripped last, so that
 * "how do I pass extra options" is not read as a lookup of "pass extra". */
const TASK = /^(?:how (?:do|can|should|would|could) (?:i|we|you|one) |how to |(?:what'?s |what is )?(?:the )?(?:best|right|proper|cleanest|easiest) way to |comment (?:je fais pour |on fait pour |faire pour |je |on |peut-on |puis-je )?|(?:la )?(?:meilleure|bonne) (?:facon|maniere) de )/;
const TRAILING = [
  /[\s?!.:;,]+$/,
  /\s+(?:thing|stuff|truc|machin)$/,
  /\s+(?:supported|supporte|supportee|supportes|gere|pris en charge)$/,
  /(?:\s*[-,:])?\s+(?:what is it|what'?s that|whats that|c'?est quoi(?: (?:ca|ce|cela))?(?: au juste)?|c'?est utile|ca fait quoi|(?:is )?good for)$/,
  /\s+(?:explained|in a nutshell|en (?:2|deux) mots|eli5|to me|(?:used )?for|is|are)$/,
  /[\s?!,.]+(?:anyone|anybody|someone|qqn|quelqu'?un)$/,
  /\s+(?:in|on|with|for|dans|avec|pour|sous|en)\s+(?:the\s+)?(?:xen(?: project)?(?: hypervisor)?\s*)?4\.4(?:\.0)?$/,
  /\s+(?:in|on|dans|sous)\s+xen$/,
  /\s+(?:c'?est quoi|c'?est koi|c (?:quoi|koi)|ckoi|kesako|kezako|stp|svp|please)$/,
  // Hedges: "libxl c'est quoi concrètement ?", "what is libxl exactly" ("en gros", "au juste" are cut as chat before).
  /\s+(?:exactement|concretement|precisement|exactly|basically|concretely|precisely|at all|du tout)$/,
  // The purpose asked after the name: "xenstore ça sert à quoi ?" is "à quoi sert xenstore ?".
  /\s+(?:(?:et|and) )?(?:(?:ca|ils?|elles?) )?(?:sert|servent) a quoi$/,
  // Why it matters, after the name: "fifo event channels - why should i care", "…, what's that and why should i care".
  /(?:\s*[-,:])?\s+(?:(?:what'?s that|what is it)\s+)?(?:and\s+)?why (?:should|would) (?:i|we|anyone) care$/,
  // Which of the two, after a comparison: "xen vs kvm, which one and why", "pvh ou pvhvm, lequel choisir".
  /(?:\s*[-,:])?\s+(?:which one|lequel|laquelle)(?: (?:is better|to (?:pick|choose|use)|choisir|prendre))?(?: (?:and why|et pourquoi))?$/,
  // Whether two names are one thing: "pvh vs pvhvm, c'est pas la même chose ?", "…, same thing?".
  /(?:\s*[-,:])?\s+(?:c'?est (?:pas )?(?:la meme chose|pareil)|(?:is it |it'?s |its )?(?:the )?same thing)$/,
  // What the task is for, after it: "how to enable nested hvm so i can run hyper-v in a guest" is the task "enable nested
  // hvm"; "comment activer le nested pour pouvoir lancer hyper-v" too.
  /\s+(?:so (?:that )?(?:i|we|it|they) (?:can|could|will)|in order to|pour (?:que|pouvoir)|afin (?:de|d'|que))\s.*$/,
  // Which ones, after the name: "les nouvelles options xl.cfg c'est lesquelles ?".
  /\s+(?:c'?est|ce sont) (?:lequel|laquelle|lesquels|lesquelles)$/,
];
/**
 * A name followed by what the asker wants of it: "dom0_mem syntax", "xl migrate options", "crashkernel option
 * syntax", "omap5 support", "what does vcpus do". Only short remainders: "is flask enabled by default" is a question, not a lookup.
 */
const LOOKUP = /^(\S+(?:\s\S+){0,2}?)\s+(?:(?:what|which|quelles?|quels?) )?(?:support|syntax|usage|options?|flags|args|arguments|parameters|man ?page|examples?|syntaxe|exemples?|command|commande|values|valeurs)$/;
const IS_SUPPORTED = /^(?:is|are) (.+?) supported(?= in | on |[?!. ]*$)/;
const WHAT_DOES = /^(?:what does|how (?:does|do)) (\S+(?:\s\S+)?) (?:do|mean|work)$/;
/** The values a setting takes: "what values does iommu= take", "quelles valeurs prend iommu". */
const WHAT_VALUES = /^(?:what|which) (?:values|options|args|arguments) (?:does|do|can) (\S+) (?:take|accept|have)$|^(?:quelles?|quels?) (?:valeurs|options|arguments) (?:prend|accepte|a) (\S+)$/;

/** The part of a question that may be a fact's name, folded. Returns "" when nothing is left. */
export function stripQuestionFrame(question: string): string {
  let s = foldAccents(question).replace(/\s+/g, ' ').trim();
  for (let pass = 0; pass < 3; pass++) {
    const before = s;
    s = s.replace(IS_SUPPORTED, '$1');
    for (const pattern of TRAILING) s = s.replace(pattern, '');
    for (const pattern of LEADING) s = s.replace(pattern, '');
    s = s.trim().replace(WHAT_DOES, '$1').replace(WHAT_VALUES, '$1$2').replace(LOOKUP, '$1');
    if (s === before) break;
  }
  return s.replace(TASK, '').replace(HEDGE, '').trim();
}

/** The name without "xen" before its version: people type "4.4 release date" for "Xen 4.4 release date", and back. */
export function withoutXenBeforeVersion(name: string): string {
  return name.replace(/^xen\s+(?=\d)/, '');
}

/**
 * The name without "of 4.4" / "de la 4.4" after it: "nouvelles options xl.cfg de la 4.4" is the name "nouvelles options
 * xl.cfg", but "release date of xen 4.4" is itself a name, so this is a second try, not part of the frame.
 */
export function withoutVersionTail(name: string): string {
  return name.replace(/\s+(?:of|de(?: la)?|du)\s+(?:the\s+)?(?:xen\s*)?4\.4(?:\.0)?$/, '');
}
