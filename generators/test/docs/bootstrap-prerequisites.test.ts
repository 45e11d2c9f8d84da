import { readFileSync } from 'node:fs';
import { BOOTSTRAP_PREREQUISITES } from '@platform/platform';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../validate/real-crds.js';

describe('docs/bootstrap.md', () => {
  it('GIVEN the bootstrap prerequisites validate --charts accepts WHEN the docs list them THEN the table is exactly that list', () => {
    const text = readFileSync(`${REPO_ROOT}docs/bootstrap.md`, 'utf8');
    const table = /<!-- bootstrap-prerequisites:begin -->\n([\s\S]*?)<!-- bootstrap-prerequisites:end -->/.exec(text)?.[1];
    const rows = BOOTSTRAP_PREREQUISITES.map((p) => `| ${p.kind} | \`${p.namespace}\` | \`${p.name}\` | ${p.madeBy} | ${p.readBy} |`);
    expect(table).toBe(['| Kind | Namespace | Name | Made by | Read by |', '|---|---|---|---|---|', ...rows, ''].join('\n'));
  });
});
