import { isIP } from 'node:net';
import { Environment } from '@marcbachmann/cel-js';

/**
 * The Kubernetes CEL extension libraries, on top of what @marcbachmann/cel-js provides (standard macros, `has`,
 * `size`, `matches`, `duration`, `timestamp`, and the string functions `contains/startsWith/endsWith/lowerAscii/
 * upperAscii/trim/indexOf/lastIndexOf/substring/split/join`).
 *
 * Added here (Kubernetes names and semantics, see kubernetes.io "CEL in Kubernetes"):
 * - strings: `charAt`, `replace`, `reverse`
 * - lists: `isSorted`, `sum`, `min`, `max`, `indexOf`, `lastIndexOf`
 * - regex: `find`, `findAll`
 * - URLs: `isURL`, `url`, `getScheme/getHost/getHostname/getPort/getEscapedPath/getQuery`
 * - quantities: `isQuantity`, `quantity`, `isInteger/asInteger/asApproximateFloat/sign/add/sub/compareTo/isGreaterThan/isLessThan`
 * - IPs and CIDRs: `isIP`, `ip`, `family/isUnspecified/isLoopback`, `isCIDR`, `cidr`, `containsIP/containsCIDR/ip/masked/prefixLength`
 * - semver: `isSemver`, `semver`, `major/minor/patch/compareTo/isGreaterThan/isLessThan`
 *
 * Not provided (rules using them are reported as "not evaluated"): `format`, `strings.quote`, `sets.*`,
 * `base64.*`, `ip.isCanonical`, the `optional` library, and `authorizer`.
 */
export function kubernetesCelEnvironment(): Environment {
  cached ??= build();
  return cached;
}

let cached: Environment | undefined;

/** A parsed Kubernetes resource quantity (`500m`, `1Gi`, `2e3`), kept as an approximate JavaScript number. */
export class Quantity {
  constructor(
    readonly source: string,
    readonly value: number,
  ) {}
}

/** A parsed URL, as returned by `url()`. */
export class CelURL {
  constructor(readonly url: URL | undefined, readonly raw: string) {}
}

/** A parsed IP address, as returned by `ip()`. */
export class CelIP {
  constructor(
    readonly address: string,
    readonly family: 4 | 6,
    readonly bits: bigint,
  ) {}
}

/** A parsed CIDR, as returned by `cidr()`. */
export class CelCIDR {
  constructor(
    readonly ip: CelIP,
    readonly prefix: number,
  ) {}
}

/** A parsed semantic version, as returned by `semver()`. */
export class Semver {
  constructor(
    readonly major: bigint,
    readonly minor: bigint,
    readonly patch: bigint,
    readonly pre: string,
  ) {}
}

const QUANTITY = /^([+-]?(?:\d+\.?\d*|\.\d+))(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?\d+)?$/;
const SUFFIX: Readonly<Record<string, number>> = {
  Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60,
  n: 1e-9, u: 1e-6, m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
};

/** Parses a Kubernetes quantity; undefined when the string is not one. */
export function parseQuantity(s: string): Quantity | undefined {
  const m = QUANTITY.exec(s);
  if (!m) return undefined;
  const suffix = m[2] ?? '';
  const factor = suffix === '' ? 1 : /^[eE]/.test(suffix) ? 10 ** Number(suffix.slice(1)) : SUFFIX[suffix]!;
  return new Quantity(s, Number(m[1]) * factor);
}

function quantity(s: string): Quantity {
  const q = parseQuantity(s);
  if (!q) throw new Error(`quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$': ${s}`);
  return q;
}

function toQuantity(v: Quantity | bigint): Quantity {
  return v instanceof Quantity ? v : new Quantity(String(v), Number(v));
}

function isURL(s: string): boolean {
  if (s.startsWith('/')) return true;
  try {
    new URL(s);
    return /^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(s);
  } catch {
    return false;
  }
}

function url(s: string): CelURL {
  if (!isURL(s)) throw new Error(`URL parse error during conversion from string: ${s}`);
  return new CelURL(s.startsWith('/') ? undefined : new URL(s), s);
}

function parseIP(s: string): CelIP | undefined {
  const family = isIP(s);
  if (family === 4) {
    const bits = s.split('.').reduce((acc, part) => (acc << 8n) | BigInt(Number(part)), 0n);
    return new CelIP(s, 4, bits);
  }
  if (family === 6) {
    if (s.includes('%')) return undefined; // zones are rejected by Kubernetes
    return new CelIP(s, 6, ipv6Bits(s));
  }
  return undefined;
}

function ipv6Bits(s: string): bigint {
  let text = s;
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const p = v4[1]!.split('.').map(Number);
    text = text.slice(0, -v4[1]!.length) + `${((p[0]! << 8) | p[1]!).toString(16)}:${((p[2]! << 8) | p[3]!).toString(16)}`;
  }
  const [head, tail] = text.split('::');
  const h = head ? head.split(':') : [];
  const t = tail !== undefined && tail !== '' ? tail.split(':') : [];
  const groups = tail === undefined ? h : [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t];
  return groups.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n);
}

function ip(s: string): CelIP {
  const parsed = parseIP(s);
  if (!parsed) throw new Error(`IP Address ${JSON.stringify(s)} parse error during conversion from string`);
  return parsed;
}

function parseCIDR(s: string): CelCIDR | undefined {
  const [addr, bits, extra] = s.split('/');
  if (addr === undefined || bits === undefined || extra !== undefined || !/^\d{1,3}$/.test(bits)) return undefined;
  const parsed = parseIP(addr);
  const prefix = Number(bits);
  if (!parsed || prefix > (parsed.family === 4 ? 32 : 128)) return undefined;
  return new CelCIDR(parsed, prefix);
}

function cidr(s: string): CelCIDR {
  const parsed = parseCIDR(s);
  if (!parsed) throw new Error(`network address parse error during conversion from string: ${s}`);
  return parsed;
}

function maskBits(c: CelCIDR): bigint {
  const width = BigInt(c.ip.family === 4 ? 32 : 128);
  return ((1n << width) - 1n) ^ ((1n << (width - BigInt(c.prefix))) - 1n);
}

function containsIP(c: CelCIDR, addr: CelIP): boolean {
  if (addr.family !== c.ip.family) return false;
  const mask = maskBits(c);
  return (addr.bits & mask) === (c.ip.bits & mask);
}

function maskedAddress(c: CelCIDR): CelIP {
  const bits = c.ip.bits & maskBits(c);
  if (c.ip.family === 4) {
    const parts = [24n, 16n, 8n, 0n].map((s) => String((bits >> s) & 255n));
    return new CelIP(parts.join('.'), 4, bits);
  }
  const groups = Array.from({ length: 8 }, (_, i) => ((bits >> BigInt(112 - i * 16)) & 0xffffn).toString(16));
  return new CelIP(groups.join(':'), 6, bits);
}

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

function semver(s: string): Semver {
  const m = SEMVER.exec(s);
  if (!m) throw new Error(`could not parse ${JSON.stringify(s)} as version`);
  return new Semver(BigInt(m[1]!), BigInt(m[2]!), BigInt(m[3]!), m[4] ?? '');
}

function compareSemver(a: Semver, b: Semver): bigint {
  for (const k of ['major', 'minor', 'patch'] as const) if (a[k] !== b[k]) return a[k] < b[k] ? -1n : 1n;
  if (a.pre === b.pre) return 0n;
  if (a.pre === '') return 1n;
  if (b.pre === '') return -1n;
  return a.pre < b.pre ? -1n : 1n;
}

function compare(a: unknown, b: unknown): number {
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  const x = Number(a);
  const y = Number(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

function celRegex(pattern: string): RegExp {
  return new RegExp(pattern, 'g');
}

function build(): Environment {
  const env = new Environment({ homogeneousAggregateLiterals: false })
    .registerVariable('self', 'dyn')
    .registerVariable('oldSelf', 'dyn')
    .registerType('Quantity', Quantity)
    .registerType('URL', CelURL)
    .registerType('net.IP', CelIP)
    .registerType('net.CIDR', CelCIDR)
    .registerType('Semver', Semver);

  // strings
  env
    .registerFunction('string.charAt(int): string', (s: string, i: bigint) => {
      if (i < 0n || i > BigInt(s.length)) throw new Error(`index out of range: ${i}`);
      return [...s][Number(i)] ?? '';
    })
    .registerFunction('string.replace(string, string): string', (s: string, a: string, b: string) => s.split(a).join(b))
    .registerFunction('string.replace(string, string, int): string', (s: string, a: string, b: string, n: bigint) => {
      if (n < 0n) return s.split(a).join(b);
      let out = s;
      let from = 0;
      for (let i = 0n; i < n; i++) {
        const at = out.indexOf(a, from);
        if (at < 0) break;
        out = out.slice(0, at) + b + out.slice(at + a.length);
        from = at + b.length;
      }
      return out;
    })
    .registerFunction('string.reverse(): string', (s: string) => [...s].reverse().join(''));

  // lists
  env
    .registerFunction('list.isSorted(): bool', (l: unknown[]) => l.every((v, i) => i === 0 || compare(l[i - 1], v) <= 0))
    .registerFunction('list.sum(): dyn', (l: unknown[]) => {
      if (l.length === 0) return 0n;
      if (l.every((v) => typeof v === 'bigint')) return (l as bigint[]).reduce((a, b) => a + b, 0n);
      return l.reduce((a: number, b) => a + Number(b), 0);
    })
    .registerFunction('list.min(): dyn', (l: unknown[]) => {
      if (l.length === 0) throw new Error('min(list) argument must not be empty');
      return l.reduce((a, b) => (compare(b, a) < 0 ? b : a));
    })
    .registerFunction('list.max(): dyn', (l: unknown[]) => {
      if (l.length === 0) throw new Error('max(list) argument must not be empty');
      return l.reduce((a, b) => (compare(b, a) > 0 ? b : a));
    })
    .registerFunction('list.indexOf(dyn): int', (l: unknown[], v: unknown) => BigInt(l.findIndex((x) => x === v)))
    .registerFunction('list.lastIndexOf(dyn): int', (l: unknown[], v: unknown) => BigInt(l.lastIndexOf(v)));

  // regex
  env
    .registerFunction('string.find(string): string', (s: string, re: string) => celRegex(re).exec(s)?.[0] ?? '')
    .registerFunction('string.findAll(string): list<string>', (s: string, re: string) => [...s.matchAll(celRegex(re))].map((m) => m[0]))
    .registerFunction('string.findAll(string, int): list<string>', (s: string, re: string, n: bigint) => {
      const all = [...s.matchAll(celRegex(re))].map((m) => m[0]);
      return n < 0n ? all : all.slice(0, Number(n));
    });

  // URLs
  env
    .registerFunction('isURL(string): bool', isURL)
    .registerFunction('url(string): URL', url)
    .registerFunction('URL.getScheme(): string', (u: CelURL) => (u.url ? u.url.protocol.replace(/:$/, '') : ''))
    .registerFunction('URL.getHost(): string', (u: CelURL) => u.url?.host ?? '')
    .registerFunction('URL.getHostname(): string', (u: CelURL) => u.url?.hostname.replace(/^\[(.*)\]$/, '$1') ?? '')
    .registerFunction('URL.getPort(): string', (u: CelURL) => u.url?.port ?? '')
    .registerFunction('URL.getEscapedPath(): string', (u: CelURL) => (u.url ? u.url.pathname : u.raw.split(/[?#]/)[0]!))
    .registerFunction('URL.getQuery(): map<string, list<string>>', (u: CelURL) => {
      const out: Record<string, string[]> = {};
      for (const [k, v] of new URLSearchParams(u.url?.search ?? u.raw.split('?')[1] ?? '')) (out[k] ??= []).push(v);
      return out;
    });

  // quantities
  env
    .registerFunction('isQuantity(string): bool', (s: string) => parseQuantity(s) !== undefined)
    .registerFunction('quantity(string): Quantity', quantity)
    .registerFunction('Quantity.isInteger(): bool', (q: Quantity) => Number.isSafeInteger(q.value))
    .registerFunction('Quantity.asInteger(): int', (q: Quantity) => {
      if (!Number.isSafeInteger(q.value)) throw new Error('cannot convert value to integer');
      return BigInt(q.value);
    })
    .registerFunction('Quantity.asApproximateFloat(): double', (q: Quantity) => q.value)
    .registerFunction('Quantity.sign(): int', (q: Quantity) => BigInt(Math.sign(q.value)))
    .registerFunction('Quantity.add(Quantity): Quantity', (a: Quantity, b: Quantity) => new Quantity('', a.value + b.value))
    .registerFunction('Quantity.add(int): Quantity', (a: Quantity, b: bigint) => new Quantity('', a.value + toQuantity(b).value))
    .registerFunction('Quantity.sub(Quantity): Quantity', (a: Quantity, b: Quantity) => new Quantity('', a.value - b.value))
    .registerFunction('Quantity.sub(int): Quantity', (a: Quantity, b: bigint) => new Quantity('', a.value - toQuantity(b).value))
    .registerFunction('Quantity.compareTo(Quantity): int', (a: Quantity, b: Quantity) => BigInt(compare(a.value, b.value)))
    .registerFunction('Quantity.isGreaterThan(Quantity): bool', (a: Quantity, b: Quantity) => a.value > b.value)
    .registerFunction('Quantity.isLessThan(Quantity): bool', (a: Quantity, b: Quantity) => a.value < b.value);

  // IPs and CIDRs
  env
    .registerFunction('isIP(string): bool', (s: string) => parseIP(s) !== undefined)
    .registerFunction('ip(string): net.IP', ip)
    .registerFunction('net.IP.family(): int', (a: CelIP) => BigInt(a.family))
    .registerFunction('net.IP.isUnspecified(): bool', (a: CelIP) => a.bits === 0n)
    .registerFunction('net.IP.isLoopback(): bool', (a: CelIP) => (a.family === 4 ? a.bits >> 24n === 127n : a.bits === 1n))
    .registerFunction('isCIDR(string): bool', (s: string) => parseCIDR(s) !== undefined)
    .registerFunction('cidr(string): net.CIDR', cidr)
    .registerFunction('net.CIDR.containsIP(net.IP): bool', containsIP)
    .registerFunction('net.CIDR.containsIP(string): bool', (c: CelCIDR, s: string) => containsIP(c, ip(s)))
    .registerFunction('net.CIDR.containsCIDR(net.CIDR): bool', (c: CelCIDR, o: CelCIDR) => o.prefix >= c.prefix && containsIP(c, o.ip))
    .registerFunction('net.CIDR.containsCIDR(string): bool', (c: CelCIDR, s: string) => {
      const o = cidr(s);
      return o.prefix >= c.prefix && containsIP(c, o.ip);
    })
    .registerFunction('net.CIDR.ip(): net.IP', (c: CelCIDR) => c.ip)
    .registerFunction('net.CIDR.masked(): net.CIDR', (c: CelCIDR) => new CelCIDR(maskedAddress(c), c.prefix))
    .registerFunction('net.CIDR.prefixLength(): int', (c: CelCIDR) => BigInt(c.prefix));

  // semver
  env
    .registerFunction('isSemver(string): bool', (s: string) => SEMVER.test(s))
    .registerFunction('semver(string): Semver', semver)
    .registerFunction('Semver.major(): int', (v: Semver) => v.major)
    .registerFunction('Semver.minor(): int', (v: Semver) => v.minor)
    .registerFunction('Semver.patch(): int', (v: Semver) => v.patch)
    .registerFunction('Semver.compareTo(Semver): int', compareSemver)
    .registerFunction('Semver.isGreaterThan(Semver): bool', (a: Semver, b: Semver) => compareSemver(a, b) > 0n)
    .registerFunction('Semver.isLessThan(Semver): bool', (a: Semver, b: Semver) => compareSemver(a, b) < 0n);

  return env;
}
