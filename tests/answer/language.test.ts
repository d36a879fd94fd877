import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/answer/language.ts';

describe('detecting the language of a question', () => {
  it.each([
    "Qu'est-ce que le mode PVH ?",
    'Combien de machines virtuelles par serveur ?',
    'comment activer la virtualisation imbriquee',
    'Xen 4.4 gère-t-il les processeurs ARM 64 bits',
    "c'est quoi xl devd",
  ])('GIVEN French "%s" THEN French', (q) => {
    expect(detectLanguage(q)).toEqual({ language: 'fr', confident: true });
  });

  it.each(['What is PVH?', 'How many VMs can one host run now?', 'does 4.4 support soft affinity', 'is xend still available'])(
    'GIVEN English "%s" THEN English',
    (q) => {
      expect(detectLanguage(q)).toEqual({ language: 'en', confident: true });
    },
  );

  it('GIVEN a bare name THEN falls back to the caller’s language, flagged as a guess', () => {
    expect(detectLanguage('PVH', 'fr')).toEqual({ language: 'fr', confident: false });
    expect(detectLanguage('xl devd')).toEqual({ language: 'en', confident: false });
  });
});
