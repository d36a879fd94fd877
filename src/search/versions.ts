// Xen versions other than 4.4 named in a question ("what's new in Xen 4.18?", "la 4.6"): a fact that never mentions
// the version asked about does not answer the question, however well its other words match.
import { foldAccents } from '../text/fold.ts';

/** 4.N or 4.N.M, standing alone; 4.4 and its point releases are the base's own subject. */
const VERSION = /(?<![\w.-])4\.(\d{1,2})(?:\.\d+)?(?![\w-]|\.\d)/g;
/** Products whose version numbers look like Xen's: "linux 4.9", "qemu 4.2" name no Xen release. */
const OTHER_PRODUCT = /(?:linux|kernel|noyau|qemu|libvirt|ubuntu|debian|centos|rhel|sles|fedora|opensuse|xenserver|xcp-ng|xcp|oracle vm|qubes|freebsd|netbsd|openstack|cloudstack|gcc|python|ocaml|grub|seabios|ovmf|vmware|esxi|kvm|proxmox|libxl_api_version)\s*(?:v(?:ersion)?\s*)?$/;

/** The Xen versions (as "4.N") the question names, other than 4.4. */
export function otherXenVersions(question: string): string[] {
  const text = foldAccents(question.toLowerCase());
  const found = new Set<string>();
  for (const match of text.matchAll(VERSION)) {
    if (match[1] === '4') continue;
    if (OTHER_PRODUCT.test(text.slice(Math.max(0, match.index - 24), match.index))) continue;
    found.add(`4.${match[1]}`);
  }
  return [...found];
}
