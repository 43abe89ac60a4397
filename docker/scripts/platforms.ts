/**
 * The CPU architectures the image is built for, in the names each tool uses: OCI/Docker
 * (`amd64`, `arm64`), Node and npm (`x64`, `arm64`), Debian (`amd64`, `arm64`) and qemu-user.
 */

/** Architectures of the multi-arch image (EKS nodes: x86 and Graviton). */
export const ARCHES = ['amd64', 'arm64'] as const;
/** An image architecture (OCI name). */
export type Arch = (typeof ARCHES)[number];

/** Validates an architecture from the command line. */
export function parseArch(value: string | undefined): Arch {
  const arch = ARCHES.find((a) => a === value);
  if (!arch) throw new Error(`--arch must be one of ${ARCHES.join(', ')} (got ${String(value)})`);
  return arch;
}

/** Validates a comma-separated list of architectures (`amd64,arm64`), without repeats. */
export function parseArchList(value: string): Arch[] {
  const list = value.split(',').map((a) => parseArch(a.trim()));
  if (new Set(list).size !== list.length) throw new Error(`--arch lists one twice: ${value}`);
  return list;
}

/** Each architecture's name in Node and npm (`process.arch`, `--cpu`) and its qemu-user emulator. */
const TOOL_NAMES: Readonly<Record<Arch, { node: 'x64' | 'arm64'; qemu: string }>> = {
  amd64: { node: 'x64', qemu: 'qemu-x86_64-static' },
  arm64: { node: 'arm64', qemu: 'qemu-aarch64-static' },
};

function toolNames(arch: Arch): { node: 'x64' | 'arm64'; qemu: string } {
  const names = Object.hasOwn(TOOL_NAMES, arch) ? TOOL_NAMES[arch] : undefined;
  if (!names) throw new Error(`unknown architecture ${String(arch)}`);
  return names;
}

/** The architecture of a Node process (`process.arch`), as an image architecture. */
export function archOfNode(nodeArch: string): Arch {
  const arch = ARCHES.find((a) => TOOL_NAMES[a].node === nodeArch);
  if (!arch) throw new Error(`no image architecture for Node's ${nodeArch}`);
  return arch;
}

/** This machine's architecture. */
export const hostArch = (): Arch => archOfNode(process.arch);

/** Node's (and npm's `--cpu`) name of an architecture. */
export const nodeCpu = (arch: Arch): 'x64' | 'arm64' => toolNames(arch).node;

/** The qemu user-mode emulator that runs a binary of `arch` on another machine. */
export const qemuUser = (arch: Arch): string => toolNames(arch).qemu;

/** OCI platform string (`linux/arm64`). */
export const platformOf = (arch: Arch): string => `linux/${arch}`;
