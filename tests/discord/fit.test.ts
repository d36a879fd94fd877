import { ComponentType, type APIEmbed } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { fitPayload, suppressLinkPreviews } from '../../src/discord/fit.ts';
import { DiscordLimits, truncate } from '../../src/discord/limits.ts';

const embedChars = (embeds: APIEmbed[]) =>
  embeds.reduce(
    (n, e) => n + (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0) + (e.author?.name.length ?? 0) + (e.fields ?? []).reduce((m, f) => m + f.name.length + f.value.length, 0),
    0,
  );

describe('fitting a reply to Discord limits', () => {
  it('cuts content to 2000 characters, ending cleanly', () => {
    const fitted = fitPayload({ content: 'word '.repeat(1000) });
    expect(fitted.content!.length).toBeLessThanOrEqual(DiscordLimits.content);
    expect(fitted.content).toMatch(/word…$/);
  });

  it('cuts every embed part and keeps all embeds together under 6000 characters', () => {
    const big: APIEmbed = {
      title: 't'.repeat(400),
      description: 'd'.repeat(5000),
      author: { name: 'a'.repeat(300) },
      footer: { text: 'f'.repeat(3000) },
      fields: Array.from({ length: 30 }, (_, i) => ({ name: `n${i}`.repeat(200), value: 'v'.repeat(2000) })),
    };
    const fitted = fitPayload({ embeds: [big, big, big] });
    // Parts that no longer fit are left out entirely (Discord refuses empty ones); what is there fits.
    for (const e of fitted.embeds!) {
      expect(e.title?.length ?? 0).toBeLessThanOrEqual(DiscordLimits.embedTitle);
      expect(e.title).not.toBe('');
      expect(e.description?.length ?? 0).toBeLessThanOrEqual(DiscordLimits.embedDescription);
      expect(e.author?.name.length ?? 0).toBeLessThanOrEqual(DiscordLimits.embedAuthor);
      expect(e.footer?.text.length ?? 0).toBeLessThanOrEqual(DiscordLimits.embedFooter);
      expect(e.fields?.length ?? 0).toBeLessThanOrEqual(DiscordLimits.embedFields);
      for (const f of e.fields ?? []) {
        expect(f.name.length).toBeLessThanOrEqual(DiscordLimits.embedFieldName);
        expect(f.value.length).toBeLessThanOrEqual(DiscordLimits.embedFieldValue);
      }
    }
    expect(embedChars(fitted.embeds!)).toBeLessThanOrEqual(DiscordLimits.embedTotal);
    expect(fitted.embeds![0]!.title).toHaveLength(DiscordLimits.embedTitle); // the first embed keeps its title
  });

  it('keeps at most 5 rows, 5 components per row and 25 options per menu', () => {
    const option = (i: number) => ({ label: `o${i}`, value: `v${i}` });
    const row = { type: ComponentType.ActionRow, components: [{ type: ComponentType.StringSelect, custom_id: 'x', options: Array.from({ length: 40 }, (_, i) => option(i)) }] } as const;
    const fitted = fitPayload({ components: Array.from({ length: 7 }, () => structuredClone(row)) as never });
    expect(fitted.components).toHaveLength(DiscordLimits.actionRows);
    expect((fitted.components![0]!.components[0] as { options: unknown[] }).options).toHaveLength(DiscordLimits.selectOptions);
  });

  it('never sends an empty message', () => {
    expect(fitPayload({}).content).toBe('…');
  });

  it('wraps bare links so Discord shows no preview, leaving masked and wrapped links alone', () => {
    expect(suppressLinkPreviews('see https://xenproject.org/x and <https://a.b> and [t](https://c.d)')).toBe(
      'see <https://xenproject.org/x> and <https://a.b> and [t](https://c.d)',
    );
  });

  it('never splits an emoji when truncating', () => {
    const text = `${'a'.repeat(8)}😀😀`;
    const cut = truncate(text, 10);
    expect(cut.length).toBeLessThanOrEqual(10);
    expect(cut).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});
