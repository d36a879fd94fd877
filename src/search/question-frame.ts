// Strips the question around a name ("what is PVH?", "qu'est-ce que le mode PVH ?") so the name can match exactly.
import { foldAccents } from '../text/fold.ts';

const LEADING = [
  /^(?:(?:so|ok|okay|hi|hey|hello|please)[\s,!]+)+/,
  /^(?:bonjour|salut|svp|stp)[\s,!]+/,
  /^(?:can you |could you |please )?(?:tell me about|explain|describe|define|what about|how about)\s+/,
  /^(?:what|who|which) (?:is|are|was|were)\s+/,
  /^what'?s\s+/,
  /^(?:qu'?est[- ]ce que?|qu'?est[- ]ce qu'|c'?est quoi|que signifie|que veut dire|parle[- ]moi d[eu']?|explique[- ]moi|definition d[eu']?|a quoi sert|a quoi servent)\s*/,
  /^(?:quel|quelle|quels|quelles) (?:est|sont|etait|etaient)\s+/,
  /^(?:(?:the|a|an|les|le|la|un|une|du|des|de)\s+|l')/,
];
const TRAILING = [
  /[\s?!.:;,]+$/,
  /\s+(?:in|on|with|for|dans|avec|pour|sous|en)\s+(?:the\s+)?(?:xen(?: project)?(?: hypervisor)?\s*)?4\.4(?:\.0)?$/,
  /\s+(?:in|on|dans|sous)\s+xen$/,
  /\s+(?:c'?est quoi|exactement|stp|svp|please)$/,
];

/** The part of a question that may be a fact's name, folded. Returns "" when nothing is left. */
export function stripQuestionFrame(question: string): string {
  let s = foldAccents(question).replace(/\s+/g, ' ').trim();
  for (let pass = 0; pass < 3; pass++) {
    const before = s;
    for (const pattern of TRAILING) s = s.replace(pattern, '');
    for (const pattern of LEADING) s = s.replace(pattern, '');
    s = s.trim();
    if (s === before) break;
  }
  return s;
}
