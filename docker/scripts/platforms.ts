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

/** The architecture of a Node process (`process.arch`), as an image architecture. */
export function archOfNode(nodeArch: string): Arch {
  switch (nodeArch) {
    case 'x64':
      return 'amd64';
    case 'arm64':
      return 'arm64';
    default:
      throw new Error(`no image architecture for Node's ${nodeArch}`);
  }
}

/** This machine's architecture. */
export const hostArch = (): Arch => archOfNode(process.arch);

/** Node's (and npm's `--cpu`) name of an architecture. */
export function nodeCpu(arch: Arch): 'x64' | 'arm64' {
  switch (arch) {
    case 'amd64':
      return 'x64';
    case 'arm64':
      return 'arm64';
    default: {
      const never: never = arch;
      throw new Error(`unknown architecture ${String(never)}`);
    }
  }
}

/** The qemu user-mode emulator that runs a binary of `arch` on another machine. */
export function qemuUser(arch: Arch): string {
  switch (arch) {
    case 'amd64':
      return 'qemu-x86_64-static';
    case 'arm64':
      return 'qemu-aarch64-static';
    default: {
      const never: never = arch;
      throw new Error(`unknown architecture ${String(never)}`);
    }
  }
}

/** OCI platform string (`linux/arm64`). */
export const platformOf = (arch: Arch): string => `linux/${arch}`;
