// A minimal OLE compound file (MS-CFB version 3): what Excel 97-2003 .xls files and password-protected .xlsx files are.
// Each stream is padded to 4096 bytes so that it lives in regular sectors (no mini stream to write).

const SECTOR = 512;
const FREESECT = 0xffffffff;
const ENDOFCHAIN = 0xfffffffe;
const FATSECT = 0xfffffffd;
const NOSTREAM = 0xffffffff;

export interface CfbStream {
  name: string;
  data: Uint8Array;
}

function sectorsFor(bytes: number): number {
  return Math.max(1, Math.ceil(bytes / SECTOR));
}

/** CFB names compare by length first, then by upper-cased code units (MS-CFB 2.6.4). */
function compareNames(a: string, b: string): number {
  return a.length - b.length || (a.toUpperCase() < b.toUpperCase() ? -1 : a.toUpperCase() > b.toUpperCase() ? 1 : 0);
}

export function writeCfb(streams: CfbStream[]): Uint8Array {
  const padded = streams.map((s) => {
    const data = new Uint8Array(Math.max(4096, s.data.length));
    data.set(s.data);
    return { name: s.name, data };
  });
  const entries = 1 + padded.length;
  const dirSectors = Math.ceil((entries * 128) / SECTOR);
  const streamSectors = padded.map((s) => sectorsFor(s.data.length));
  const total = 1 + dirSectors + streamSectors.reduce((a, b) => a + b, 0); // sector 0 is the FAT
  if (total > SECTOR / 4) throw new Error("writeCfb: one FAT sector only (64 KB of streams)");

  const out = new Uint8Array(SECTOR * (1 + total));
  const view = new DataView(out.buffer);
  // header
  out.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  view.setUint16(0x18, 0x003e, true); // minor version
  view.setUint16(0x1a, 0x0003, true); // major version 3
  view.setUint16(0x1c, 0xfffe, true); // little-endian
  view.setUint16(0x1e, 9, true); // 512-byte sectors
  view.setUint16(0x20, 6, true); // 64-byte mini sectors
  view.setUint32(0x2c, 1, true); // FAT sectors
  view.setUint32(0x30, 1, true); // first directory sector
  view.setUint32(0x38, 4096, true); // mini stream cutoff
  view.setUint32(0x3c, ENDOFCHAIN, true); // no mini FAT
  view.setUint32(0x44, ENDOFCHAIN, true); // no DIFAT sectors
  view.setUint32(0x4c, 0, true); // DIFAT[0] = FAT in sector 0
  for (let i = 1; i < 109; i++) view.setUint32(0x4c + i * 4, FREESECT, true);

  const sectorAt = (n: number) => SECTOR * (1 + n);
  const fat = new Array<number>(SECTOR / 4).fill(FREESECT);
  fat[0] = FATSECT;
  const chain = (first: number, count: number) => {
    for (let i = 0; i < count; i++) fat[first + i] = i === count - 1 ? ENDOFCHAIN : first + i + 1;
  };
  chain(1, dirSectors);
  let next = 1 + dirSectors;
  const starts: number[] = [];
  padded.forEach((s, i) => {
    starts.push(next);
    chain(next, streamSectors[i]!);
    out.set(s.data, sectorAt(next));
    next += streamSectors[i]!;
  });
  fat.forEach((v, i) => view.setUint32(sectorAt(0) + i * 4, v, true));

  // directory: the root, then the streams as a chain of right siblings in CFB name order
  const order = padded.map((_, i) => i).sort((a, b) => compareNames(padded[a]!.name, padded[b]!.name));
  const dir = sectorAt(1);
  const entry = (id: number, name: string, type: number, left: number, right: number, child: number, start: number, size: number) => {
    const at = dir + id * 128;
    for (let k = 0; k < name.length; k++) view.setUint16(at + k * 2, name.charCodeAt(k), true);
    view.setUint16(at + 64, (name.length + 1) * 2, true);
    out[at + 66] = type;
    out[at + 67] = 1; // black
    view.setUint32(at + 68, left, true);
    view.setUint32(at + 72, right, true);
    view.setUint32(at + 76, child, true);
    view.setUint32(at + 116, start, true);
    view.setUint32(at + 120, size, true);
  };
  entry(0, "Root Entry", 5, NOSTREAM, NOSTREAM, order.length ? order[0]! + 1 : NOSTREAM, ENDOFCHAIN, 0);
  order.forEach((streamIndex, k) => {
    const right = k + 1 < order.length ? order[k + 1]! + 1 : NOSTREAM;
    const s = padded[streamIndex]!;
    entry(streamIndex + 1, s.name, 2, NOSTREAM, right, NOSTREAM, starts[streamIndex]!, s.data.length);
  });
  for (let id = entries; id < (dirSectors * SECTOR) / 128; id++) {
    view.setUint32(dir + id * 128 + 68, NOSTREAM, true);
    view.setUint32(dir + id * 128 + 72, NOSTREAM, true);
    view.setUint32(dir + id * 128 + 76, NOSTREAM, true);
  }
  return out;
}

/** The names of the streams a compound file's directory lists (a reader for the tests: proves writeCfb's layout). */
export function listCfbStreams(bytes: Uint8Array): string[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const firstDir = view.getUint32(0x30, true);
  const fatSector = view.getUint32(0x4c, true);
  const fatAt = SECTOR * (1 + fatSector);
  const names: string[] = [];
  for (let s = firstDir; s !== ENDOFCHAIN; s = view.getUint32(fatAt + s * 4, true)) {
    for (let k = 0; k < SECTOR / 128; k++) {
      const at = SECTOR * (1 + s) + k * 128;
      const type = bytes[at + 66];
      if (type !== 2) continue;
      const len = view.getUint16(at + 64, true) / 2 - 1;
      names.push(String.fromCharCode(...Array.from({ length: len }, (_, i) => view.getUint16(at + i * 2, true))));
    }
  }
  return names;
}
