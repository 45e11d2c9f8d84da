import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

describe('generate-types', () => {
  it('the committed generated types match the schemas', () => {
    // `--check` exits 1 and names the stale files when a schema changed without a rebuild
    expect(() => execFileSync('node', [join(root, 'scripts', 'generate-types.mjs'), '--check'], { stdio: 'pipe' })).not.toThrow();
  });

  it('marks generated files as generated and makes defaulted fields required in the model types', () => {
    const cluster = readFileSync(join(root, 'src', 'generated', 'cluster.ts'), 'utf8');
    expect(cluster).toContain('Generated from schemas/cluster.schema.json');
    expect(cluster).toContain('Do not edit');
    expect(cluster).toMatch(/\n {2}management: boolean;/);
  });

  it.each(['cluster', 'tenant', 'app'])('%s schema describes every property and forbids unknown ones', (kind) => {
    const schema = JSON.parse(readFileSync(join(root, `${kind}.schema.json`), 'utf8'));
    const walk = (node: Record<string, unknown>, path: string) => {
      if (node.type === 'object' && node.properties) {
        expect(node.additionalProperties, `${path} must set additionalProperties`).not.toBeUndefined();
        for (const [k, v] of Object.entries(node.properties as Record<string, Record<string, unknown>>)) {
          walk(v, `${path}.${k}`);
        }
      }
      if (node.items) walk(node.items as Record<string, unknown>, `${path}[]`);
    };
    walk(schema, kind);
    expect(schema.additionalProperties).toBe(false);
    for (const [k, v] of Object.entries(schema.properties as Record<string, { description?: string }>)) expect(v.description, `${kind}.${k}`).toBeTruthy();
  });
});
