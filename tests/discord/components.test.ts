import { describe, expect, it } from 'vitest';
import { Cooldown } from '../../src/discord/cooldown.ts';
import { decodeAction, encodeAction, type ComponentAction } from '../../src/discord/custom-ids.ts';
import { DiscordLimits } from '../../src/discord/limits.ts';
import { questionFromDiscordText } from '../../src/discord/question-text.ts';

describe('component ids', () => {
  const actions: ComponentAction[] = [
    { kind: 'sources', factId: 'fifo-event-channels', language: 'fr' },
    { kind: 'related', factId: 'a'.repeat(64), language: 'en' },
    { kind: 'feedback', vote: 'down', factId: 'pvh-guests' },
    { kind: 'delete', askerId: '123456789012345678' },
    { kind: 'pick', language: 'fr', mode: 'update', view: 'fact' },
    { kind: 'pick', language: 'en', mode: 'reply', view: 'sources' },
    { kind: 'bibliography', page: 3, language: 'en' },
  ];

  it.each(actions)('round-trips %j within the 100-character limit', (action) => {
    const id = encodeAction(action);
    expect(id.length).toBeLessThanOrEqual(DiscordLimits.customId);
    expect(decodeAction(id)).toEqual(action);
  });

  it.each(['', 'xen', 'xen:src', 'xen:src:../../etc:fr', 'xen:src:pvh-guests:de', 'xen:fb:maybe:pvh', 'xen:del:abc', 'xen:bib:-1:en', 'other:src:pvh:en'])(
    'rejects the malformed id %j without throwing',
    (id) => {
      expect(decodeAction(id)).toBeUndefined();
    },
  );
});

describe('the per-user cooldown', () => {
  it('answers, then gives one notice, then stays silent until the cooldown ends', () => {
    let now = 0;
    const cooldown = new Cooldown(10, () => now);
    expect(cooldown.check('u1').kind).toBe('ok');
    now = 2_000;
    expect(cooldown.check('u1')).toEqual({ kind: 'notify', retryAfterSeconds: 8 });
    expect(cooldown.check('u1')).toEqual({ kind: 'silent', retryAfterSeconds: 8 });
    expect(cooldown.check('u2').kind).toBe('ok'); // per user
    now = 10_001;
    expect(cooldown.check('u1').kind).toBe('ok');
  });

  it('lets everything through when set to 0', () => {
    const cooldown = new Cooldown(0);
    expect([cooldown.check('u'), cooldown.check('u')].map((v) => v.kind)).toEqual(['ok', 'ok']);
  });
});

describe('question text from Discord', () => {
  it('drops mentions, role and channel links, custom emoji and @everyone, keeping the words', () => {
    expect(questionFromDiscordText('<@123456789012345678> what is <#223456789012345678> PVH? @everyone <@&323456789012345678> <:xen:423456789012345678>')).toBe(
      'what is PVH?',
    );
  });
});
