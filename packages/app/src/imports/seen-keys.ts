import { createHash } from 'node:crypto';

/**
 * The external ids met in one file, with the line each first appeared on, so a repeated id
 * is refused. Ids are held as 64-bit digests in flat typed arrays (open addressing): about
 * 12 to 24 bytes per row instead of about 100 for a Map of strings, which keeps a
 * million-row import small. Two different ids with the same digest (odds about n^2 / 2^65,
 * 3e-8 for a million ids) would be reported as a repeat, never the other way round.
 */
export class SeenKeys {
  private hi = new Uint32Array(1024);
  private lo = new Uint32Array(1024);
  /** 0 marks an empty slot; lines start at 1. */
  private lines = new Uint32Array(1024);
  private count = 0;

  /** The line `key` first appeared on; or, when it is new, records it at `line` and returns undefined. */
  firstLine(key: string, line: number): number | undefined {
    const digest = createHash('md5').update(key).digest();
    const hi = digest.readUInt32LE(0);
    const lo = digest.readUInt32LE(4);
    const found = this.find(hi, lo);
    if (this.lines[found] !== 0) return this.lines[found];
    this.lines[found] = line;
    this.hi[found] = hi;
    this.lo[found] = lo;
    this.count += 1;
    if (this.count * 2 > this.lines.length) this.grow();
    return undefined;
  }

  private find(hi: number, lo: number): number {
    const mask = this.lines.length - 1;
    let slot = lo & mask;
    while (this.lines[slot] !== 0 && (this.hi[slot] !== hi || this.lo[slot] !== lo)) slot = (slot + 1) & mask;
    return slot;
  }

  private grow(): void {
    const { hi, lo, lines } = this;
    this.hi = new Uint32Array(lines.length * 2);
    this.lo = new Uint32Array(lines.length * 2);
    this.lines = new Uint32Array(lines.length * 2);
    for (let i = 0; i < lines.length; i++) {
      if (lines[i] === 0) continue;
      const slot = this.find(hi[i] as number, lo[i] as number);
      this.hi[slot] = hi[i] as number;
      this.lo[slot] = lo[i] as number;
      this.lines[slot] = lines[i] as number;
    }
  }
}
