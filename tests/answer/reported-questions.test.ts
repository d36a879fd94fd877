// Questions users reported answered wrongly or not at all (issues 10 and 11), on the shipped base: each stays fixed.
import { describe, expect, it } from 'vitest';
import { createAnswerEngine } from '../../src/answer/engine.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';

const engine = createAnswerEngine(loadKnowledge());

describe('questions reported by users', () => {
  it.each([
    ['How much memory does dom0 need?', 'dom0-memory-sizing'],
    ['How do I live migrate a guest with xl?', 'xl-migrate'],
    ['What is Remus and does 4.4 support it?', 'xl-remus'],
    ['release date of xen 4.4', 'xen-4-4-release-date'],
    ['which CPU schedulers ship with it?', 'schedulers'],
    ['xl migrate', 'xl-migrate'],
    ['dom0_mem', 'boot-dom0-mem'],
    ['gfx_passthru', 'cfg-gfx-passthru'],
    ['block-attach', 'xl-block-attach'],
    ['xendomains', 'hotplug-xendomains'],
    ['vif-route', 'hotplug-vif-route'],
    ['credit weight cap', 'credit-weight-cap'],
  ])('GIVEN %j THEN answers with %s', (question, fact) => {
    const answer = engine.answer(question);
    expect({ status: answer.status, fact: answer.answer?.id }).toEqual({ status: 'answered', fact });
  });

  it('GIVEN a pasted Xen message amid words the base never uses THEN it is still in scope, and answered', () => {
    const question = '# xl dmesg | grep -i virt\n(XEN) I/O virtualisation disabled\n\nso no passthrough for me? board is a supermicro X9SCM with a xeon e3';
    const answer = engine.answer(question);
    expect({ status: answer.status, fact: answer.answer?.id }).toEqual({ status: 'answered', fact: 'error-xen-io-virtualisation-disabled' });
  });

  it('GIVEN a general question about dom0 memory THEN never answers with an ARM-only fact', () => {
    for (const question of ['How much memory does dom0 need?', 'how much ram should I give dom0', 'dom0 memory size?']) {
      const answer = engine.answer(question);
      expect(answer.answer?.id ?? '').not.toMatch(/^arm-/);
    }
  });

  it.each([
    ['What is the FIFO event channel ABI?', 'fifo-event-channels'],
    ['Quand Xen 4.4 est-il sorti ?', 'xen-4-4-release-date'],
  ])('GIVEN %j THEN the right fact %s comes first, answered or offered first', (question, fact) => {
    const answer = engine.answer(question);
    expect(answer.answer?.id ?? answer.suggestions[0]?.id).toBe(fact);
  });

  it.each(["What's new in Xen 4.19?", 'Quoi de neuf dans Xen 4.18 ?', "What is Xen 4.17's Arm SVE support?"])(
    'GIVEN a later release asked about (%j) THEN answers nothing about 4.4 in its place',
    (question) => {
      expect(engine.answer(question).status).not.toBe('answered');
    },
  );

  it('GIVEN a whole error message pasted THEN answers with the fact that explains it, however little else the paste says', () => {
    const answer = engine.answer('(XEN) Xen BUG at sched_credit.c:....');
    expect({ status: answer.status, fact: answer.answer?.id }).toEqual({ status: 'answered', fact: 'xen-bug-warn-assert' });
  });

  it.each(['bonjour, ça va ?', 'salut ça va ? 🙂', 'hey how are you', 'u there?'])('GIVEN the greeting %j THEN offers no fact', (greeting) => {
    expect(engine.answer(greeting)).toMatchObject({ status: 'unknown', answer: null });
  });

  it.each(['whats 2+2', '42 ?'])('GIVEN bare numbers (%j) THEN says it does not know, where a fact writing the number matched', (question) => {
    expect(engine.answer(question)).toMatchObject({ status: 'unknown', answer: null });
  });

  it.each(['can I grow a vmdk on esxi while the vm runs?', 'how do I snapshot a vm in vmware workstation?'])(
    'GIVEN a question about another product that names nothing of Xen (%j) THEN says it does not know, though a fact mentions the product',
    (question) => {
      expect(engine.answer(question)).toMatchObject({ status: 'unknown', answer: null });
    },
  );

  it('GIVEN the same product with Xen named THEN the fact that mentions it is still found', () => {
    expect(engine.answer('convert a vmware vmdk for a xen hvm guest').status).not.toBe('unknown');
  });

  it('GIVEN a question that names ARM THEN the fact limited to ARM comes before a general one that matches as well', () => {
    const answer = engine.answer("xl save marche pas sur arm, c'est normal ?");
    expect({ status: answer.status, fact: answer.answer?.id }).toEqual({ status: 'answered', fact: 'arm-no-migration' });
    expect(engine.examine('my arm domU dies when I give it 1024 megs of memory, why?').ranking.candidates[0]?.factId).toBe('arm-guest-memory-over-768mb');
  });
});
