// Hostile text for property tests: what people (and pranksters) paste into a question box, as fast-check arbitraries.
import fc from 'fast-check';

/** A user and a role that exist nowhere: mention syntax for them must never become a ping. */
export const STRANGER_ID = '123456789012345678';
export const ROLE_ID = '876543210987654321';

/** The classes of bad input the issue lists, one named sample each, for table tests and as fragments. */
export const HOSTILE_SAMPLES = {
  empty: '',
  whitespace: ' \t\n\u00a0\u3000 ',
  control: 'PVH\u0000\u0001\u0007\u001b[31m\u007f\u0085 guests',
  zeroWidth: 'P\u200bV\u200cH\u200d\ufeff mode',
  rtl: '\u202ePVH\u202c \u2067مرحبا\u2069 \u200f',
  emoji: '🐧👩‍💻🇫🇷 what is PVH? 🤔',
  combining: 'e\u0301ve\u0301nement Z̴̡̛a̶l̸g̷o̵',
  loneSurrogates: 'PVH \ud800 guests \udfff',
  markdown: '**bold** _it_ __under__ ~~strike~~ ||spoiler|| # Heading\n> quote\n- list',
  codeFence: '```js\nprocess.exit(1)\n```\n`inline`',
  everyone: '@everyone @here what is PVH?',
  mentions: `<@${STRANGER_ID}> <@!${STRANGER_ID}> <@&${ROLE_ID}> <#${ROLE_ID}> what is PVH?`,
  url: 'https://evil.example/pvh?x=1 what is PVH',
  maskedLink: '[Xen 4.4 release notes](https://evil.example/phish) what is PVH',
  embedBreak: ']( https://evil.example ) `` ** > \\ \n\n\n\n',
  html: '<script>alert(1)</script><img src=x onerror=alert(1)>',
  longWord: 'a'.repeat(500),
} as const;

export type HostileClass = keyof typeof HOSTILE_SAMPLES;

/** Markers that would show hostile input made it into a reply: links, pings, or the pasted HTML. */
export const INJECTION_MARKERS = ['evil.example', '@everyone', '@here', `<@${STRANGER_ID}>`, `<@!${STRANGER_ID}>`, `<@&${ROLE_ID}>`, '<script>', 'onerror='];

const fragment = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...Object.values(HOSTILE_SAMPLES)) },
  { weight: 2, arbitrary: fc.constantFrom('PVH', 'event channels', 'xend', 'FIFO', 'qu’est-ce que', 'nested', 'ARM') },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) }, // any code unit, lone surrogates included
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.constantFrom('\ud800', '\udbff', '\udc00', '\u0000', '\r\n', '\u2028') },
);

/** Hostile text of at most `maxLength` UTF-16 units (what Discord counts against an option's max_length). */
export function hostileText(maxLength: number): fc.Arbitrary<string> {
  return fc.array(fragment, { maxLength: 8 }).map((parts) => parts.join(' ').slice(0, maxLength));
}

/** Every string a reply could show: content, embed parts, component labels and options. */
export function replyText(data: unknown): string {
  const out: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') out.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(data);
  return out.join('\n');
}
