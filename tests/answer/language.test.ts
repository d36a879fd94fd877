import { describe, expect, it } from 'vitest';
import { createAnswerEngine } from '../../src/answer/engine.ts';
import { detectLanguage } from '../../src/answer/language.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';

describe('detecting the language of a question', () => {
  it.each([
    "Qu'est-ce que le mode PVH ?",
    'Combien de machines virtuelles par serveur ?',
    'comment activer la virtualisation imbriquee',
    'Xen 4.4 gère-t-il les processeurs ARM 64 bits',
    "c'est quoi xl devd",
    'centos 7 xen4centos 4.4 dispo?', // chat French: "dispo", "pk", "jsp"
    'jpeux passer xl migrate qd meme?', // chat French the search drops as function words still says French
    'xl network-attach syntaxe',
  ])('GIVEN French "%s" THEN French', (q) => {
    expect(detectLanguage(q, 'en')).toBe('fr');
  });

  it.each(['What is PVH?', 'How many VMs can one host run now?', 'does 4.4 support soft affinity', 'is xend still available'])(
    'GIVEN English "%s" THEN English',
    (q) => {
      expect(detectLanguage(q, 'fr')).toBe('en');
    },
  );

  it('GIVEN a bare name THEN falls back to the caller’s language', () => {
    expect(detectLanguage('PVH', 'fr')).toBe('fr');
    expect(detectLanguage('xl devd', 'en')).toBe('en');
  });
});

describe('the language of a question that carries pasted text', () => {
  it('GIVEN French around a quoted English message THEN French', () => {
    expect(detectLanguage('"failed to free memory for the domain" au xl create, pourtant j\'ai 32G libres', 'en')).toBe('fr');
    expect(detectLanguage('xl -N (dry run) ça affiche quoi', 'en')).toBe('fr');
  });

  it('GIVEN the words of a pasted message THEN only the rest vote', () => {
    const pasted = new Set(['failed', 'to', 'free', 'memory', 'for', 'the', 'domain']);
    expect(detectLanguage('la vm démarre pas : failed to free memory for the domain', 'en', pasted)).toBe('fr');
    // Nothing but the message: it decides after all.
    expect(detectLanguage('failed to free memory for the domain', 'fr', pasted)).toBe('en');
  });

  it('GIVEN an English question quoting a message THEN English', () => {
    expect(detectLanguage('why does xl say "Unable to attach console" when the guest is running?', 'fr')).toBe('en');
  });
});

describe('the language of the reply to a pasted error', () => {
  const engine = createAnswerEngine(loadKnowledge());

  it('GIVEN a French question around an English message of the base THEN the reply is French', () => {
    const answer = engine.answer('la vm démarre pas : failed to free memory for the domain');
    expect(answer.language).toBe('fr');
  });

  it('GIVEN a paste followed by a French closing the chat filter drops ("des idées ?") THEN the reply is French', () => {
    const answer = engine.answer('/etc/init.d/xencommons start -> Starting C xenstored...Could not start xenstored   des idées ?');
    expect(answer.language).toBe('fr');
  });

  it('GIVEN a paste followed by " ??" and nothing else THEN the reply is not French for the space alone', () => {
    expect(engine.answer('xl create web1.cfg -> Neither kernel nor bootloader specified ??', { fallbackLanguage: 'en' }).language).toBe('en');
    expect(detectLanguage('xl mem-set refuse : rien', 'en')).toBe('fr'); // a single mark after a space still reads as French typography
  });
});
