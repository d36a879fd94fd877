// What kind of question was asked, read from its wording in English or French: "when", "how many", "who",
// "how do I", "does it support", a pasted error… Facts declare the kinds they answer (schema: intent).
import type { Intent } from '../knowledge/schema.ts';
import { foldAccents } from '../text/fold.ts';

/** Patterns on the folded, lower-case question; several may match ("how many … and when"). */
const PATTERNS: ReadonlyArray<[Intent, RegExp]> = [
  // "when"/"quand" opening a clause about the asker ("when I start a guest", "quand je lance la vm") is a condition,
  // not a question about a date.
  ['date', /\bwhen\b(?! (?:i|i'm|im|we|you|my|our|the|a|an|it|this|that|using|running|trying|starting|booting)\b)|\bwhat (?:year|month|day|date)\b|\bwhich (?:year|month|date)\b|\brelease date\b|\bquand\b(?! (?:je|j'|j |on|il|elle|ils|elles|la|le|les|l'|mon|ma|mes|un|une|tu|nous|vous|ce|ca|c'|j'ai)\b)|\b(?:depuis|jusqu'?a|c'?etait) quand\b|\bdate (?:de|du|d')|\ben quelle annee\b|\ba quelle date\b|\bsortie? (?:le|en)\b/],
  ['limit', /\bhow (?:many|much|big|large|far)\b|\bmax(?:imum)?\b|\blimits?\b|\bup to\b|\bcombien\b|\bjusqu'?a\b|\blimites?\b|\bnombre (?:max|maximal|de)\b|\bplafond\b|\btaille max/],
  ['person', /\bwho\b|\bauthors?\b|\bwritten by\b|\bmaintainers?\b|\bqui (?:a|est|sont|maintient|maintenait|a ecrit|a developpe)\b|\bauteurs?\b|\bmainteneurs?\b/],
  ['how-to', /\bhow (?:do|can|to|should|would|could) (?:i|we|you|one)\b|\bhow to\b|\bhow do\b|[,;:(-] ?how\b|\bhow ?\?*$|\bsteps? to\b|\bset ?up\b|\bconfigure\b|\binstall\b|\b(?:comm?ent|komm?ent) (?:faire|on|je|puis|peut|installer|configurer|activer|mettre|creer|lancer|ajouter|donner|passer|limiter|changer|migrer|demarrer|arreter|sauvegarder|voir|savoir|avoir|utiliser|obtenir|acceder|brancher|attacher)\b|\bprocedure\b|\btuto(?:riel)?\b|\b(?:comm?ent|komm?ent)\b.*\?/],
  ['support', /\bsupports?\b|\bsupported\b|\bcompatib|\bcan (?:i|xen|it|you|we|4\.4|a|the)\b|\bis (?:it )?possible\b|\bpossible to\b|\bdoes (?:xen|4\.4|it|xl|libxl)\b|\bworks? (?:with|on)\b|\bpeut-on\b|\bpeut on\b|\bprend en charge\b|\bprise en charge\b|\bsupporte\b|\best-ce possible\b|\bfonctionne\b|\bmarche\b|\bgere\b/],
  ['error', /\berror\b|\berreur\b|\bfailed\b|\bfailure\b|\bcannot\b|\bcan'?t\b|\bcould not\b|\bcouldn'?t\b|\bunable to\b|\bno such\b|\binvalid\b|\(xen\)|\blibxl:|\bxc:|\btraceback\b|\bpanic\b|\bechec\b|\bimpossible de\b|\bwon'?t (?:start|boot)\b|\bne (?:demarre|marche|fonctionne) pas\b|\bnot available\b|\bpermission denied\b|\brefused\b|\btimed out\b|\bfatal\b|\bsegfault\b|\b[a-z]+_(?:page_)?fault\b/],
  ['definition', /\bwhat (?:is|are|'s|does .+ mean)\b|\bwhats\b|\bqu'?est[- ]ce\b|\bc'?est quoi\b|\bdefinition\b|\bdefine\b|\bexplain\b|\bmeaning of\b|\bque (?:signifie|veut dire|fait)\b|\bsignification\b|\ba quoi sert\b|\b(?:sert|servent) a quoi\b|\bwhat does\b/],
  ['comparison', /\bvs\.?\b|\bversus\b|\bdifferences?\b|\bcompared? (?:to|with)\b|\bbetter than\b|\binstead of\b|\b(?:should|shall|which|better|rather|prefer)\b.*\bor\b|\b(?:ou bien|plutot)\b|\bdifferen(?:ce|t)\b|\bcompare\b|\bplutot que\b|\bmieux que\b|\bpar rapport a\b/],
  ['reason', /\bwhy\b|\bpourquoi\b|\breason\b|\braison\b/],
  ['status', /\bstable\b|\bexperimental\b|\bproduction\b|\bready\b|\bdeprecated\b|\bstatus\b|\bstatut\b|\bexperimentale?\b|\bobsolete\b|\bpreview\b|\bstill (?:there|available|supported|maintained|around|exists?|works?|working)\b|\b(?:encore|toujours) (?:la|dispo(?:nible)?|supporte|maintenu|utilisable)\b|\b(?:fonctionne|marche|existe)(?:-t-(?:il|elle))? (?:encore|toujours)\b/],
  ['list', /\bwhich\b.*\b(?:are|exist|ship|shipped|available|there)\b|\bwhat'?s new\b|\blist of\b|\ball the\b|\bnouveautes\b|\bquoi de neuf\b|\bliste des\b/],
];

/** Looks like a config key, boot option or command typed on its own: "dom0_mem", "xl migrate", "vif.default.bridge". */
const REFERENCE_LIKE = /^(?:xl\s+[a-z0-9-]+|[a-z0-9]+(?:[_.][a-z0-9]+)+=?\S*|[a-z0-9_.]+=\S*)$/;

export function questionIntents(question: string): Set<Intent> {
  const folded = foldAccents(question).replace(/\s+/g, ' ').trim();
  const found = new Set<Intent>();
  for (const [intent, pattern] of PATTERNS) if (pattern.test(folded)) found.add(intent);
  if (REFERENCE_LIKE.test(folded)) found.add('reference');
  return found;
}
