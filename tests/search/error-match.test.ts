import { describe, expect, it } from 'vitest';
import { compileErrorTemplate, matchErrors } from '../../src/search/error-match.ts';

const templates = [
  compileErrorTemplate('error-bootloader-failed', 'bootloader failed - consult logfile %s'),
  compileErrorTemplate('error-free-memory', 'failed to free memory for the domain'),
  compileErrorTemplate('error-pci', 'PCI device %x:%x:%x.%x is not assignable'),
  compileErrorTemplate('error-script', 'script: %s'),
  compileErrorTemplate('xen-bug', 'Xen BUG at %s%s:%d'),
  compileErrorTemplate('pci-no-iommu', 'PCI device %04x:%02x:%02x.%u %s?'),
];

describe('pasted error messages', () => {
  it('GIVEN a whole log line THEN finds its message under the prefix and the filled-in placeholders', () => {
    const log = 'libxl: error: libxl_bootloader.c:628:bootloader_finished: bootloader failed - consult logfile /var/log/xen/bootloader.7.log';
    expect(matchErrors(templates, log)[0]).toEqual({ factId: 'error-bootloader-failed', score: 1 });
  });

  it('GIVEN a message inside a sentence of the asker THEN still finds it', () => {
    expect(matchErrors(templates, 'xl create says "failed to free memory for the domain", help?')[0]?.factId).toBe('error-free-memory');
    expect(matchErrors(templates, 'PCI device 0000:03:00.0 is not assignable quand je lance la vm')[0]?.factId).toBe('error-pci');
  });

  it('GIVEN two messages pasted whole THEN what a wrapper wraps comes first, then the longer message', () => {
    const pasted = [
      compileErrorTemplate('wrapper', 'device_hotplug_child_death_cb: script: %s'),
      compileErrorTemplate('bridge', 'Could not find bridge device %s'),
      compileErrorTemplate('privcmd', 'Could not obtain handle on privileged command interface (%d = %s)'),
      compileErrorTemplate('libxc', 'cannot open libxc handle'),
    ];
    const hotplug = 'libxl: error: libxl_device.c:1084:device_hotplug_child_death_cb: script: Could not find bridge device xenbr0';
    expect(matchErrors(pasted, hotplug).map((m) => m.factId)).toEqual(['bridge', 'wrapper']);
    const libxc = 'xc: error: Could not obtain handle on privileged command interface (2 = No such file or directory): Internal error\nlibxl: error: libxl.c:92:libxl_ctx_alloc: cannot open libxc handle: No such file or directory';
    expect(matchErrors(pasted, libxc).map((m) => m.factId)).toEqual(['privcmd', 'libxc']);
  });

  it('GIVEN words of a message scattered or inside other words THEN finds nothing', () => {
    expect(matchErrors(templates, 'the domain has memory to free and it failed')).toEqual([]);
    expect(matchErrors(templates, 'bootloaderfailed')).toEqual([]);
  });

  it('GIVEN a message whose fixed part is a single short word THEN never matches on that word alone', () => {
    expect(matchErrors(templates, 'which script runs vif-bridge')).toEqual([]);
  });

  it('GIVEN a short message that is a phrase of three words THEN a paste of it matches; two words never do', () => {
    expect(matchErrors(templates, '(XEN) Xen BUG at page_alloc.c:1234')[0]).toEqual({ factId: 'xen-bug', score: 1 });
    expect(matchErrors(templates, 'PCI device 0000:03:00.0 not found')).toEqual([]);
  });
});
