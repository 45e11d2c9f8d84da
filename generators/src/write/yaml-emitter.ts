/**
 * A small, fast YAML emitter for the plain JSON data Kubernetes objects are made of.
 *
 * Output is block style, two-space indentation, sequences indented under their key, no line
 * folding. A string is written plain only when no YAML 1.1 or 1.2 parser could read it as
 * anything but that string (kubectl still reads YAML 1.1, where `yes`, `on` or `1:20` are not
 * strings); multi-line strings become literal blocks; everything else is double-quoted JSON, which
 * is valid YAML. The `yaml` package parses every output back to the same data (see the tests),
 * at a tenth of its stringify cost.
 */
export function emitYaml(value: unknown): string {
  if (isMap(value)) return Object.keys(value).length === 0 ? '{}\n' : emitMap(value, '');
  if (Array.isArray(value)) return value.length === 0 ? '[]\n' : emitSeq(value, '');
  return `${scalar(value, '')}\n`;
}

function emitMap(map: Record<string, unknown>, indent: string): string {
  let out = '';
  for (const key of Object.keys(map)) {
    const v = map[key];
    if (v === undefined) continue;
    if (key.length > 1000) throw new Error(`cannot write a map key of ${key.length} characters as YAML (implicit keys are limited to 1024)`);
    out += `${indent}${plainOrQuoted(key)}:${valueAfterKey(v, indent)}`;
  }
  return out;
}

function emitSeq(seq: readonly unknown[], indent: string): string {
  let out = '';
  for (const item of seq) {
    if (isMap(item) && Object.keys(item).length > 0) {
      // The first key shares the dash line; the rest align under it.
      const body = emitMap(item, `${indent}  `);
      out += `${indent}- ${body.slice(indent.length + 2)}`;
    } else if (Array.isArray(item) && item.length > 0) {
      out += `${indent}-\n${emitSeq(item, `${indent}  `)}`;
    } else {
      out += `${indent}- ${inline(item, indent)}\n`;
    }
  }
  return out;
}

function valueAfterKey(v: unknown, indent: string): string {
  if (isMap(v)) return Object.keys(v).length === 0 ? ' {}\n' : `\n${emitMap(v, `${indent}  `)}`;
  if (Array.isArray(v)) return v.length === 0 ? ' []\n' : `\n${emitSeq(v, `${indent}  `)}`;
  return ` ${scalar(v, indent)}\n`;
}

function inline(v: unknown, indent: string): string {
  if (isMap(v)) return '{}';
  if (Array.isArray(v)) return '[]';
  return scalar(v, indent);
}

function scalar(v: unknown, indent: string): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`cannot write the number ${v} as YAML`);
    return String(v);
  }
  if (typeof v === 'string') return v.includes('\n') ? literalBlock(v, indent) : plainOrQuoted(v);
  throw new Error(`cannot write a ${typeof v} as YAML`);
}

/** Words that YAML 1.1 or 1.2 resolve to booleans or null, in any case. */
const RESERVED = new Set(['y', 'n', 'yes', 'no', 'on', 'off', 'true', 'false', 'null', '~']);
/** Starts with a letter, `_`, `/` or `./`; no characters that mean something in block context. */
const SAFE_PLAIN = /^(?:[A-Za-z_/]|\.\/)[A-Za-z0-9_./@=+,()*$^<>?!%:-]*(?: [A-Za-z0-9_./@=+,()*$^<>?!%:'"-]+)*$/;

function plainOrQuoted(s: string): string {
  if (s.length > 0 && s.length < 1024 && SAFE_PLAIN.test(s) && !s.includes(': ') && !s.endsWith(':') && !RESERVED.has(s.toLowerCase())) {
    return s;
  }
  return JSON.stringify(s);
}

/** A literal block keeps multi-line text (policies, scripts, config files) readable in diffs. */
function literalBlock(s: string, indent: string): string {
  const lines = s.split('\n');
  const trailing = s.endsWith('\n');
  const body = trailing ? lines.slice(0, -1) : lines;
  // Cases a literal block cannot express faithfully without indicators: fall back to quoting.
  if (s.includes('\r') || s.includes('\t') || /^[ \n]/.test(s) || body.some((l) => l.endsWith(' ')) || s.endsWith('\n\n') || /[\u0000-\u0008\u000b-\u001f\u007f]/.test(s)) {
    return JSON.stringify(s);
  }
  const pad = `${indent}  `;
  return `${trailing ? '|' : '|-'}\n${body.map((l) => (l === '' ? '' : `${pad}${l}`)).join('\n')}`;
}

function isMap(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
