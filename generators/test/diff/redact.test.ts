import { describe, expect, test } from 'vitest';
import { diffFields } from '../../src/diff/object-diff.js';
import { isSecretName, redactValue, REDACTED } from '../../src/diff/redact.js';

describe('isSecretName', () => {
  test.each(['password', 'adminPassword', 'token', 'apiKey', 'client_secret', 'tls.key', 'privateKey', 'DB_PASSWORD', 'credential'])(
    '%s is secret',
    (name) => expect(isSecretName(name)).toBe(true),
  );
  test.each(['secretRef', 'secretName', 'passwordSecretRef', 'tokenPath', 'kmsKeyId', 'credentials', 'name', 'image', 'key', 'monkey'])(
    '%s is not',
    (name) => expect(isSecretName(name)).toBe(false),
  );
});

describe('redaction in field changes', () => {
  test('values of a Secret are never shown, only that they changed', () => {
    // GIVEN a Secret whose data and stringData change
    const secret = (v: string) => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: { url: v }, stringData: { plain: v } });
    // WHEN diffed
    const fields = diffFields(secret('aHVudGVyMg=='), secret('c2VjcmV0'));
    // THEN both values are redacted on both sides
    expect(fields).toEqual([
      { path: 'data.url', action: 'changed', before: REDACTED, after: REDACTED },
      { path: 'stringData.plain', action: 'changed', before: REDACTED, after: REDACTED },
    ]);
    expect(JSON.stringify(fields)).not.toContain('c2VjcmV0');
  });

  test('an env var with a secret-looking name keeps its name and hides its value', () => {
    const pod = (env: unknown[]) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'app', env }] } });
    const fields = diffFields(pod([{ name: 'LOG_LEVEL', value: 'info' }]), pod([{ name: 'LOG_LEVEL', value: 'info' }, { name: 'DB_PASSWORD', value: 'hunter2' }]));
    expect(fields).toEqual([
      { path: 'spec.containers[name=app].env[name=DB_PASSWORD]', action: 'added', after: { name: 'DB_PASSWORD', value: REDACTED } },
    ]);
  });

  test('secret-looking leaves inside an added subtree are redacted, references stay visible', () => {
    const value = { auth: { password: 'hunter2', passwordSecretRef: { name: 'db', key: 'password' } }, user: 'admin' };
    expect(redactValue('example.io', 'Thing', ['spec'], value)).toEqual({
      auth: { password: REDACTED, passwordSecretRef: { name: 'db', key: 'password' } },
      user: 'admin',
    });
  });
});
