import { Address4 } from 'ip-address';

/** An IPv4 CIDR block with the arithmetic subnet planning needs. Parsing uses ip-address. */
export class Cidr {
  private constructor(
    /** First address as an unsigned 32-bit number. */
    readonly start: bigint,
    readonly prefixLength: number,
  ) {}

  /** Parses `a.b.c.d/n`; throws with the reason when it is not a valid network address. */
  static parse(text: string): Cidr {
    if (!Address4.isValid(text) || !text.includes('/')) throw new Error(`'${text}' is not an IPv4 CIDR such as 10.0.0.0/16`);
    const addr = new Address4(text);
    const start = addr.startAddress().bigInt();
    if (addr.bigInt() !== start) {
      throw new Error(`'${text}' has host bits set; the network address is ${Address4.fromBigInt(start).address}/${addr.subnetMask}`);
    }
    return new Cidr(start, addr.subnetMask);
  }

  get size(): bigint {
    return 1n << BigInt(32 - this.prefixLength);
  }

  get end(): bigint {
    return this.start + this.size - 1n;
  }

  overlaps(other: Cidr): boolean {
    return this.start <= other.end && other.start <= this.end;
  }

  contains(other: Cidr): boolean {
    return this.start <= other.start && other.end <= this.end;
  }

  /** The block of the given prefix length that starts at `offset` addresses into this one. */
  at(offset: bigint, prefixLength: number): Cidr {
    return new Cidr(this.start + offset, prefixLength);
  }

  toString(): string {
    return `${Address4.fromBigInt(this.start).address}/${this.prefixLength}`;
  }
}
