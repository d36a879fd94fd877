import { describe, expect, it } from 'vitest';
import { questionIntents } from '../../src/search/intent.ts';

describe('the kind of question asked', () => {
  it.each([
    ['When was Xen 4.4 released?', 'date'],
    ['Quand Xen 4.4 est-il sorti ?', 'date'],
    ["c'était quand la sortie de xen 4.4 ?", 'date'],
    ['How many event channels can a guest have?', 'limit'],
    ['combien de vCPU max pour un invité', 'limit'],
    ['Who wrote FIFO event channels?', 'person'],
    ['qui maintient la branche stable-4.4', 'person'],
    ['How do I live migrate a guest with xl?', 'how-to'],
    ['comment je limite la mémoire du dom0', 'how-to'],
    ['coment limiter la ram du dom0 ?', 'how-to'], // a typo of « comment » still asks how
    ['pin vcpus of my db guest to cores 4-7, how?', 'how-to'], // "how" asked at the end of the sentence
    ['point a guest disk at a driver domain how', 'how-to'],
    ['Does 4.4 support UEFI on ARM?', 'support'],
    ['peut-on booter en UEFI ?', 'support'],
    ['libxl: error: libxl_create.c:1034: cannot make domain: -3', 'error'],
    ['(XEN) Panic on CPU 0:', 'error'],
    ["What is PVH?", 'definition'],
    ["c'est quoi xenstore", 'definition'],
    ['xenstore ça sert à quoi ?', 'definition'],
    ['credit vs credit2', 'comparison'],
    ['should i leave autoballoon on or give dom0 a fixed amount of ram', 'comparison'],
    ['why FIFO and not 3-level event channels', 'reason'],
    ['is credit2 stable in 4.4', 'status'],
    ['xend fonctionne-t-il encore ?', 'status'],
    ['is xend still around', 'status'],
    ['which schedulers are available', 'list'],
    ['dom0_mem', 'reference'],
    ['xl migrate', 'reference'],
    ['vif.default.bridge', 'reference'],
  ] as const)('GIVEN %j THEN reads %s', (question, intent) => {
    expect([...questionIntents(question)]).toContain(intent);
  });

  it.each(['should i disable autoballoon when using dom0_mem', 'when i start a guest xl hangs', 'quand je lance la vm, ça plante'])(
    'GIVEN "when" opening a condition (%j) THEN reads no date question',
    (question) => {
      expect([...questionIntents(question)]).not.toContain('date');
    },
  );

  it.each(['how xl chooses the bridge is a mystery', 'somehow the guest lost its network'])('GIVEN "how" inside a sentence (%j) THEN reads no how-to', (question) => {
    expect([...questionIntents(question)]).not.toContain('how-to');
  });

  it('GIVEN a bare topic THEN reads no kind at all', () => {
    expect([...questionIntents('FIFO event channels')]).toEqual([]);
  });
});
