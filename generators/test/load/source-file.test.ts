import { describe, expect, it } from 'vitest';
import { SourceFile } from '../../src/load/source-file.js';

describe('SourceFile', () => {
  it('locates values, keys and the nearest existing parent of a missing path', () => {
    const f = SourceFile.parse('tenants/a.yaml', 'name: a\nowners:\n  - team: acme/a\n    role: edit\n');
    expect(f).toBeInstanceOf(SourceFile);
    const file = f as SourceFile;
    expect(file.locate(['owners', 0, 'role'])).toEqual({ line: 4, col: 11 });
    expect(file.locate(['owners', 0, 'role'], true)).toEqual({ line: 4, col: 5 });
    expect(file.locate(['owners', 3, 'team'])).toEqual({ line: 3, col: 3 });
    expect(file.problem(['name'], 'bad')).toEqual({ file: 'tenants/a.yaml', line: 1, col: 7, field: 'name', message: 'bad' });
  });

  it('reports an empty file and a scalar document with what is allowed', () => {
    expect(SourceFile.parse('x.yaml', '')).toEqual([{ file: 'x.yaml', line: 1, col: 1, field: '', message: 'file is empty; allowed: one YAML mapping' }]);
    expect(SourceFile.parse('x.yaml', 'just text\n')).toEqual([
      { file: 'x.yaml', line: 1, col: 1, field: '', message: 'document is a scalar value (found); allowed: a mapping of fields' },
    ]);
  });

  it('GIVEN a duplicated key WHEN parsed THEN the message names the key, at the repeated one', () => {
    expect(SourceFile.parse('t.yaml', 'a: 1\nb:\n  c: 2\na: 3\n')).toEqual([
      { file: 't.yaml', line: 4, col: 1, field: '', message: 'duplicate key "a": each key may appear once in a mapping' },
    ]);
  });

  it('GIVEN YAML errors the parser reports at an indentation or past the end WHEN parsed THEN the column points at the content', () => {
    const at = (text: string) => (SourceFile.parse('t.yaml', text) as { line: number; col: number }[]).map((d) => `${d.line}:${d.col}`);
    expect(at('a:\n  - b\n  c: 1\n')).toEqual(['3:3']);
    expect(at('quotas:\n  cpu: "2"\n  memory: [1Gi\n')).toEqual(['3:14']);
  });
});
