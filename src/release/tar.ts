// A tar reader for npm's tarballs: gzip, then ustar records (with the prefix field, pax `path`
// and `size` records, and GNU long names), as node-tar writes them for `npm pack`.
// https://www.gnu.org/software/tar/manual/html_node/Standard.html
// https://pubs.opengroup.org/onlinepubs/9699919799/utilities/pax.html#tag_20_92_13_03

import { gunzipSync } from 'node:zlib';

export interface TarEntry {
  path: string;
  size: number;
  /** The file's bytes (a view into the unpacked archive). */
  data: Buffer;
}

export class TarError extends Error {
  constructor(message: string) {
    super(`not a valid npm tarball: ${message}`);
    this.name = 'TarError';
  }
}

function field(block: Buffer, offset: number, length: number): string {
  const raw = block.subarray(offset, offset + length);
  const end = raw.indexOf(0);
  return raw.toString('utf8', 0, end === -1 ? length : end);
}

function octal(block: Buffer, offset: number, length: number): number {
  // Sizes over 8 GiB use base-256 (high bit set); npm packages never get there.
  if ((block[offset]! & 0x80) !== 0) throw new TarError('base-256 size field');
  const text = field(block, offset, length).trim();
  const value = text === '' ? 0 : parseInt(text, 8);
  if (!Number.isFinite(value) || value < 0) throw new TarError(`bad number "${text}"`);
  return value;
}

function checksumOk(block: Buffer): boolean {
  const stored = octal(block, 148, 8);
  let sum = 0;
  for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 32 : block[i]!;
  return sum === stored;
}

function parsePax(data: Buffer): Record<string, string> {
  const out: Record<string, string> = {};
  let pos = 0;
  while (pos < data.length) {
    const space = data.indexOf(32, pos);
    if (space === -1) break;
    const length = Number(data.toString('utf8', pos, space));
    if (!Number.isInteger(length) || length <= 0) break;
    const record = data.toString('utf8', space + 1, pos + length - 1);
    const eq = record.indexOf('=');
    if (eq > 0) out[record.slice(0, eq)] = record.slice(eq + 1);
    pos += length;
  }
  return out;
}

/** Regular files of a .tgz (or a plain .tar), in archive order. */
export function readTarball(archive: Buffer): TarEntry[] {
  let tar: Buffer;
  try {
    tar = archive[0] === 0x1f && archive[1] === 0x8b ? gunzipSync(archive) : archive;
  } catch (error) {
    throw new TarError(`gzip: ${(error as Error).message}`);
  }
  const entries: TarEntry[] = [];
  let pos = 0;
  let pax: Record<string, string> = {};
  let longName: string | undefined;
  while (pos + 512 <= tar.length) {
    const header = tar.subarray(pos, pos + 512);
    if (header.every((b) => b === 0)) break;
    if (!checksumOk(header)) throw new TarError(`bad header checksum at byte ${pos}`);
    const type = String.fromCharCode(header[156]! || 48);
    let size = octal(header, 124, 12);
    if (pax['size'] !== undefined) size = Number(pax['size']);
    const dataStart = pos + 512;
    if (dataStart + size > tar.length) throw new TarError(`entry at byte ${pos} runs past the end`);
    const data = tar.subarray(dataStart, dataStart + size);
    pos = dataStart + Math.ceil(size / 512) * 512;
    if (type === 'x') {
      pax = parsePax(data);
      continue;
    }
    if (type === 'g') continue;
    if (type === 'L') {
      longName = data.toString('utf8').replace(/\0+$/, '');
      continue;
    }
    const prefix = field(header, 345, 155);
    const name = pax['path'] ?? longName ?? (prefix ? `${prefix}/${field(header, 0, 100)}` : field(header, 0, 100));
    pax = {};
    longName = undefined;
    if (type === '0' || type === '7') entries.push({ path: name, size, data });
  }
  return entries;
}
