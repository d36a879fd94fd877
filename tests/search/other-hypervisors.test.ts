import { describe, expect, it } from 'vitest';
import { otherHypervisors, productWords } from '../../src/search/other-hypervisors.ts';

describe('other hypervisors named in a question', () => {
  it.each([
    ['comment faire du passthrough gpu avec kvm ?', ['kvm']],
    ['vmware esxi vs hyper-v', ['vmware', 'esx', 'hyperv']],
    ['running xen nested inside VirtualBox', ['virtualbox']],
    ['Hyper V enlightenments for windows guests', ['hyperv']],
    ['docker on dom0?', ['docker']],
    // Words that only contain a product's letters are not the product.
    ['xl network-attach adds a vif', []],
    ['what is PVH?', []],
  ])('GIVEN %j THEN names %j', (question, products) => {
    expect(otherHypervisors(question)).toEqual(products);
  });

  it('GIVEN a product THEN a fact may mention it by any of its usual spellings', () => {
    expect(productWords('hyperv')).toContain('viridian');
    expect(productWords('kvm')).toEqual(['kvm']);
  });
});
