import { Locale } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { sharedBot } from './harness.ts';

const bot = sharedBot();

async function choices(typed: string, locale: Locale = Locale.EnglishUS, subcommand = 'feature', option = 'name') {
  const body = await bot().fake.autocomplete({ name: 'xen', subcommand, options: { [option]: typed }, focused: option, locale }).response();
  return body.data!.choices!;
}

describe('autocomplete of fact names', () => {
  it('GIVEN an empty field THEN offers the featured topics first, at most 25', async () => {
    const list = await choices('');
    expect(list.length).toBeLessThanOrEqual(25);
    expect(list.slice(0, 3).map((c) => c.value)).toEqual(bot().ctx.engine.kb.featured.slice(0, 3));
  });

  it('GIVEN an exact alias THEN that fact comes first', async () => {
    expect((await choices('xl devd'))[0]?.value).toBe('xl-devd');
  });

  it('GIVEN a prefix THEN facts whose names start with it come before others', async () => {
    const list = await choices('kexec');
    expect(list[0]?.value).toMatch(/kexec/);
  });

  it('GIVEN a typo THEN fuzzy matching still offers the fact', async () => {
    expect((await choices('nestd virtualisaton')).map((c) => c.value)).toContain('nested-virtualization');
  });

  it('GIVEN a French locale THEN shows French titles', async () => {
    const list = await choices('virtualisation imbriquée', Locale.French);
    const nested = list.find((c) => c.value === 'nested-virtualization');
    expect(nested?.name).toBe(bot().ctx.engine.kb.factsById.get('nested-virtualization')!.title.fr);
  });

  it('GIVEN any input THEN names stay within 1–100 characters and values are fact ids', async () => {
    for (const typed of ['a', 'e', 'xen', '4.4', 'é', '%%%', 'x'.repeat(100)]) {
      for (const choice of await choices(typed)) {
        expect(choice.name.length).toBeGreaterThan(0);
        expect(choice.name.length).toBeLessThanOrEqual(100);
        expect(bot().ctx.engine.kb.factsById.has(String(choice.value))).toBe(true);
      }
    }
  });

  it('GIVEN the category option of /xen topics THEN offers topics', async () => {
    const list = await choices('ev', Locale.EnglishUS, 'topics', 'category');
    expect(list.map((c) => c.value)).toContain('event-channels');
  });
});
