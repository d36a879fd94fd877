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
