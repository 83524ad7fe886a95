/**
 * A seeded generator (xoshiro128**, 128 bits of state) with the draws the synthesizer needs. Every
 * value the synthesizer writes, ids included, comes from one of these, so a seed always gives the
 * same data. Each (seed, stream) pair gets its own state through splitmix32; with 128 bits the
 * streams of thousands of patients never overlap (a 32-bit generator's do, and repeat ids).
 */
export class Rng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  constructor(seed: number, stream = 0) {
    let x = (seed ^ Math.imul(stream + 1, 0x9e3779b9)) | 0;
    const next = () => {
      x = (x + 0x9e3779b9) | 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
      z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
      return (z ^ (z >>> 15)) | 0;
    };
    this.s0 = next();
    this.s1 = next() ^ stream;
    this.s2 = next();
    this.s3 = next() || 1;
  }

  /** A uniform 32-bit unsigned integer. */
  uint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** Uniform real in [min, max). */
  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  /** Exponentially distributed with the given mean: waits and delays with a long tail. */
  exponential(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }

  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)] as T;
  }

  /** One item, chosen with probability proportional to its weight. */
  weighted<T extends { weight: number }>(list: readonly T[]): T {
    let total = 0;
    for (const item of list) total += item.weight;
    let x = this.next() * total;
    for (const item of list) {
      x -= item.weight;
      if (x < 0) return item;
    }
    return list[list.length - 1] as T;
  }

  /** An RFC 4122 version 4 UUID, as crypto.randomUUID() would shape it. */
  uuid(): string {
    const a = this.uint32();
    const b = this.uint32();
    const c = this.uint32();
    const d = this.uint32();
    return (
      hex8(a) +
      "-" +
      hex4(b >>> 16) +
      "-4" +
      hex4(b & 0xffff).slice(1) +
      "-" +
      hex4(((c >>> 16) & 0x3fff) | 0x8000) +
      "-" +
      hex4(c & 0xffff) +
      hex8(d)
    );
  }
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));
const hex4 = (n: number) => HEX[(n >>> 8) & 0xff]! + HEX[n & 0xff]!;
const hex8 = (n: number) => hex4(n >>> 16) + hex4(n & 0xffff);

const rotl = (x: number, k: number) => (x << k) | (x >>> (32 - k));
