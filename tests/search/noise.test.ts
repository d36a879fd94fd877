import { describe, expect, it } from 'vitest';
import { withoutChatNoise } from '../../src/search/noise.ts';

describe('chat noise around a question', () => {
  it.each([
    ['hello', ''],
    ['thanks!', ''],
    ['bonjour tout le monde', ''],
    ['merci d’avance', ''],
    ["merci beaucoup pour l'aide !", ''],
    ['thanks for your help!', ''],
    ['Hi all, how do I migrate a guest? thanks in advance', 'how do I migrate a guest?'],
    ['<@123456789012345678> What is the FIFO event channel ABI? @everyone @here', 'What is the FIFO event channel ABI?'],
    ['**what is pvh?** 🙂', 'what is pvh?'],
    ['> is xend still there', 'is xend still there'],
    ['hey guys quick question: is credit2 stable?', 'is credit2 stable?'],
    ['noob question: what is an event channel', 'what is an event channel'],
    ["question de noob : c'est quoi xenstore", "c'est quoi xenstore"],
    ['question bête: c koi pvh', 'c koi pvh'],
    ['Bonjour, quand Xen 4.4 est-il sorti ? merci', 'quand Xen 4.4 est-il sorti?'],
    ['what is `max_event_channels`?', 'what is max_event_channels ?'],
    ['see [the notes](https://example.org/x) please', 'see the notes'],
    ['xend :)', 'xend'],
    ['is credit2 stable ;-) <3', 'is credit2 stable'],
    ['> > what is the last 4.4 point release?', 'what is the last 4.4 point release?'],
    ['salut à tous > c’est quoi PVH ?', 'c’est quoi PVH ?'],
    ['<@!123456789012345678>, c’est quoi la désagrégation ?', 'c’est quoi la désagrégation ?'],
    ['<@!123456789012345678>, > What is a domU? @everyone @here', 'What is a domU?'],
    ['salut à tous > bonjour tout le monde @everyone @here', ''],
    // A hedge at the end is chat too: "gros" is not a word of the question.
    ["c'est quoi le dom0 en gros ?", "c'est quoi le dom0?"],
    ['what is libxl in a nutshell', 'what is libxl'],
    ['xen vs kvm en deux mots ?', 'xen vs kvm?'],
    ['quick q: le fichier xl.conf sert à quoi ?', 'le fichier xl.conf sert à quoi ?'],
    ['whats new in xen 4.4 tl;dr', 'whats new in xen 4.4'],
    ['tl;dr what\'s new in 4.4', 'what\'s new in 4.4'],
    ['comment on sort de la console xl mdr', 'comment on sort de la console xl'],
    ["on tourne encore en 4.4, c'est grave ?", 'on tourne encore en 4.4?'],
    // A hedge set off by a comma inside the question is chat too.
    ['diff entre 4.3 et 4.4 en gros, je dois changer quoi', 'diff entre 4.3 et 4.4 je dois changer quoi'],
    ['en gros, pvh c quoi', 'pvh c quoi'],
    ['vendre en gros des serveurs', 'vendre en gros des serveurs'],
    // Tag questions: the question is what comes before them.
    ['4.4 has pvh dom0, right?', '4.4 has pvh dom0?'],
    ['4.4 c une LTS non ?', '4.4 c une LTS?'],
    ["xend est déprécié en 4.4, n'est-ce pas ?", 'xend est déprécié en 4.4?'],
    ['credit2 is the default in 4.4 or not', 'credit2 is the default in 4.4'],
    // Thanks for a fix asks nothing.
    ['thanks that fixed it!!', ''],
    ['merci beaucoup ça marche !', ''],
    ['le pvh sur amd ça marche ?', 'le pvh sur amd ça marche ?'],
  ])('GIVEN %j THEN the question left is %j', (input, expected) => {
    expect(withoutChatNoise(input)).toBe(expected);
  });

  it('GIVEN a pasted error in a code fence THEN keeps the log line whole, file:line:function included', () => {
    const log = 'libxl: error: libxl_bootloader.c:628:bootloader_finished: bootloader failed - consult logfile /var/log/xen/bootloader.7.log';
    expect(withoutChatNoise(`\`\`\`\n${log}\n\`\`\``)).toBe(log);
  });

  it('GIVEN snake_case names and arithmetic THEN leaves them alone', () => {
    expect(withoutChatNoise('set dom0_mem and vif.default.bridge')).toBe('set dom0_mem and vif.default.bridge');
    expect(withoutChatNoise('xl vcpu-pin 3 all 2-3')).toBe('xl vcpu-pin 3 all 2-3');
  });
});
