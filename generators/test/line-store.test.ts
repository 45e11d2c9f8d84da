import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LineStore } from '../src/line-store.js';

/** A new store file under `header` holding `entries`; its path. */
function saved(header: string, entries: Record<string, string>): string {
  const f = join(mkdtempSync(join(tmpdir(), 'line-store-')), 'store.txt');
  const store = new LineStore(f, header);
  for (const [key, value] of Object.entries(entries)) store.set(key, value);
  store.save();
  return f;
}

describe('LineStore', () => {
  it('GIVEN entries saved THEN a store with the same header reads them, one with another header reads none', () => {
    const f = saved('h1', { a: '1', b: '{"x": 2}' });
    expect(readFileSync(f, 'utf8')).toBe('h1\na\t1\nb\t{"x": 2}\n');
    expect(new LineStore(f, 'h1').get('b')).toBe('{"x": 2}');
    expect(new LineStore(f, 'h2').get('b')).toBeUndefined();
    expect(new LineStore(f, 'h1', { read: false }).get('b')).toBeUndefined();
  });

  it('GIVEN a run that asks for one entry THEN only it is written back, unless unused entries are kept', () => {
    const f = saved('h', { a: '1', b: '2' });
    const asking = new LineStore(f, 'h');
    asking.get('a');
    asking.save();
    expect(readFileSync(f, 'utf8')).toBe('h\na\t1\n');
    const keeping = new LineStore(f, 'h', { keepUnused: true });
    keeping.set('c', '3');
    keeping.save();
    expect(readFileSync(f, 'utf8')).toBe('h\na\t1\nc\t3\n');
  });

  it('GIVEN nothing added or dropped THEN the file is not rewritten; lines without a tab are ignored', () => {
    const f = saved('h', {});
    writeFileSync(f, 'h\na\t1\nno tab here\n');
    const before = statSync(f).mtimeMs;
    const store = new LineStore(f, 'h', { keepUnused: true });
    expect(store.get('a')).toBe('1');
    expect(store.get('no tab here')).toBeUndefined();
    store.save();
    expect(statSync(f).mtimeMs).toBe(before);
  });
});
