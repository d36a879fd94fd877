// How the ranking reads names in a question: reference names written as settings (typos included), names
// in another word order, facts limited to a case the question does not name, and facts about an error the
// question does not show.
import { describe, expect, it } from 'vitest';
import { createAnswerEngine } from '../../src/answer/engine.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { asLookup, coverageDetail } from '../../src/search/coverage.ts';
import { namedReferences, writtenNames } from '../../src/search/named-references.ts';
import { commandShare, optionedCommandEntries, rank, writtenCommandEntries } from '../../src/search/rank.ts';
import { buildSearchIndex } from '../../src/search/search-index.ts';

const index = buildSearchIndex(loadKnowledge().facts);

describe('names written in a question', () => {
  it.each([
    ['boot="dc" meaning', ['boot']],
    // A quoted value is what was set, not what is asked about.
    ['extra="console=hvc0" on my hvm guest changes nothing', ['extra']],
    ["vif = [ 'bridge=xenbr0' ] and memory = 512", ['vif', 'memory']],
    ['iommu_inclusive_maping ça mappe quoi', ['iommu_inclusive_maping']],
    ['vif.default.script=vif-route in xl.conf', ['vif.default.script', 'xl.conf']],
    // A command in a sentence is the tool used more often than the subject: not read as a setting.
    ['xl mem-set refuses to go above maxmem', []],
    ['how much memory does dom0 need', []],
    ['e.g. 4.4 or 4.5', []],
  ])('GIVEN %j THEN reads %j, in order', (question, names) => {
    expect(writtenNames(question)).toEqual(names);
  });
});

describe('entries a written name finds', () => {
  it.each([
    ['boot="dc" meaning', 'cfg-boot', 1],
    ['vcpsu=4 default is 1 right?', 'cfg-vcpus', 0.8],
    ['dom0_max_vpcus=2 syntax ok?', 'boot-dom0-max-vcpus', 0.8],
    // Names after the first are context: they count half.
    ['e820_host=0 ignored when i have pci=', 'cfg-pci', 0.5],
  ])('GIVEN %j THEN finds %s with weight %d', (question, fact, weight) => {
    expect(namedReferences(index, question).get(fact)).toBe(weight);
  });

  it('GIVEN a name whose digits differ THEN finds nothing: hap_4gb is no typo of hap_1gb or hap_2mb', () => {
    expect([...namedReferences(index, 'hap_4gb=1').keys()]).toEqual([]);
  });

  it('GIVEN an excluded fact THEN never finds it', () => {
    expect(namedReferences(index, 'vcpus=4', new Set(['cfg-vcpus'])).has('cfg-vcpus')).toBe(false);
  });

  it('GIVEN a question that writes a key THEN the ranking puts its entry first', () => {
    for (const [question, fact] of [
      ['boot="dc" meaning', 'cfg-boot'],
      ['viridain=1 for windows 2012 r2', 'cfg-viridian'],
      ['script= dans une ligne disk, ça sert à quoi', 'disk-spec-script'],
    ] as const) {
      expect(rank(index, question).candidates[0]?.factId).toBe(fact);
    }
  });
});

describe('facts limited to a case', () => {
  it('GIVEN a general question THEN a fact limited to ARM ranks below the general fact that answers it', () => {
    const ids = rank(index, "what's new in xen 4.4").candidates.map((c) => c.factId);
    expect(ids.indexOf('xen-4-4-whats-new')).toBeLessThan(ids.indexOf('arm-whats-new-vs-4-3'));
  });

  it('GIVEN the same question naming ARM THEN the ARM fact comes first', () => {
    expect(rank(index, "what's new for arm in xen 4.4").candidates[0]?.factId).toBe('arm-whats-new-vs-4-3');
  });
});

describe('facts about an error message', () => {
  it('GIVEN a how-to question that shows no error THEN the task ranks above the error met while doing it', () => {
    expect(rank(index, '@here xl migrat over ssh on a non standard port, how').candidates[0]?.factId).toBe('xl-migrate');
  });

  it('GIVEN the error message pasted THEN its fact comes first', () => {
    expect(rank(index, '(XEN) Not enough RAM for DOM0 reservation').candidates[0]?.factId).toBe('error-xen-not-enough-ram-dom0-reservation');
  });
});

describe('xl commands a question writes', () => {
  it.each([
    ['xl destroy deletes the disk?', ['xl-destroy']],
    ['XL CPUPOOL-DESTROY rt fails', ['xl-cpupool-destroy']],
    // A misspelt command names nothing: the words still count, the entries do not give way.
    ['xl destory hangs', []],
    ['how do i destroy a guest', []],
  ])('GIVEN %j THEN finds the entries %j', (question, entries) => {
    expect([...writtenCommandEntries(index, question)]).toEqual(entries);
  });

  it('GIVEN one command written THEN only the entries of other commands give way', () => {
    const written = writtenCommandEntries(index, 'xl list columns meaning');
    expect(commandShare(index, written, 'xl-vcpu-list')).toBeLessThan(1);
    expect(commandShare(index, written, 'xl-list')).toBe(1);
    expect(commandShare(index, written, 'dom0-memory-sizing')).toBe(1); // not an entry of a command
    expect(commandShare(index, new Set(), 'xl-vcpu-list')).toBe(1); // no command written
  });

  it.each([
    ['xl console -t serial vs -t pv ?', ['xl-console']],
    ['xl dmesg --clear marche pas ?', ['xl-dmesg']],
    // Without options the command is more often the tool the asker used than the subject.
    ['xl console hangs on my hvm guest', []],
    // A dash in a sentence is not an option.
    ['xl list - what do the columns mean', []],
  ])('GIVEN %j THEN the commands written with options are %j', (question, entries) => {
    expect([...optionedCommandEntries(index, question)]).toEqual(entries);
  });

  it('GIVEN a command written with its options THEN its entry ranks first', () => {
    expect(rank(index, 'xl console -t serial vs -t pv ?').candidates[0]?.factId).toBe('xl-console');
  });
});

describe('names in another word order', () => {
  it('GIVEN a fact\'s name with its words reordered THEN that fact ranks first', () => {
    expect(rank(index, "c'est quoi les event channels fifo ?").candidates[0]?.factId).toBe('fifo-event-channels');
  });

  it('GIVEN a fact\'s name with its words reordered THEN it is that name, as sure as the name itself', () => {
    expect(rank(index, 'c quoi les event channels fifo').exact).toBe('fifo-event-channels');
  });
});

describe('names read through the question around them', () => {
  it.each([
    // The name is "Xen 4.4 release date"; the question drops "Xen".
    ['4.4 release date', 'xen-4-4-release-date'],
    // The name is "4.4 highlights"; the question adds "Xen".
    ['xen 4.4 highlights?', 'xen-4-4-whats-new'],
    // A task asked as a question is the task's name.
    ['how do I convert pv guest to hvm?', 'convert-pv-to-hvm'],
    ['comment passer une vm de pv à hvm ?', 'convert-pv-to-hvm'],
    ["what's the best way to convert pv guest to hvm?", 'convert-pv-to-hvm'],
    ['comment je fais pour passer une vm de pv à hvm', 'convert-pv-to-hvm'],
    // Misspelt words, a misspelt function word, and both in another order.
    ['fifo event chanels ??', 'fifo-event-channels'],
    ['xen 4.4 relase date', 'xen-4-4-release-date'],
    ['whne was xen 4.4 relesed', 'xen-4-4-release-date'],
    ['evnt chanells fifo', 'fifo-event-channels'],
  ])('GIVEN %j THEN it is the name of %s', (question, fact) => {
    expect(rank(index, question).exact).toBe(fact);
  });

  it('GIVEN one misspelt word THEN it is a guess, not a name', () => {
    expect(rank(index, 'kexce').exact).toBeUndefined();
  });
});

describe('names read as a bag of words', () => {
  it.each([
    // The alias is "quand est sortie la 4.4": other word order, "sorti" for "sortie", "xen" for "la".
    ['quand est sorti xen 4.4', 'xen-4-4-release-date'],
    ['qd est sorti xen 4.4', 'xen-4-4-release-date'],
    // The title's main clause, before its colon: "Cloning a guest with xl: copy the disks and the config, then …".
    ['xl guest cloning', 'clone-guest'],
  ])('GIVEN %j THEN it is the name of %s', (question, fact) => {
    expect(rank(index, question).exact).toBe(fact);
  });

  it('GIVEN the words of a task and of a problem with it THEN the denial says which', () => {
    // Same words as the alias "start a PVH guest", but it denies, as the title "PVH guest will not start: …" does.
    expect(rank(index, "my pvh guest won't even start").exact).toBe('pvh-troubleshooting');
    expect(rank(index, 'start a pvh guest').exact).toBe('enable-pvh');
  });

  it.each([
    // Same words as "who shipped xen 4.4", but not the same question.
    'what shipped right before 4.4',
  ])('GIVEN %j THEN it is no name', (question) => {
    expect(rank(index, question).exact).toBeUndefined();
  });

  it('GIVEN a sentence cut from a longer message THEN its words are not read as a name', () => {
    expect(rank(index, 'quand est sorti xen 4.4', { excerpt: true }).exact).toBeUndefined();
  });
});

describe('a name asked in one sentence of a message', () => {
  it('GIVEN a question naming a fact, then a sentence of context THEN it is that name', () => {
    expect(rank(index, "comment passer une vm de pv à hvm ? c'est un vieux centos 5").exact).toBe('convert-pv-to-hvm');
  });

  it('GIVEN two questions naming two facts THEN neither is the answer outright', () => {
    expect(rank(index, "c'est quoi pvh ? et c'est quoi xenstore ?").exact).toBeUndefined();
  });
});

describe('a name asked about with "support"', () => {
  it('GIVEN "<name> support?" THEN it is that name', () => {
    expect(rank(index, 'omap5 support?').exact).toBe('arm-platform-omap5');
  });
});

describe('the frame of a lookup', () => {
  // "default value" is asked of every setting: once the question writes one out, those words must not make its
  // entry look like a poor match (the answer decision reads coverage with them lightened).
  it.each([
    ['guest_loglvl default value', 'boot-guest-loglvl'],
    ['option de boot numa= valeurs possibles', 'boot-numa'],
  ])('GIVEN %j THEN the entry covers more of the question read as a lookup', (question, fact) => {
    const ranking = rank(index, question);
    expect(ranking.candidates[0]?.factId).toBe(fact);
    expect(coverageDetail(index, asLookup(ranking.groups), fact).names).toBeGreaterThan(coverageDetail(index, ranking.groups, fact).names + 0.2);
  });

  it('GIVEN words that are not the frame THEN they keep their weight', () => {
    const groups = rank(index, 'dom0_mem balloon memory').groups;
    expect(asLookup(groups).map((g) => g.weight)).toEqual(groups.map((g) => g.weight));
  });

  it('GIVEN a lookup question THEN it is answered with its entry', () => {
    const engine = createAnswerEngine(loadKnowledge());
    expect(engine.answer('guest_loglvl default value')).toMatchObject({ status: 'answered', answer: { id: 'boot-guest-loglvl' } });
  });
});
