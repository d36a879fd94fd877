// Button, menu and modal ids: everything a later click needs travels in the id, so the bot keeps no state.
// `ref` (when present) is the key of the question the answer came from, so that votes and picks reach the store
// against it; ids of older answers without one still work.
import type { Language } from '../knowledge/schema.ts';
import type { PickVia } from '../store/records.ts';
import { isQuestionRef } from './interactions/question-ref.ts';

export type ComponentAction =
  | { kind: 'sources'; factId: string; language: Language }
  | { kind: 'related'; factId: string; language: Language; ref?: string }
  | { kind: 'feedback'; vote: 'up' | 'down'; factId: string; ref?: string }
  | { kind: 'delete'; askerId: string }
  /**
   * A fact picked from a menu: 'update' shows it in place of the menu (the menu was private), 'reply' in a new
   * private message (the menu is public, so a bystander's pick must not replace it). `view` is what to show;
   * `via` says what offered the menu ("did you mean", Related), for the store.
   */
  | { kind: 'pick'; language: Language; mode: PickMode; view: PickView; via?: PickVia; ref?: string }
  | { kind: 'bibliography'; page: number; language: Language }
  /** The "what was wrong?" form a 👎 opens. */
  | { kind: 'comment'; factId: string; ref?: string };

export type PickMode = 'update' | 'reply';
export type PickView = 'fact' | 'sources';

const PREFIX = 'xen';
const VIA_CODE: Record<PickVia, string> = { 'did-you-mean': 'd', related: 'r' };
const refSuffix = (ref: string | undefined) => (ref ? `:${ref}` : '');

export function encodeAction(action: ComponentAction): string {
  switch (action.kind) {
    case 'sources':
      return `${PREFIX}:src:${action.factId}:${action.language}`;
    case 'related':
      return `${PREFIX}:rel:${action.factId}:${action.language}${refSuffix(action.ref)}`;
    case 'feedback':
      return `${PREFIX}:fb:${action.vote}:${action.factId}${refSuffix(action.ref)}`;
    case 'delete':
      return `${PREFIX}:del:${action.askerId}`;
    case 'pick': {
      const base = `${PREFIX}:pick:${action.language}:${action.mode === 'update' ? 'u' : 'r'}:${action.view === 'fact' ? 'f' : 's'}`;
      return action.via ? `${base}:${VIA_CODE[action.via]}${refSuffix(action.ref)}` : base;
    }
    case 'bibliography':
      return `${PREFIX}:bib:${action.page}:${action.language}`;
    case 'comment':
      return `${PREFIX}:cmt:${action.factId}${refSuffix(action.ref)}`;
  }
}

const language = (s: string | undefined): Language | undefined => (s === 'en' || s === 'fr' ? s : undefined);
const factId = (s: string | undefined) => (s && /^[a-z0-9-]{1,64}$/.test(s) ? s : undefined);
/** A ref if present and well-formed; `false` when something else is there (a forged or broken id). */
const optionalRef = (s: string | undefined): string | undefined | false => (s === undefined ? undefined : isQuestionRef(s) ? s : false);

/** Parse a custom id; anything malformed (old versions, tampering) yields undefined, never a throw. */
export function decodeAction(customId: string): ComponentAction | undefined {
  const [prefix, kind, a, b, c, d, e, ...rest] = customId.split(':');
  if (prefix !== PREFIX) return undefined;
  switch (kind) {
    case 'src': {
      const id = factId(a);
      const lang = language(b);
      return id && lang && c === undefined ? { kind: 'sources', factId: id, language: lang } : undefined;
    }
    case 'rel': {
      const id = factId(a);
      const lang = language(b);
      const ref = optionalRef(c);
      if (!id || !lang || ref === false || d !== undefined) return undefined;
      return { kind: 'related', factId: id, language: lang, ...(ref ? { ref } : {}) };
    }
    case 'fb': {
      const id = factId(b);
      const ref = optionalRef(c);
      if ((a !== 'up' && a !== 'down') || !id || ref === false || d !== undefined) return undefined;
      return { kind: 'feedback', vote: a, factId: id, ...(ref ? { ref } : {}) };
    }
    case 'del':
      return a && /^\d{1,20}$/.test(a) && b === undefined ? { kind: 'delete', askerId: a } : undefined;
    case 'pick': {
      const lang = language(a);
      if (!lang || (b !== 'u' && b !== 'r') || (c !== 'f' && c !== 's')) return undefined;
      const pick = { kind: 'pick' as const, language: lang, mode: b === 'u' ? ('update' as const) : ('reply' as const), view: c === 'f' ? ('fact' as const) : ('sources' as const) };
      // Menus of one message are told apart by a row number at the end: xen:pick:…[:via[:ref]]:row.
      const tail = [d, e, ...rest].filter((x): x is string => x !== undefined);
      if (tail.length > 0 && /^\d$/.test(tail[tail.length - 1]!)) tail.pop();
      if (tail.length === 0) return pick;
      const via = (Object.keys(VIA_CODE) as PickVia[]).find((v) => VIA_CODE[v] === tail[0]);
      const ref = optionalRef(tail[1]);
      if (!via || ref === false || tail.length > 2) return undefined;
      return { ...pick, via, ...(ref ? { ref } : {}) };
    }
    case 'bib': {
      const page = Number(a);
      const lang = language(b);
      return Number.isInteger(page) && page >= 0 && page < 1000 && lang && c === undefined ? { kind: 'bibliography', page, language: lang } : undefined;
    }
    case 'cmt': {
      const id = factId(a);
      const ref = optionalRef(b);
      return id && ref !== false && c === undefined ? { kind: 'comment', factId: id, ...(ref ? { ref } : {}) } : undefined;
    }
    default:
      return undefined;
  }
}
