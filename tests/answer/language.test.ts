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
