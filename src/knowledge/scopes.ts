// The words that name each special case a fact can be scoped to, in questions and in titles (English and French).
import type { Scope } from './schema.ts';
import { foldAccents } from '../text/fold.ts';

/** Folded words or short phrases; a phrase matches as a whole ("32 bits"). */
export const SCOPE_WORDS: Readonly<Record<Scope, readonly string[]>> = {
  arm: ['arm', 'arm32', 'arm64', 'aarch64', 'armv7', 'armv8', 'cortex', 'arndale', 'cubieboard', 'cubieboard2', 'exynos', 'x-gene', 'xgene', 'midway', 'calxeda', 'omap5', 'sunxi', 'allwinner', 'vexpress'],
  arm32: ['arm32', 'armv7'],
  arm64: ['arm64', 'aarch64', 'armv8'],
  amd: ['amd', 'svm', 'amd-v', 'amd-vi', 'opteron', 'ivrs'],
  intel: ['intel', 'vt-x', 'vmx', 'vt-d', 'ept', 'xeon'],
  '32-bit': ['32-bit', '32bit', '32 bit', '32 bits', 'i386', 'i686', 'x86_32', 'x86-32'],
  pv: ['pv', 'paravirtualised', 'paravirtualized', 'paravirtualisé', 'paravirtualise', 'paravirt', 'pygrub'],
  hvm: ['hvm', 'fully virtualised', 'fully virtualized', 'windows'],
  pvh: ['pvh'],
  windows: ['windows', 'win7', 'win8', 'win2008', 'win2012'],
  freebsd: ['freebsd'],
  netbsd: ['netbsd'],
};

/** Narrower cases: a fact about ARM answers a question about arm64, and the other way round. */
export const PARENT_SCOPE: Partial<Record<Scope, Scope>> = { arm32: 'arm', arm64: 'arm' };

/** The cases a fact is limited to that a question naming `asked` does not name: "dom0 memory" asked, an ARM fact found. */
export function scopesUnasked(scope: readonly Scope[], asked: ReadonlySet<Scope>): Scope[] {
  return scope.filter((s) => ![...asked].some((a) => scopesOverlap(s, a)));
}

/** Whether a fact limited to `fact` speaks to a question about `asked`. */
export function scopesOverlap(fact: Scope, asked: Scope): boolean {
  return fact === asked || PARENT_SCOPE[asked] === fact || PARENT_SCOPE[fact] === asked;
}

const WORD = /[\p{L}\p{N}]+(?:[-_][\p{L}\p{N}]+)*/gu;

/** The scopes a piece of text names: "dom0 memory on ARM" → {arm, arm32, arm64}. */
export function scopesNamedIn(text: string): Set<Scope> {
  const folded = foldAccents(text);
  const words = new Set(folded.match(WORD) ?? []);
  const spaced = ` ${folded.replace(/[^\p{L}\p{N}_-]+/gu, ' ')} `;
  const found = new Set<Scope>();
  for (const [scope, names] of Object.entries(SCOPE_WORDS) as Array<[Scope, readonly string[]]>) {
    if (names.some((name) => (name.includes(' ') ? spaced.includes(` ${name} `) : words.has(name)))) found.add(scope);
  }
  return found;
}
