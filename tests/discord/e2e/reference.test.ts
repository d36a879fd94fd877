// `/xen ref`: the 4.4 reference (xl commands, config keys, boot options…) looked up by name through the fake Discord.
import { Locale, type APIEmbed } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { sharedBot } from './harness.ts';
import { isEphemeral } from './interaction-replies.ts';

const bot = sharedBot();

async function choices(typed: string, locale: Locale = Locale.EnglishUS) {
  const body = await bot().fake.autocomplete({ name: 'xen', subcommand: 'ref', options: { name: typed }, focused: 'name', locale }).response();
  return body.data!.choices!;
}

async function lookUp(name: string, locale: Locale = Locale.EnglishUS) {
  const handle = bot().fake.slashCommand({ name: 'xen', subcommand: 'ref', options: { name }, locale });
  const body = await handle.response();
  return { body, embed: body.data?.embeds?.[0] as APIEmbed | undefined };
}

const text = (embed: APIEmbed | undefined) => JSON.stringify(embed ?? {});

describe('/xen ref autocomplete', () => {
  it('GIVEN the start of a boot option THEN offers it first, named with its kind', async () => {
    const list = await choices('dom0_m');
    expect(list[0]).toEqual({ name: 'dom0_mem — hypervisor boot option', value: 'boot-dom0-mem' });
  });

  it('GIVEN an xl subcommand THEN offers it as "xl <name>"', async () => {
    expect((await choices('migrate')).map((c) => c.name)).toContain('xl migrate — xl command');
  });

  it('GIVEN a name shared by two documents THEN offers both entries', async () => {
    const values = (await choices('hap')).map((c) => c.value);
    expect(values).toEqual(expect.arrayContaining(['boot-hap', 'cfg-hap']));
  });

  it('GIVEN a French locale THEN names the kind in French', async () => {
    expect((await choices('gfx_passthru', Locale.French))[0]).toEqual({ name: 'gfx_passthru — clé de configuration d’invité (xl.cfg)', value: 'cfg-gfx-passthru' });
  });
});

describe('/xen ref name:', () => {
  it('GIVEN an exact name THEN replies with the entry: syntax, example and a link to its line in the 4.4 document', async () => {
    const { body, embed } = await lookUp('xl migrate');
    expect(isEphemeral(body)).toBe(false);
    expect(embed?.footer?.text).toMatch(/^xl-migrate · /);
    expect(text(embed)).toContain('xl migrate');
    expect(text(embed)).toMatch(/blob\/RELEASE-4\.4\.\d\/docs\/man\/xl\.pod\.1#L\d+/);
  });

  it('GIVEN the id picked from autocomplete THEN replies with that entry', async () => {
    expect((await lookUp('boot-dom0-mem')).embed?.footer?.text).toMatch(/^boot-dom0-mem · /);
  });

  it('GIVEN a French locale THEN replies in French', async () => {
    const { embed } = await lookUp('dom0_mem', Locale.French);
    expect(embed?.title).toBe(bot().ctx.engine.kb.factsById.get('boot-dom0-mem')!.title.fr);
    expect(embed?.footer?.text).toMatch(/^boot-dom0-mem · Xen 4\.4/);
  });

  it('GIVEN a name two documents share THEN lets the asker pick, privately', async () => {
    const handle = bot().fake.slashCommand({ name: 'xen', subcommand: 'ref', options: { name: 'hap' } });
    const body = await handle.response();
    expect(isEphemeral(body)).toBe(true);
    const options = JSON.stringify(handle.message()?.components ?? body.data?.components ?? []);
    expect(options).toContain('boot-hap');
    expect(options).toContain('cfg-hap');
  });

  it('GIVEN a name no 4.4 document has THEN says so privately and offers the closest entries', async () => {
    const { body } = await lookUp('frobnicate_everything');
    expect(isEphemeral(body)).toBe(true);
    expect(body.data!.content).toMatch(/^No xl command, config key or boot option of 4\.4 has that name/);
  });
});
