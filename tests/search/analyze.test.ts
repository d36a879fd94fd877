import { describe, expect, it } from 'vitest';
import { analyze, collectingStems, stems } from '../../src/search/analyze.ts';
import { coverage, weighGroups } from '../../src/search/coverage.ts';
import { editDistance } from '../../src/search/edit-distance.ts';
import { correctGroup } from '../../src/search/spelling.ts';
import { stripQuestionFrame, withoutVersionTail } from '../../src/search/question-frame.ts';
import { isStopWord, stopWordMisspelt } from '../../src/search/stopwords.ts';
import { nameKey } from '../../src/text/fold.ts';
import { fixtureEngine } from '../helpers/knowledge.ts';

const surfaces = (text: string, forQuery = true) => analyze(text, { forQuery }).map((g) => g.surface);
const allTerms = (text: string) => [...new Set(analyze(text).flatMap((g) => g.terms))].sort();

describe('normalising text for search', () => {
  it('folds case and accents so French and unaccented spellings meet', () => {
    expect(allTerms('ÉVÉNEMENTS')).toEqual(allTerms('événements'));
    // Stemming the accented word yields one more term; every unaccented term is still among them.
    expect(allTerms('événements')).toEqual(expect.arrayContaining(allTerms('evenements')));
  });

  it('stems a French participle typed without its accent as the accented one', () => {
    expect(allTerms('supportees')).toEqual(allTerms('supportées'));
    expect(allTerms('activee')).toEqual(allTerms('activée'));
  });

  it('gives English and French words their common stem', () => {
    expect(stems('affinity')).toContain('affin');
    expect(stems('affinité')).toContain('affin');
  });

  it('strips French elisions and English contractions', () => {
    expect(surfaces("qu'est-ce que l'ABI d'événements")).toEqual(['abi', 'événements']);
    expect(surfaces("what's PVH and doesn't it need HAP?")).toEqual(['pvh', 'hap']);
  });

  it('keeps version numbers whole and drops "xen 4.4" from questions only', () => {
    expect(surfaces('Xen 4.4 with Linux 3.14 vs 4.19')).toEqual(['linux', '3.14', '4.19']);
    expect(surfaces('Xen 4.4', false)).toEqual(['xen', '4.4']);
  });

  it('indexes compounds joined and split, so 64-bit, 64bit and 64 bit meet', () => {
    const [compound] = analyze('64-bit');
    expect(compound?.terms).toEqual(expect.arrayContaining(['64bit', '64', 'bit']));
    expect(analyze('x86_64')[0]?.words).toEqual(expect.arrayContaining(['x86', '64', 'x8664']));
  });

  it('drops function words of both languages', () => {
    expect(surfaces('how do I enable it?')).toEqual(['enable']);
    expect(surfaces('comment est-ce que je peux activer ça ?')).toEqual(['activer']);
  });

  it('drops chat spellings of function words and hedges, which would otherwise weigh as the rarest words', () => {
    expect(surfaces('waht is teh new event chanel abi')).toEqual(['new', 'event', 'chanel', 'abi']);
    expect(surfaces('pk ca veut dire quoi concrètement, fifo')).toEqual(['fifo']);
    expect(surfaces("it won't boot, and couldn't start pourtant")).toEqual(['boot', 'start']);
    expect(surfaces('ça tourne sur cubieboard ?')).toEqual(['cubieboard']);
    // Intensifiers and "always/never": chat, not a subject ("xl block-detach just hangs forever").
    expect(surfaces('xl block-detach just hangs forever')).toEqual(['xl', 'block-detach', 'hangs']);
    expect(surfaces('ça plante complètement, jamais vu ça')).toEqual(['plante', 'vu']);
    // Filler that weighed as rare words ("getting 4.4 out the door", "y'avait combien de commits").
    expect(surfaces("since it's lts we're fine getting updates, right?")).toEqual(['lts', 'updates']);
    expect(surfaces("y'avait combien de commits")).toEqual(['commits']);
    // "how often" asks for a frequency: "often" stays.
    expect(surfaces('how often are point releases made')).toContain('often');
  });

  it('treats control characters and zero-width spaces as separators', () => {
    expect(surfaces('pvh\u0000mode\u200bfifo\u0007')).toEqual(['pvh', 'mode', 'fifo']);
  });

  it('applies the glossary both ways: a VM is a guest', () => {
    expect(analyze('VMs')[0]?.terms).toContain('guest');
    expect(analyze('domU')[0]?.terms).toContain('guest');
    // In chat a machine is a box: "live migrate a guest to another box".
    expect(analyze('box')[0]?.terms).toContain('host');
  });

  it('stops after the group limit on huge input', () => {
    const words = Array.from({ length: 10_000 }, (_, i) => `word${i}`).join(' ');
    expect(analyze(words, { maxGroups: 48 })).toHaveLength(48);
  });
});

describe('name keys and question frames', () => {
  it('compares names without case, accents, spaces or punctuation, keeping versions', () => {
    expect(nameKey('PV-on-HVM')).toBe(nameKey('pv on hvm'));
    expect(nameKey('P.V.H')).toBe('pvh');
    expect(nameKey('Nœud NUMA')).toBe(nameKey('noeud numa'));
    expect(nameKey('Xen 4.4')).toBe('xen4.4');
    expect(nameKey('Nested virtualisation')).toBe(nameKey('nested virtualization'));
  });

  it('strips the question around a name in both languages', () => {
    expect(stripQuestionFrame('What is PVH?')).toBe('pvh');
    expect(stripQuestionFrame("Qu'est-ce que le mode PVH ?")).toBe('mode pvh');
    expect(stripQuestionFrame('tell me about xl devd in Xen 4.4')).toBe('xl devd');
    expect(stripQuestionFrame("c'est quoi les canaux d'événements ?")).toBe("canaux d'evenements");
    // Chat spellings of "c'est quoi", before or after the name.
    expect(stripQuestionFrame('c koi dom0')).toBe('dom0');
    expect(stripQuestionFrame('kesako xenstore ?')).toBe('xenstore');
    expect(stripQuestionFrame('evnt chanells fifo c koi')).toBe('evnt chanells fifo');
    // Hedges after the frame: "libxl c'est quoi concrètement ?" asks for the name libxl.
    expect(stripQuestionFrame("libxl c'est quoi concrètement ?")).toBe('libxl');
    expect(stripQuestionFrame('what is libxl exactly?')).toBe('libxl');
    expect(stripQuestionFrame('why does xen need qemu at all')).toBe('why does xen need qemu');
    // The purpose asked after the name: "xenstore ça sert à quoi ?" asks for the name xenstore.
    expect(stripQuestionFrame('xenstore ca sert a quoi ?')).toBe('xenstore');
    expect(stripQuestionFrame('les cpupools servent à quoi')).toBe('cpupools');
  });

  it('strips what a reference lookup asks for around a short name, and only there', () => {
    expect(stripQuestionFrame('dom0_mem syntax')).toBe('dom0_mem');
    expect(stripQuestionFrame('xl vtpm-attach what args')).toBe('xl vtpm-attach');
    expect(stripQuestionFrame('when exactly did xen 4.4 come out?')).toBe('when did xen 4.4 come out');
    expect(stripQuestionFrame("what's this PVH thing?")).toBe('pvh');
    expect(stripQuestionFrame('wat is pvh')).toBe('pvh');
    expect(stripQuestionFrame("c'est quoi ce truc xenstore")).toBe('xenstore');
    expect(stripQuestionFrame('xl migrate quelles options ?')).toBe('xl migrate');
    expect(stripQuestionFrame('crashkernel option syntax?')).toBe('crashkernel');
    expect(stripQuestionFrame('the syntax of xl migrate')).toBe('xl migrate');
    expect(stripQuestionFrame('syntaxe de xl vcpu-pin')).toBe('xl vcpu-pin');
    expect(stripQuestionFrame('what does vcpus do?')).toBe('vcpus');
    expect(stripQuestionFrame('is xsm flask enabled by default in 4.4?')).toBe('is xsm flask enabled by default');
    expect(stripQuestionFrame('how do I pass extra options')).toBe('pass extra options');
    expect(stripQuestionFrame("c'est quoi un cpupool et ça sert à quoi")).toBe('cpupool');
    expect(stripQuestionFrame("fifo event channels, what's that and why should i care")).toBe('fifo event channels');
    // The values a setting takes: "what values does iommu= take" looks up iommu=.
    expect(stripQuestionFrame('what values does iommu= take?')).toBe('iommu=');
    expect(stripQuestionFrame('iommu= values')).toBe('iommu=');
    expect(stripQuestionFrame('valid values for dom0_mem')).toBe('dom0_mem');
    expect(stripQuestionFrame('quelles valeurs prend iommu ?')).toBe('iommu');
    expect(stripQuestionFrame('valeurs possibles de sched=')).toBe('sched=');
    // What the task is for: "… so i can run hyper-v in a guest" is context, the task is the name.
    expect(stripQuestionFrame('how to enable nested hvm so i can run hyper-v inside a windows guest')).toBe('enable nested hvm');
    expect(stripQuestionFrame('comment activer nested hvm pour pouvoir lancer hyper-v')).toBe('activer nested hvm');
  });

  it.each([
    'xenstore, what is it?',
    'anyone know what xenstore is?',
    'can someone explain xenstore',
    'tell me more about xenstore',
    'xenstore?? anyone',
    'need help with xenstore',
    'une question sur xenstore',
    "qqn peut m'expliquer xenstore",
    'xenstore in a nutshell',
    'what is xenstore used for',
    'how does xenstore work',
    'comment fonctionne xenstore',
    'à quoi ça sert xenstore',
    "c'est quoi l'intérêt de xenstore",
    "qu'est-ce que c'est que xenstore",
    "xenstore, c'est quoi ce truc ?",
    'tu peux m\'expliquer xenstore',
    "what's the point of xenstore",
    'what is xenstore good for',
  ])('strips the ways chat asks about a name: %j', (question) => {
    expect(stripQuestionFrame(question)).toBe('xenstore');
  });

  it.each([
    ['does xen 4.4 support pvh?', 'pvh'],
    ['is nested virtualization supported in 4.4?', 'nested virtualization'],
    ['la 4.4 supporte uefi ?', 'uefi'],
    ['is cachesize still supported in xen 4.4', 'cachesize'],
  ])('strips the frame of a support question: %j', (question, name) => {
    expect(stripQuestionFrame(question)).toBe(name);
  });

  it('strips the tail of a comparison or a "which ones", so the names before it can match exactly', () => {
    expect(stripQuestionFrame('xen vs kvm, which one and why')).toBe('xen vs kvm');
    expect(stripQuestionFrame('pvh ou pvhvm, lequel choisir ?')).toBe('pvh ou pvhvm');
    expect(stripQuestionFrame("pvh vs pvhvm, c'est pas la même chose ?")).toBe('pvh vs pvhvm');
    expect(stripQuestionFrame("les nouvelles options xl.cfg c'est lesquelles ?")).toBe('nouvelles options xl.cfg');
    expect(withoutVersionTail('nouvelles options xl.cfg de la 4.4')).toBe('nouvelles options xl.cfg');
    // Only as a tail: a question about the thing itself keeps its words.
    expect(stripQuestionFrame('which one is the default scheduler')).toBe('which one is the default scheduler');
  });

  it('splits French inversions, so "fonctionne-t-il" is a word and a pronoun, not a compound', () => {
    expect(analyze('xend fonctionne-t-il encore ?', { forQuery: true }).map((g) => g.surface)).toEqual(['xend']);
    expect(analyze('peut-on migrer', { forQuery: true }).map((g) => g.surface)).toEqual(['migrer']);
    expect(analyze('PV-on-HVM', { forQuery: true })[0]?.words).toContain('pvonhvm');
  });

  it('drops ordinals from a question ("2e", "3rd", "deuxième"), not numbers or versions', () => {
    expect(surfaces('ajouter une 2e interface')).toEqual(['ajouter', 'interface']);
    expect(surfaces('boot the 3rd entry')).toEqual(['boot', 'entry']);
    expect(surfaces('la deuxième carte réseau')).toEqual(['carte', 'réseau']);
    expect(surfaces('com2 and 4.4.1')).toEqual(['com2', '4.4.1']);
  });

  it('drops chat words and chat spellings of French ("lol", "qd", "jpeux"), which weighed most as unknown words', () => {
    expect(surfaces('now xl info says sedf lol why')).toEqual(['xl', 'info', 'sedf']);
    expect(surfaces('je peux l’utiliser qd meme ?')).toEqual(['utiliser']);
    expect(surfaces('genre jpeux faire du hot-plug')).toEqual(['hot-plug']);
    expect(surfaces('la doc dit que credit2 est expérimental')).toEqual(['doc', 'credit2', 'expérimental']);
  });

  it('drops the asker\'s asides: a tag question, "till", "u", and French "j\'ai mis", "ça change rien"', () => {
    expect(surfaces('credit2 is experimental right? till when')).toEqual(['credit2', 'experimental']);
    expect(surfaces('u there?')).toEqual([]);
    expect(surfaces("j'ai mis maxvcpus=8 mais ça change rien")).toEqual(['maxvcpus', '8', 'change']);
    // Chat filler the base never writes: read as words it never uses, they made a question look off-topic.
    expect(surfaces('whats new in 4.4, quick list pls')).toEqual(['new', 'list']);
    expect(surfaces('ordonnanceurs dispo dans xen 4.4 ?')).toEqual(['ordonnanceurs']);
    expect(surfaces('pvhvm vs hvm whats the diff')).toEqual(['pvhvm', 'hvm']);
  });

  it('drops French "car" (because) from the index: the French stem of "care" is "car", which found every French text', () => {
    expect(isStopWord('car', false)).toBe(true);
    expect(surfaces('fifo, why should i care')).toEqual(['fifo']);
  });

  it('knows a misspelt function word: a letter lost, added, changed or two swapped, four letters and more only', () => {
    for (const [typo, word] of [['shoud', 'should'], ['shoulld', 'should'], ['becuase', 'because'], ['abuot', 'about'], ['pourqoi', 'pourquoi'], ['whne', 'when']] as const) {
      expect(stopWordMisspelt(typo), typo).toBe(word);
    }
    for (const word of ['memory', 'bridge', 'vm', 'dom0', 'pvh', 'xend', 'credit2']) expect(stopWordMisspelt(word), word).toBeUndefined();
  });

  it('reads chat short forms as the words the base writes out ("prod", "ppl", "sécu")', () => {
    expect(analyze('prod', { forQuery: true })[0]?.words).toContain('production');
    expect(analyze('ppl', { forQuery: true })[0]?.words).toContain('people');
    expect(analyze('sécu', { forQuery: true })[0]?.words).toContain('securite');
  });

  it('reads "domUs" as a guest, as it reads "domU"', () => {
    expect(analyze('domUs', { forQuery: true })[0]?.terms).toContain('guest');
  });
});

describe('edit distance', () => {
  it('counts a transposition as one edit', () => {
    expect(editDistance('mdoe', 'mode', 2)).toBe(1);
    expect(editDistance('evnet', 'event', 2)).toBe(1);
  });

  it('stops early past the limit', () => {
    expect(editDistance('kvm', 'virtualization', 1)).toBe(2);
  });
});

describe('spelling correction', () => {
  it('corrects an inflected typo through its stem when no written form is within reach ("chanelles" is "channel")', () => {
    const engine = fixtureEngine();
    expect(engine.index.vocabulary.near('chanelles', 2)).toEqual([]);
    expect(correctGroup(engine.index, analyze('chanelles', { forQuery: true })[0]!).terms).toContain('channel');
  });
});

describe('coverage of a question by a fact', () => {
  it('treats a plural and its glossary canonical as one word, not as a compound', () => {
    const engine = fixtureEngine();
    // "guests" also carries the glossary word "guest"; the FIFO fact says "guest" only in the singular.
    const question = weighGroups(engine.index, analyze('guests', { forQuery: true }));
    expect(analyze('guests')[0]?.compound).toBeUndefined();
    expect(coverage(engine.index, question, 'fifo-event-channels')).toBeGreaterThan(0);
  });

  it('weighs a quantity ("4gb", "2h") a fraction of a word: how much, not what about', () => {
    const engine = fixtureEngine();
    const [clock, hours] = weighGroups(engine.index, analyze('clock 2h', { forQuery: true }));
    expect(hours!.weight).toBeLessThan(clock!.weight / 2);
  });

  it("weighs a product's release (\"xenserver 6.5\") as a word, but not a size, an address, a Linux or a Xen release", () => {
    const engine = fixtureEngine();
    const weightOf = (question: string, surface: string) => {
      const groups = weighGroups(engine.index, analyze(question, { forQuery: true }));
      return groups.find((g) => g.group.surface === surface)!.weight;
    };
    const release = weightOf('xenserver 6.5 is based on which xen', '6.5');
    expect(release).toBeGreaterThan(weightOf('give dom0 6.5 gb', '6.5') * 2);
    expect(release).toBeGreaterThan(weightOf('old 6.5 kernel', '6.5') * 2);
    expect(release).toBeGreaterThan(weightOf('linux 6.5 domu', '6.5') * 2);
    expect(weightOf('usb 003.004 device', '003.004')).toBeLessThan(weightOf('usb 3.4 device', '3.4') / 2);
    expect(weightOf('features of xen 4.6', '4.6')).toBeLessThan(weightOf('features of centos 7.6', '7.6') / 2);
  });

  it('needs every part of a compound, not one shared half', () => {
    const engine = fixtureEngine();
    expect(analyze('pvh-mode')[0]?.compound).toEqual({ parts: ['pvh', 'mode'], joined: 'pvhmode' });
    expect(coverage(engine.index, weighGroups(engine.index, analyze('pvh-mode', { forQuery: true })), 'pvh-guests')).toBe(1);
    expect(coverage(engine.index, weighGroups(engine.index, analyze('pvh-quantum', { forQuery: true })), 'pvh-guests')).toBe(0);
  });
});

describe('the stems a snapshot keeps', () => {
  it('GIVEN words analysed before, and again under two collectors in turn THEN each collector sees every word once analysed', () => {
    const text = 'Grant tables et canaux fonctionnels';
    analyze(text); // cached outside any collector
    const words = ['grant', 'tables', 'canaux', 'fonctionnels'];
    for (let round = 0; round < 2; round++) {
      const { stems: collected } = collectingStems(() => {
        analyze(text);
        analyze(text);
      });
      expect(collected.map(([word]) => word)).toEqual(expect.arrayContaining(words));
      for (const [word, found] of collected) expect(found).toEqual(stems(word));
    }
  });

  it('GIVEN a collector inside another THEN the outer one sees what the inner one saw', () => {
    const { result: inner, stems: outer } = collectingStems(() => collectingStems(() => analyze('hypercalls émulés')).stems);
    expect(inner.map(([word]) => word)).toEqual(expect.arrayContaining(['hypercalls']));
    expect(outer.map(([word]) => word)).toEqual(inner.map(([word]) => word));
  });
});
