import { describe, expect, it } from 'vitest';
import { aboutOtherProductOnly, otherHypervisors, productWords } from '../../src/search/other-hypervisors.ts';

describe('other hypervisors named in a question', () => {
  it.each([
    ['comment faire du passthrough gpu avec kvm ?', ['kvm']],
    ['vmware esxi vs hyper-v', ['vmware', 'esx', 'hyperv']],
    ['running xen nested inside VirtualBox', ['virtualbox']],
    ['Hyper V enlightenments for windows guests', ['hyperv']],
    ['modprobe kvm_intel nested=1 does nothing', ['kvm']],
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

  it.each([
    ['comment on fait un snapshot sous vmware workstation ?', true],
    ['proxmox backup of a running container', true],
    ['docker on dom0?', false],
    ['xen vs kvm, which one', false],
    ['import a vmware vmdk into an hvm guest', false],
    ['does 4.4 run under virtualbox', false],
    ['what is PVH?', false], // no other product either
  ])('GIVEN %j THEN about another product only: %s', (question, only) => {
    expect(aboutOtherProductOnly(question)).toBe(only);
  });
});
