// What the answer decision looks at: features of the ranking's winner, its runner-up and the question's wording.
import type { Intent, Language } from '../knowledge/schema.ts';
import { scopesNamedIn, scopesOverlap, scopesUnasked } from '../knowledge/scopes.ts';
import { asLookup, coverageDetail } from '../search/coverage.ts';
import { errorFactUnasked, type Candidate, type Ranking } from '../search/rank.ts';
import type { SearchIndex } from '../search/search-index.ts';
import { otherHypervisors, productWords } from '../search/other-hypervisors.ts';
import { otherXenVersions, releaseOf } from '../search/versions.ts';

export const FEATURES = [
  'exact', // the question is the fact's name
  'error', // share of one of the fact's error messages found in the question
  'coverage', // IDF-weighted coverage, names counting fully and body text by half
  'coverageNames', // coverage by the curated names alone
  'coverageKnown', // coverage counting only the words the base knows
  'unseen', // weight share of words the base never uses
  'groups', // log(1 + content words)
  'single', // one content word
  'rarest', // the question's rarest word is in the winner's names (1), its body (0.5), nowhere (0)
  'rivalRatio', // best rival's score / winner's; related facts are not rivals
  'coverageGap', // the winner's coverage minus the best rival's
  'runnerUpRelated', // the runner-up is related to the winner or in its topic
  'bm25', // the winner's BM25 score relative to the best BM25 hit
  'fuzzy', // closeness of the question to one of the winner's names
  'named', // the question writes the winner's reference name as a setting (`vcpus=4`, `dom0_mem`)
  'scopeUnasked', // the winner is limited to a case (ARM, AMD…) the question does not name
  'scopeAlternative', // …and a general fact covers the question nearly as well
  'scopeMissing', // the question names a case the winner is limited to another of
  'errorUnasked', // the winner explains an error message, and the question neither reads as an error nor quotes it
  'otherVersion', // the question names a Xen version other than 4.4 that the winner never mentions
  'otherProduct', // the question names another hypervisor (KVM, VMware…) that the winner never mentions
  'intentMatch', // the question's kind (when, how, who…) is one the winner answers
  'intentMismatch', // the question has a kind and the winner answers none of it
  'corrected', // share of words spelling correction changed
  'french',
] as const;
export type Feature = (typeof FEATURES)[number];
export type FeatureVector = Record<Feature, number>;

/** A general fact this close to a scoped winner's coverage is the better answer to a general question. */
const SCOPE_ALTERNATIVE_SHARE = 0.8;
const SCOPE_ALTERNATIVE_DEPTH = 6;

/** Kinds of question a fact of another kind still answers well. */
const COMPATIBLE: Partial<Record<Intent, readonly Intent[]>> = {
  reference: ['definition', 'how-to', 'limit', 'support', 'comparison'],
  'how-to': ['reference'],
  definition: ['reference', 'comparison'],
  status: ['support'],
  support: ['status', 'limit'],
  list: ['definition'],
};

function intentRelation(asked: ReadonlySet<Intent>, answers: readonly Intent[]): { match: number; mismatch: number } {
  // "what is" is how people ask almost anything: it is no evidence against a fact.
  const kinds: Intent[] = [...asked].filter((i) => i !== 'definition');
  if (kinds.length === 0) return { match: asked.size > 0 && answers.includes('definition') ? 1 : 0, mismatch: 0 };
  const fits = (fact: Intent) => kinds.includes(fact) || (COMPATIBLE[fact] ?? []).some((k) => kinds.includes(k));
  const match = answers.some(fits) ? 1 : 0;
  return { match, mismatch: 1 - match };
}

/** The rival the winner is measured against: the best candidate not related to it (a topic is too broad: measured, more wrong answers). */
export function bestRival(index: SearchIndex, ranking: Ranking): Candidate | undefined {
  const [top, ...rest] = ranking.candidates;
  if (!top) return undefined;
  return rest.find((c) => !areKin(index, top.factId, c.factId));
}

/** Related, either way: two sides of one answer, not competing answers. */
export function areKin(index: SearchIndex, a: string, b: string): boolean {
  const ta = index.traits.get(a);
  const tb = index.traits.get(b);
  if (!ta || !tb) return false;
  return ta.related.includes(b) || tb.related.includes(a);
}

export function decisionFeatures(index: SearchIndex, ranking: Ranking, question: string, language: Language): FeatureVector | undefined {
  const [top, second] = ranking.candidates;
  if (!top) return undefined;
  // A question writing the winner's setting out is a lookup: "default value", "valeurs possibles" are its frame.
  const lookup = top.named > 0;
  const groups = lookup ? asLookup(ranking.groups) : ranking.groups;
  const detail = coverageDetail(index, groups, top.factId);
  const traits = index.traits.get(top.factId);
  const asked = scopesNamedIn(question);
  const unasked = scopesUnasked(traits?.scope ?? [], asked);
  const alternative =
    unasked.length > 0 &&
    ranking.candidates.slice(1, SCOPE_ALTERNATIVE_DEPTH).some((c) => {
      const scope = index.traits.get(c.factId)?.scope ?? [];
      return !scope.some((s) => unasked.includes(s)) && (c.coverage ?? 0) >= SCOPE_ALTERNATIVE_SHARE * detail.weighted;
    });
  // The question is about other cases only: "on ARM" asked, a fact limited to AMD found.
  const missing = (traits?.scope.length ?? 0) > 0 && asked.size > 0 && ![...asked].some((a) => traits!.scope.some((s) => scopesOverlap(s, a)));
  const rival = bestRival(index, ranking);
  // The ranking's coverage of the rival counted the frame fully: measured again on the same groups as the winner's.
  const rivalCoverage = rival ? ((lookup ? undefined : rival.coverage) ?? coverageDetail(index, groups, rival.factId).weighted) : 0;
  const { match, mismatch } = intentRelation(ranking.intents, traits?.intent ?? []);
  const error = ranking.errors.find((e) => e.factId === top.factId)?.score ?? 0;
  const versions = otherXenVersions(question);
  const said = index.factVocabulary.get(top.factId)?.all;
  const products = otherHypervisors(question);
  return {
    exact: ranking.exact === top.factId ? 1 : 0,
    error,
    coverage: detail.weighted,
    coverageNames: detail.names,
    coverageKnown: detail.known,
    unseen: detail.unseen,
    groups: Math.log1p(ranking.groups.length),
    single: ranking.groups.length === 1 ? 1 : 0,
    rarest: detail.rarest,
    rivalRatio: rival && top.score > 0 ? Math.min(1, rival.score / top.score) : 0,
    coverageGap: detail.weighted - rivalCoverage,
    runnerUpRelated: second && (areKin(index, top.factId, second.factId) || index.traits.get(second.factId)?.topic === traits?.topic) ? 1 : 0,
    bm25: top.bm25,
    fuzzy: top.fuzzy,
    named: top.named,
    scopeUnasked: unasked.length > 0 ? 1 : 0,
    scopeAlternative: alternative ? 1 : 0,
    scopeMissing: missing ? 1 : 0,
    errorUnasked: errorFactUnasked(index, top.factId, ranking.intents, ranking.errors) ? 1 : 0,
    otherVersion: versions.length > 0 && !versions.some((v) => [v, releaseOf(v)].some((form) => said?.terms.has(form))) ? 1 : 0,
    otherProduct: products.length > 0 && !products.some((p) => productWords(p).some((word) => said?.words.has(word))) ? 1 : 0,
    intentMatch: match,
    intentMismatch: mismatch,
    corrected: ranking.groups.length > 0 ? ranking.corrected / ranking.groups.length : 0,
    french: language === 'fr' ? 1 : 0,
  };
}
