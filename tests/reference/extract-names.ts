// Extracts the complete lists of reference names from the Xen 4.4 documentation and tools, for the completeness test.
// Run against a clone of the Xen tree (it reads the files at the tag with `git show`, nothing is copied):
//   npx tsx tests/reference/extract-names.ts /path/to/xen.git > tests/reference/xen-4.4-names.json
// The output is committed: the test compares the knowledge base with it and never needs the Xen tree.
import { execFileSync } from 'node:child_process';

export const REFERENCE_TAG = 'RELEASE-4.4.0';

interface Extracted {
  kind: string;
  name: string;
  file: string;
  line: number;
  section: string;
}

const [repo, tag = REFERENCE_TAG] = process.argv.slice(2);
if (!repo) {
  console.error('usage: tsx tests/reference/extract-names.ts <xen git dir> [tag]');
  process.exit(2);
}
const show = (file: string) => execFileSync('git', ['--git-dir', repo, 'show', `${tag}:${file}`], { encoding: 'utf8', maxBuffer: 1 << 26 }).split('\n');
const listTree = (dir: string) =>
  execFileSync('git', ['--git-dir', repo, 'ls-tree', '--name-only', `${tag}:${dir}`], { encoding: 'utf8' }).split('\n').filter(Boolean);

/** The items of a POD list at nesting depth 1, with the heading they sit under. */
function podItems(file: string, wanted: (section: string) => boolean): Array<{ text: string; line: number; section: string }> {
  const items: Array<{ text: string; line: number; section: string }> = [];
  let depth = 0;
  let section = '';
  show(file).forEach((raw, i) => {
    const line = raw.trimEnd();
    const head = /^=head\d\s+(.*)$/.exec(line);
    if (head) section = head[1]!.trim();
    else if (/^=over\b/.test(line)) depth++;
    else if (/^=back\b/.test(line)) depth--;
    else if (/^=item\s/.test(line) && depth === 1 && wanted(section)) items.push({ text: line.slice(6).trim(), line: i + 1, section });
  });
  return items;
}

/** The first bold word of a POD item: B<mem-set> I<domain-id> → mem-set; B<cpus="CPU-LIST"> → cpus. */
function podName(text: string): string | undefined {
  const bold = /^B<([^>]*)>/.exec(text);
  if (!bold) return undefined;
  const name = /^[A-Za-z0-9_.-]+/.exec(bold[1]!.replace(/^"/, ''));
  return name?.[0];
}

const out: Extracted[] = [];
const add = (kind: string, name: string, file: string, line: number, section: string) => {
  if (!out.some((e) => e.kind === kind && e.name === name)) out.push({ kind, name, file, line, section });
};

// xl subcommands: the man page's items outside NAME/DESCRIPTION/NOTES/GLOBAL OPTIONS/SEE ALSO, then xl_cmdtable.c,
// which also lists the commands the page leaves out.
const XL = 'docs/man/xl.pod.1';
const notCommands = new Set(['NAME', 'SYNOPSIS', 'DESCRIPTION', 'NOTES', 'GLOBAL OPTIONS', 'TO BE DOCUMENTED', 'SEE ALSO', 'BUGS']);
for (const item of podItems(XL, (s) => !notCommands.has(s))) {
  const name = podName(item.text);
  if (name && /^[a-z]/.test(name)) add('xl-command', name, XL, item.line, item.section);
}
const CMDTABLE = 'tools/libxl/xl_cmdtable.c';
show(CMDTABLE).forEach((line, i) => {
  const m = /^\s*\{\s*"([a-z0-9-]+)",/.exec(line);
  if (m) add('xl-command', m[1]!, CMDTABLE, i + 1, 'xl_cmdtable.c');
});

// xl.cfg keys: top-level items of the OPTIONS sections (values such as B<destroy> are nested deeper).
const CFG = 'docs/man/xl.cfg.pod.5';
const cfgSections = new Set(['NAME', 'SYNOPSIS', 'DESCRIPTION', 'SYNTAX', 'SEE ALSO', 'FILES', 'BUGS', 'Keymaps']);
for (const item of podItems(CFG, (s) => !cfgSections.has(s))) {
  const name = podName(item.text);
  if (name && /^[a-z]/.test(name) && /=|^B<[a-z_]+>$/.test(item.text)) add('xl-cfg', name, CFG, item.line, item.section);
}

const CONF = 'docs/man/xl.conf.pod.5';
for (const item of podItems(CONF, (s) => s === 'OPTIONS')) {
  const name = podName(item.text);
  if (name && /=/.test(item.text)) add('xl-conf', name, CONF, item.line, item.section);
}

const POOL = 'docs/man/xlcpupool.cfg.pod.5';
// The pool keys sit under "Mandatory" and "Optional Configuration Items" subsections of OPTIONS.
const poolSections = new Set(['NAME', 'SYNOPSIS', 'DESCRIPTION', 'SYNTAX', 'FILES', 'BUGS']);
for (const item of podItems(POOL, (s) => !poolSections.has(s))) {
  const name = podName(item.text);
  if (name && /=/.test(item.text)) add('cpupool-cfg', name, POOL, item.line, item.section);
}

// Boot options: the ### headings after "## Parameter details"; a heading may name several options.
const CMDLINE = 'docs/misc/xen-command-line.markdown';
let details = false;
show(CMDLINE).forEach((line, i) => {
  if (/^## /.test(line)) details = /Parameter details/i.test(line);
  const m = details ? /^### (.*)$/.exec(line) : null;
  if (!m) return;
  const heading = m[1]!.replace(/\\_/g, '_').replace(/\[`<[^>]*>`\]/g, '').replace(/\s*\((?:x86|AMD only|Intel)\)\s*$/i, '').trim();
  // "cpuid_mask_ ecx,edx,…" is one stem and several suffixes; "com1,com2" is a plain list.
  const stem = /^(\S+_)\s+(.*)$/.exec(heading);
  const names = stem ? stem[2]!.split(',').map((s) => stem[1]! + s.trim()) : heading.split(',').map((s) => s.trim());
  for (const name of names) add('boot-option', name, CMDLINE, i + 1, heading);
});

// Disk specification: the parameter headings (underlined with dashes) of the two current sections.
const DISK = 'docs/misc/xl-disk-configuration.txt';
const disk = show(DISK);
let diskSection = '';
disk.forEach((line, i) => {
  if (/^=+$/.test(disk[i + 1] ?? '') && line.trim()) diskSection = line.trim();
  if (!/^-+$/.test(disk[i + 1] ?? '') || !line.trim() || /^DEPRECATED/.test(diskSection)) return;
  const name = /^([a-z]+)/.exec(line.trim())?.[1];
  if (name) add('disk-spec', name, DISK, i + 1, diskSection);
});

const VIF = 'docs/misc/xl-network-configuration.markdown';
show(VIF).forEach((line, i) => {
  const m = /^### ([a-z]+)\s*$/.exec(line);
  if (m) add('vif-spec', m[1]!, VIF, i + 1, 'Keywords');
});

// Hotplug and init scripts: every script in tools/hotplug/Linux, not the shell libraries they source.
const HOTPLUG = 'tools/hotplug/Linux';
for (const name of listTree(HOTPLUG)) {
  if (/\.(sh|rules|hook)$|^Makefile$|^(init\.d|vif-post\.d)$/.test(name)) continue;
  add('hotplug-script', name, `${HOTPLUG}/${name}`, 1, HOTPLUG);
}
for (const name of listTree(`${HOTPLUG}/init.d`)) {
  if (name.startsWith('sysconfig.')) continue;
  add('hotplug-script', name, `${HOTPLUG}/init.d/${name}`, 1, `${HOTPLUG}/init.d`);
}

// One name per line: a change in the extraction reads as a short diff.
console.log(`{\n "tag": ${JSON.stringify(tag)},\n "names": [\n${out.map((n) => `  ${JSON.stringify(n)}`).join(',\n')}\n ]\n}`);
