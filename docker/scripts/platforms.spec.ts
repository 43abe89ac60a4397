import { describe, expect, it } from 'vitest';
import {
  ARCHES,
  archOfNode,
  hostArch,
  nodeCpu,
  parseArch,
  parseArchList,
  platformOf,
  qemuUser,
  type Arch,
} from './platforms.ts';

describe('image architectures', () => {
  it('builds for x86 and Graviton', () => {
    expect([...ARCHES]).toEqual(['amd64', 'arm64']);
    expect(ARCHES.map(platformOf)).toEqual(['linux/amd64', 'linux/arm64']);
  });

  it("maps OCI names to Node's and back (npm --cpu, better-sqlite3's prebuilds/linux-<cpu>.node)", () => {
    for (const arch of ARCHES) expect(archOfNode(nodeCpu(arch))).toBe(arch);
    expect(nodeCpu('amd64')).toBe('x64');
    expect(archOfNode(process.arch)).toBe(hostArch());
    expect(() => archOfNode('ia32')).toThrow(/ia32/);
  });

  it('names the qemu user-mode emulator of each architecture', () => {
    expect(qemuUser('arm64')).toBe('qemu-aarch64-static');
    expect(qemuUser('amd64')).toBe('qemu-x86_64-static');
  });

  it('refuses an architecture that slipped past the types (a JSON file, a cast)', () => {
    for (const bad of ['ppc64', 'toString', '__proto__']) {
      expect(() => nodeCpu(bad as Arch)).toThrow(`unknown architecture ${bad}`);
      expect(() => qemuUser(bad as Arch)).toThrow(`unknown architecture ${bad}`);
    }
  });

  it('refuses unknown, misspelt and repeated architectures', () => {
    expect(parseArch('arm64')).toBe('arm64');
    expect(() => parseArch('aarch64')).toThrow(/amd64, arm64/);
    expect(() => parseArch(undefined)).toThrow(/--arch/);
    expect(parseArchList('amd64, arm64')).toEqual(['amd64', 'arm64']);
    expect(() => parseArchList('arm64,arm64')).toThrow(/twice/);
    expect(() => parseArchList('x86_64')).toThrow(/amd64, arm64/);
  });
});
