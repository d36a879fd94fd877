import { describe, expect, it } from 'vitest';
import { FuzzyNames } from '../../src/search/fuzzy-names.ts';

const options = { keys: ['name'], includeScore: true, ignoreLocation: true, threshold: 0.34, minMatchCharLength: 2 };
const names = (list: string[]) => FuzzyNames.of(list.map((name) => ({ name })), (n) => n.name, options);

describe('fuzzy names', () => {
  it('GIVEN a small base THEN a typo still finds the name: no trigram is too common to count there', () => {
    const fuzzy = names(['pvh mode', 'pvh guests', 'hvm guests', 'fifo event channels', 'nested hvm']);
    expect(fuzzy.search('pvh mdoe', 3)[0]?.item.name).toBe('pvh mode');
  });

  it('GIVEN a large base THEN trigrams most names share do not decide, the rare ones do', () => {
    // 2,000 names that all share "^ne" and "nes", and one that also shares the question's rarer trigrams.
    const fuzzy = names([...Array.from({ length: 2000 }, (_, i) => `nes${i}`), 'nested virtualisation']);
    expect(fuzzy.search('nested virtualsation', 3)[0]?.item.name).toBe('nested virtualisation');
  });
});

describe('the trigram shortlist', () => {
  it('GIVEN thousands of names sharing long trigram lists THEN it finds what counting every name finds', async () => {
    const { default: Fuse } = await import('fuse.js');
    const { trigrams } = await import('../../src/search/fuzzy-names.ts');
    // Names made of a few recurring words, so that many long lists and near ties stress the pruning.
    const words = ['boot', 'option', 'console', 'sync', 'guest', 'memory', 'vcpu', 'pin', 'xen', 'hvm', 'pvh', 'tsc'];
    let seed = 3;
    const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const list = Array.from({ length: 3000 }, () => Array.from({ length: 2 + Math.floor(random() * 3) }, () => words[Math.floor(random() * words.length)]).join(' '));
    const fuzzy = names(list);
    for (const pattern of ['sync console (option', 'boot optoin', 'memory vcpu', 'guest pvh tsc', 'xen']) {
      // The reference: the informative trigrams (in at most 5 % of the names, else all), every name's shared ones
      // counted, the best 100 kept, fuse.js over them.
      const nameGrams = list.map((name) => new Set(trigrams(name)));
      const holders = (gram: string) => nameGrams.filter((g) => g.has(gram)).length;
      const informative = trigrams(pattern).filter((gram) => holders(gram) <= Math.max(list.length * 0.05, 50));
      const grams = informative.length > 0 ? informative : trigrams(pattern);
      const needed = Math.max(1, Math.ceil(grams.length * 0.4));
      const counts = nameGrams.map((g) => grams.filter((gram) => g.has(gram)).length);
      const best = list.map((_, i) => i).filter((i) => counts[i]! >= needed).sort((a, b) => counts[b]! - counts[a]! || a - b).slice(0, 100);
      const expected = new Fuse(best.map((i) => ({ name: list[i]! })), options).search(pattern, { limit: 10 }).map((h) => h.item.name);
      expect(fuzzy.search(pattern, 10).map((h) => h.item.name)).toEqual(expected);
    }
  });
});
