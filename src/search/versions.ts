// Xen versions other than 4.4 named in a question ("what's new in Xen 4.18?", "la 4.6"): a fact that never mentions
// the version asked about does not answer the question, however well its other words match.
import { foldAccents } from '../text/fold.ts';

/** 4.N or 4.N.M, standing alone; 4.4 and its point releases are the base's own subject. */
const VERSION = /(?<![\w.-])4\.(\d{1,2})(?:\.\d+)?(?![\w-]|\.\d)/g;
/** Written right after "xen" ("xen 4.18", "xen-4.6"), a version is Xen's whatever else the question names. */
const AFTER_XEN = /xen[\s-]?$/;
/** Products with 4.x releases of their own: when the question names one, a bare 4.9 may well be its version. */
const OTHER_PRODUCT = /\b(?:linux|kernel|noyau|vmlinuz|qemu|libvirt|gcc|ocaml|qubes|proxmox)\b/;
/** A quantity, not a release: "4.5 GB", "4.2 GHz", "4.5 %". */
const UNIT = /^\s*(?:[kmgt]i?b?|[kmgt]o|[kmg]hz|%|s|ms|sec|secs|seconds?|minutes?|min|h|hours?|x|vcpus?|cpus?|cores?|coeurs?)\b|^\s*%/;

/** The Xen versions (as written: "4.18", "4.5.1") the question names, other than 4.4 and its point releases. */
export function otherXenVersions(question: string): string[] {
  const text = foldAccents(question.toLowerCase());
  const otherProduct = OTHER_PRODUCT.test(text);
  const found = new Set<string>();
  for (const match of text.matchAll(VERSION)) {
    if (match[1] === '4') continue;
    if (UNIT.test(text.slice(match.index + match[0].length, match.index + match[0].length + 12))) continue;
    if (otherProduct && !AFTER_XEN.test(text.slice(Math.max(0, match.index - 5), match.index))) continue;
    found.add(match[0]);
  }
  return [...found];
}

/** "4.5.1" → "4.5": a fact about a release may name it without its point release, or the reverse. */
export function releaseOf(version: string): string {
  return version.split('.').slice(0, 2).join('.');
}
