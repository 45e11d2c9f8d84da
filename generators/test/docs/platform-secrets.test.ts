import { readFileSync } from 'node:fs';
import { PLATFORM_SECRETS, SLACK_TOKEN_KEY, platformSecretPrefix } from '@platform/platform';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../validate/real-crds.js';

describe('docs/bootstrap.md', () => {
  it('GIVEN the Secrets Manager entries the ExternalSecrets read WHEN the docs table lists them THEN each has one row naming every Secret and key it becomes, and no row is stale', () => {
    const text = readFileSync(`${REPO_ROOT}docs/bootstrap.md`, 'utf8');
    const table = /<!-- platform-secrets:begin -->\n([\s\S]*?)<!-- platform-secrets:end -->/.exec(text)?.[1] ?? '';
    const rows = new Map(table.split('\n').slice(2).filter(Boolean).map((r) => [/^\| `([^`]+)`/.exec(r)?.[1] ?? r, r]));
    const name = (key: string) => `${platformSecretPrefix('<cluster>')}${key}`;
    const keys = new Set([SLACK_TOKEN_KEY, ...PLATFORM_SECRETS.flatMap((s) => s.data.map((d) => d.key))]);
    expect([...rows.keys()].sort()).toEqual([...keys].map(name).sort());
    for (const secret of PLATFORM_SECRETS) {
      for (const d of secret.data) expect(rows.get(name(d.key)), d.key).toContain(`\`${secret.namespace}/${secret.name}\`, key \`${d.secretKey}\``);
    }
  });
});
