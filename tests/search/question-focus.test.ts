import { describe, expect, it } from 'vitest';
import { questionFocus } from '../../src/search/question-focus.ts';

describe('the asking sentences of a long message', () => {
  it('GIVEN a story, then a question THEN the question alone', () => {
    const message =
      'so we have this old box at work, dual xeon, sitting in a rack for years, and my boss wants debian guests on it. dom0 boots fine. how do I make the bridge for the guests?';
    expect(questionFocus(message)).toBe('how do I make the bridge for the guests?');
  });

  it('GIVEN several sentences that ask THEN all of them, in order', () => {
    const message =
      "on a un vieux serveur au boulot qui traîne depuis des années. comment je crée le pont réseau ? est-ce que xl le fait tout seul ou je dois éditer interfaces moi-même";
    expect(questionFocus(message)).toBe("comment je crée le pont réseau ? est-ce que xl le fait tout seul ou je dois éditer interfaces moi-même");
  });

  it('GIVEN a story and a last sentence that does not read as a question THEN the last sentence', () => {
    const message = 'we run twelve guests on a 64G host with ubuntu trusty and nothing fancy configured at all. need dom0 memory fixed at 4G';
    expect(questionFocus(message)).toBe('need dom0 memory fixed at 4G');
  });

  it.each(['What is PVH?', 'dom0 memory. how much?', 'comment je passe une carte réseau pci à un domU en 4.4 ? j’ai vt-d'])(
    'GIVEN a short message (%j) THEN it is its own question',
    (message) => {
      expect(questionFocus(message)).toBeUndefined();
    },
  );

  it.each([
    'building 4.4.4 from the tarball on a newer distro with gcc 7, it dies on a pile of -Werror warnings. workaround?',
    'mon domU perd le réseau toutes les nuits vers 3h depuis la mise à jour en 4.4.1, rien dans les logs. une idée ?',
  ])('GIVEN a story and an ask that names nothing (%j) THEN the whole message is the question', (message) => {
    expect(questionFocus(message)).toBeUndefined();
  });

  it('GIVEN one long sentence THEN it is its own question', () => {
    expect(questionFocus('i have been trying for days to get a windows 2008 hvm guest with a passed through nic to boot on my supermicro box with xen 4.4')).toBeUndefined();
  });
});
