import { describe, expect, it } from 'vitest';
import { otherXenVersions, releaseOf } from '../../src/search/versions.ts';

describe('Xen versions other than 4.4 named in a question', () => {
  it.each([
    ["What's new in Xen 4.19?", ['4.19']],
    ['Quoi de neuf dans Xen 4.18 ?', ['4.18']],
    ['pourquoi xen4centos a lâché la 4.4 pour la 4.6 ?', ['4.6']],
    ["sles 12 c'est xen 4.4 ou 4.5 ?", ['4.5']],
    ['4.5 came out when, and 4.5.1?', ['4.5', '4.5.1']],
    ['my dom0 kernel is 4.19, xen 4.18 crashes', ['4.18']],
    // 4.4 and its point releases and candidates are the base's own subject.
    ['xen 4.4.2', []],
    ['RELEASE-4.4.1', []],
    ['4.4.0-rc3', []],
    // Other products' versions are not Xen's.
    ['linux 4.9 as dom0', []],
    ['qemu 4.2 with xen', []],
    ['ubuntu 14.04 ships xen 4.4', []],
    ['my dom0 kernel is 4.19, xen 4.4 crashes', []],
    ['linux 4.9 and 4.14 both fail', []],
    // Quantities are not releases.
    ['I gave dom0 4.5 GB of RAM', []],
    ['un cpu à 4.2 GHz', []],
    ['load at 4.12 %', []],
  ])('GIVEN %j THEN finds %j', (question, versions) => {
    expect(otherXenVersions(question)).toEqual(versions);
  });
});

describe('the release a version belongs to', () => {
  it('GIVEN a point release THEN gives its release; GIVEN a release THEN gives it back', () => {
    expect(releaseOf('4.5.1')).toBe('4.5');
    expect(releaseOf('4.18')).toBe('4.18');
  });
});
