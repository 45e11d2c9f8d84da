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
});
