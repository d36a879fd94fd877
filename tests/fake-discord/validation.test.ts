// Unit checks of the Discord limits the fake enforces: each limit accepts its boundary and rejects one past it.
import { describe, expect, it } from 'vitest';
import { DiscordHttpError } from './errors.ts';
import * as L from './limits.ts';
import { assertValidCommands } from './validate-commands.ts';
import { assertValidAutocomplete, assertValidModal } from './validate-interaction.ts';
import { assertValidMessage } from './validate-message.ts';

const create = (body: unknown) => () => assertValidMessage(body, [], { mode: 'create' });
const s = (n: number) => 'x'.repeat(n);
const button = (id: string) => ({ type: 2, style: 1, label: 'go', custom_id: id });
const row = (...components: unknown[]) => ({ type: 1, components });
const select = (id: string, n: number) => ({ type: 3, custom_id: id, options: Array.from({ length: n }, (_, i) => ({ label: `o${i}`, value: `v${i}` })) });

function rejected(fn: () => void): DiscordHttpError {
  try {
    fn();
  } catch (err) {
    if (err instanceof DiscordHttpError) return err;
    throw err;
  }
  throw new Error('expected a Discord rejection');
}

describe('message payloads', () => {
  it.each([
    ['content', { content: s(L.MESSAGE_CONTENT_MAX) }, { content: s(L.MESSAGE_CONTENT_MAX + 1) }, 'content: Must be 2000 or fewer'],
    ['embed count', { embeds: Array(10).fill({ title: 't' }) }, { embeds: Array(11).fill({ title: 't' }) }, 'embeds: Must be 10 or fewer'],
    ['embed title', { embeds: [{ title: s(256) }] }, { embeds: [{ title: s(257) }] }, 'embeds.0.title'],
    ['embed description', { embeds: [{ description: s(4096) }] }, { embeds: [{ description: s(4097) }] }, 'embeds.0.description'],
    ['embed fields', { embeds: [{ fields: Array(25).fill({ name: 'n', value: 'v' }) }] }, { embeds: [{ fields: Array(26).fill({ name: 'n', value: 'v' }) }] }, 'embeds.0.fields'],
    ['field name', { embeds: [{ fields: [{ name: s(256), value: 'v' }] }] }, { embeds: [{ fields: [{ name: s(257), value: 'v' }] }] }, 'fields.0.name'],
    ['field value', { embeds: [{ fields: [{ name: 'n', value: s(1024) }] }] }, { embeds: [{ fields: [{ name: 'n', value: s(1025) }] }] }, 'fields.0.value'],
    ['empty field value', { embeds: [{ fields: [{ name: 'n', value: 'v' }] }] }, { embeds: [{ fields: [{ name: 'n', value: '' }] }] }, 'fields.0.value'],
    ['footer', { embeds: [{ footer: { text: s(2048) } }] }, { embeds: [{ footer: { text: s(2049) } }] }, 'footer.text'],
    ['author', { embeds: [{ author: { name: s(256) } }] }, { embeds: [{ author: { name: s(257) } }] }, 'author.name'],
    ['embed total', { embeds: [{ description: s(4096) }, { description: s(1904) }] }, { embeds: [{ description: s(4096) }, { description: s(1905) }] }, 'Embed size exceeds maximum size of 6000'],
    ['action rows', { components: Array.from({ length: 5 }, (_, i) => row(button(`b${i}`))) }, { components: Array.from({ length: 6 }, (_, i) => row(button(`b${i}`))) }, 'components: Must be 5 or fewer'],
    ['buttons per row', { components: [row(...['a', 'b', 'c', 'd', 'e'].map(button))] }, { components: [row(...['a', 'b', 'c', 'd', 'e', 'f'].map(button))] }, 'components.0.components: Must be 5 or fewer'],
    ['select alone', { components: [row(select('s', 1)), row(button('b'))] }, { components: [row(select('s', 1), button('b'))] }, 'select menu must be alone'],
    ['select options max', { components: [row(select('s', 25))] }, { components: [row(select('s', 26))] }, 'options: Must be 25 or fewer'],
    ['select options min', { components: [row(select('s', 1))] }, { components: [row(select('s', 0))] }, 'options: Must be 1 or more'],
    ['option label', { components: [row({ type: 3, custom_id: 's', options: [{ label: s(100), value: 'v' }] })] }, { components: [row({ type: 3, custom_id: 's', options: [{ label: s(101), value: 'v' }] })] }, 'options.0.label'],
    ['option value', { components: [row({ type: 3, custom_id: 's', options: [{ label: 'l', value: s(100) }] })] }, { components: [row({ type: 3, custom_id: 's', options: [{ label: 'l', value: s(101) }] })] }, 'options.0.value'],
    ['custom_id', { components: [row(button(s(100)))] }, { components: [row(button(s(101)))] }, 'custom_id'],
    ['duplicate custom_id', { components: [row(button('a'), button('b'))] }, { components: [row(button('a'), button('a'))] }, 'cannot be duplicated'],
    ['link button', { components: [row({ type: 2, style: 5, label: 'l', url: 'https://x.org' })] }, { components: [row({ type: 2, style: 5, label: 'l', url: 'https://x.org', custom_id: 'c' })] }, 'link button cannot have a custom_id'],
    ['button without custom_id', { components: [row(button('a'))] }, { components: [row({ type: 2, style: 1, label: 'l' })] }, 'custom_id: This field is required'],
    ['allowed_mentions', { content: 'x', allowed_mentions: { parse: ['users'] } }, { content: 'x', allowed_mentions: { parse: ['users'], users: ['1'] } }, 'mutually exclusive'],
    ['components v2', { flags: 1 << 15, components: [{ type: 10, content: 'hi' }] }, { flags: 1 << 15, content: 'hi', components: [{ type: 10, content: 'hi' }] }, "'content' field cannot be used"],
  ])('%s', (_name, ok, bad, message) => {
    expect(create(ok)).not.toThrow();
    const err = rejected(create(bad));
    expect(err.status).toBe(400);
    expect(err.body.code).toBe(50035);
    expect(err.message).toContain(message);
  });

  it('nests errors like Discord', () => {
    const err = rejected(() => assertValidMessage({ embeds: [{ title: s(257) }] }, [], { mode: 'create', prefix: ['data'] }));
    expect(err.body.errors).toEqual({ data: { embeds: { 0: { title: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 256 or fewer in length.' }] } } } } });
  });

  it('refuses empty messages with 50006 but allows partial edits', () => {
    for (const body of [{}, { content: '   ' }, { content: '', embeds: [], components: [] }]) {
      expect(rejected(create(body)).body).toEqual({ code: 50006, message: 'Cannot send an empty message' });
    }
    expect(() => assertValidMessage({ embeds: [] }, [], { mode: 'edit' })).not.toThrow();
    expect(() => assertValidMessage({}, [{ field: 'files[0]', filename: 'a.txt', contentType: 'text/plain', size: 1 }], { mode: 'create' })).not.toThrow();
  });

  it('refuses too many or too large files with 413', () => {
    const file = (size: number) => ({ field: 'files[0]', filename: 'a', contentType: 'text/plain', size });
    expect(rejected(() => assertValidMessage({}, Array(11).fill(file(1)), { mode: 'create' })).status).toBe(413);
    expect(rejected(() => assertValidMessage({}, [file(L.UPLOAD_BYTES_MAX + 1)], { mode: 'create' })).status).toBe(413);
  });
});

describe('autocomplete results and modals', () => {
  const choices = (n: number, name = 'n', value: string | number = 'v') => ({ choices: Array.from({ length: n }, () => ({ name, value })) });
  it.each([
    ['count', choices(25), choices(26), 'data.choices: Must be 25 or fewer'],
    ['empty name', choices(1, 'a'), choices(1, ''), 'data.choices.0.name'],
    ['long name', choices(1, s(100)), choices(1, s(101)), 'data.choices.0.name'],
    ['long value', choices(1, 'n', s(100)), choices(1, 'n', s(101)), 'data.choices.0.value'],
  ])('autocomplete %s', (_n, ok, bad, message) => {
    expect(() => assertValidAutocomplete(ok)).not.toThrow();
    expect(rejected(() => assertValidAutocomplete(bad)).message).toContain(message);
  });

  it('validates modal title, size and text inputs', () => {
    const input = (id: string, extra = {}) => ({ type: 1, components: [{ type: 4, custom_id: id, style: 1, label: 'L', ...extra }] });
    expect(() => assertValidModal({ custom_id: 'm', title: s(45), components: [input('a')] })).not.toThrow();
    expect(rejected(() => assertValidModal({ custom_id: 'm', title: s(46), components: [input('a')] })).message).toContain('data.title');
    expect(rejected(() => assertValidModal({ custom_id: 'm', title: 't', components: ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => input(id)) })).message).toContain('data.components: Must be 5 or fewer');
    expect(rejected(() => assertValidModal({ custom_id: 'm', title: 't', components: [input('a', { label: undefined })] })).message).toContain('label: This field is required');
  });
});

describe('command registration', () => {
  const locales = ['en-US', 'fr'];
  const opt = (name: string, required = false) => ({ type: 3, name, description: 'd', required });
  it.each([
    ['uppercase name', [{ name: 'xen', description: 'd' }], [{ name: 'Xen', description: 'd' }], 'must be lowercase'],
    ['description', [{ name: 'xen', description: s(100) }], [{ name: 'xen', description: s(101) }], '0.description'],
    ['options count', [{ name: 'xen', description: 'd', options: Array.from({ length: 25 }, (_, i) => opt(`o${i}`)) }], [{ name: 'xen', description: 'd', options: Array.from({ length: 26 }, (_, i) => opt(`o${i}`)) }], '0.options: Must be 25 or fewer'],
    ['required order', [{ name: 'xen', description: 'd', options: [opt('a', true), opt('b')] }], [{ name: 'xen', description: 'd', options: [opt('a'), opt('b', true)] }], 'Required options must be placed before'],
    ['mixed subcommands', [{ name: 'xen', description: 'd', options: [{ type: 1, name: 'ask', description: 'd' }] }], [{ name: 'xen', description: 'd', options: [{ type: 1, name: 'ask', description: 'd' }, opt('q')] }], 'cannot be mixed'],
    ['locale', [{ name: 'xen', description: 'd', name_localizations: { fr: 'xen' } }], [{ name: 'xen', description: 'd', name_localizations: { klingon: 'xen' } }], 'Invalid locale'],
    ['duplicates', [{ name: 'xen', description: 'd' }, { name: 'xen', type: 3 }], [{ name: 'xen', description: 'd' }, { name: 'xen', description: 'd' }], 'must be unique'],
  ])('%s', (_n, ok, bad, message) => {
    expect(() => assertValidCommands(ok, locales)).not.toThrow();
    expect(rejected(() => assertValidCommands(bad, locales)).message).toContain(message);
  });
});

it('keeps the limits Discord documents', () => {
  expect([L.MESSAGE_CONTENT_MAX, L.EMBED_TOTAL_CHARS_MAX, L.CHOICES_MAX, L.INTERACTION_RESPONSE_WINDOW_MS]).toEqual([2000, 6000, 25, 3000]);
});
