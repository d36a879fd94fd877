// Button and select-menu ids: everything a later click needs travels in the id, so the bot keeps no state.
import type { Language } from '../knowledge/schema.ts';

export type ComponentAction =
  | { kind: 'sources'; factId: string; language: Language }
  | { kind: 'related'; factId: string; language: Language }
  | { kind: 'feedback'; vote: 'up' | 'down'; factId: string }
  | { kind: 'delete'; askerId: string }
  /**
   * A fact picked from a menu: 'update' shows it in place of the menu (the menu was private), 'reply' in a new
   * private message (the menu is public, so a bystander's pick must not replace it). `view` is what to show.
   */
  | { kind: 'pick'; language: Language; mode: PickMode; view: PickView }
  | { kind: 'bibliography'; page: number; language: Language };

export type PickMode = 'update' | 'reply';
export type PickView = 'fact' | 'sources';

const PREFIX = 'xen';

export function encodeAction(action: ComponentAction): string {
  switch (action.kind) {
    case 'sources':
      return `${PREFIX}:src:${action.factId}:${action.language}`;
    case 'related':
      return `${PREFIX}:rel:${action.factId}:${action.language}`;
    case 'feedback':
      return `${PREFIX}:fb:${action.vote}:${action.factId}`;
    case 'delete':
      return `${PREFIX}:del:${action.askerId}`;
    case 'pick':
      return `${PREFIX}:pick:${action.language}:${action.mode === 'update' ? 'u' : 'r'}:${action.view === 'fact' ? 'f' : 's'}`;
    case 'bibliography':
      return `${PREFIX}:bib:${action.page}:${action.language}`;
  }
}

const language = (s: string | undefined): Language | undefined => (s === 'en' || s === 'fr' ? s : undefined);
const factId = (s: string | undefined) => (s && /^[a-z0-9-]{1,64}$/.test(s) ? s : undefined);

/** Parse a custom id; anything malformed (old versions, tampering) yields undefined, never a throw. */
export function decodeAction(customId: string): ComponentAction | undefined {
  const [prefix, kind, a, b, c] = customId.split(':');
  if (prefix !== PREFIX) return undefined;
  switch (kind) {
    case 'src':
    case 'rel': {
      const id = factId(a);
      const lang = language(b);
      if (!id || !lang) return undefined;
      return { kind: kind === 'src' ? 'sources' : 'related', factId: id, language: lang };
    }
    case 'fb': {
      const id = factId(b);
      return (a === 'up' || a === 'down') && id ? { kind: 'feedback', vote: a, factId: id } : undefined;
    }
    case 'del':
      return a && /^\d{1,20}$/.test(a) ? { kind: 'delete', askerId: a } : undefined;
    case 'pick': {
      const lang = language(a);
      if (!lang || (b !== 'u' && b !== 'r') || (c !== 'f' && c !== 's')) return undefined;
      return { kind: 'pick', language: lang, mode: b === 'u' ? 'update' : 'reply', view: c === 'f' ? 'fact' : 'sources' };
    }
    case 'bib': {
      const page = Number(a);
      const lang = language(b);
      return Number.isInteger(page) && page >= 0 && page < 1000 && lang ? { kind: 'bibliography', page, language: lang } : undefined;
    }
    default:
      return undefined;
  }
}
