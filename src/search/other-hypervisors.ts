// Other hypervisors and container tools named in a question ("gpu passthrough with kvm", "vmware esxi vs hyper-v"):
// a fact that never mentions the product asked about does not answer the question, however well its other words
// match. Like a later Xen release (versions.ts), it is a near miss the answer decision must see.
import { foldAccents } from '../text/fold.ts';

/** Written forms → the word the index keeps for them (compounds are joined: "hyper-v" → "hyperv"). */
const PRODUCTS: ReadonlyArray<[RegExp, string]> = [
  // The module names too: "kvm_intel nested=1".
  [/\bkvm(?:_(?:intel|amd))?\b/, 'kvm'],
  [/\bvmware\b/, 'vmware'],
  [/\besxi?\b/, 'esx'],
  [/\bvsphere\b/, 'vsphere'],
  [/\bhyper[\s-]?v\b/, 'hyperv'],
  [/\bvirtual ?box\b|\bvbox\b/, 'virtualbox'],
  [/\bproxmox\b/, 'proxmox'],
  [/\bbhyve\b/, 'bhyve'],
  [/\bparallels\b/, 'parallels'],
  [/\bopenvz\b/, 'openvz'],
  [/\blxc\b|\blxd\b/, 'lxc'],
  [/\bdocker\b/, 'docker'],
  [/\bpodman\b/, 'podman'],
  [/\bkubernetes\b|\bk8s\b/, 'kubernetes'],
];
/** Other spellings a fact may use for the same product. */
const SAME: Readonly<Record<string, readonly string[]>> = {
  esx: ['esx', 'esxi'],
  hyperv: ['hyperv', 'viridian'],
  virtualbox: ['virtualbox', 'vbox'],
  lxc: ['lxc', 'lxd'],
};

/** The products the question names, as index words. */
export function otherHypervisors(question: string): string[] {
  const text = foldAccents(question.toLowerCase());
  return PRODUCTS.filter(([pattern]) => pattern.test(text)).map(([, word]) => word);
}

/** The words a fact may mention `product` by. */
export function productWords(product: string): readonly string[] {
  return SAME[product] ?? [product];
}

/** Words only a question about Xen uses: its name, its tools, its guest types and its version. */
const XEN_WORDS = /\b(?:xen\w*|xl|xm|xend|libxl|dom0|domu|hvm|pvh|pvhvm|pv|vif\d*|4\.4(?:\.\d)?)\b/;

/** The question names another product and nothing of Xen: "esxi 6.7 can i extend a vmdk while the vm is running?". */
export function aboutOtherProductOnly(question: string): boolean {
  const text = foldAccents(question.toLowerCase());
  return otherHypervisors(text).length > 0 && !XEN_WORDS.test(text);
}
