import { describe, expect, it } from 'vitest';
import { knownKinds, registerSchema, unregisterSchema, validateManifest } from '../../src/validation/manifest-validator.js';

describe('validateManifest', () => {
  it('accepts a valid core object and a valid Flux object', () => {
    expect(validateManifest({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a' } })).toEqual([]);
    expect(
      validateManifest({
        apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
        kind: 'Kustomization',
        metadata: { name: 'a', namespace: 'flux-system' },
        spec: { interval: '10m', prune: true, sourceRef: { kind: 'GitRepository', name: 'flux-system' } },
      }),
    ).toEqual([]);
  });

  it('rejects a missing name, wrong types and API versions that are no longer served', () => {
    expect(validateManifest({ apiVersion: 'v1', kind: 'Namespace', metadata: {} })).toContain('metadata.name: Required value');
    expect(validateManifest({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'x' }, spec: { replicas: 'two' } }).join('\n')).toMatch(/replicas/);
    expect(validateManifest({ apiVersion: 'notification.toolkit.fluxcd.io/v1beta2', kind: 'Alert', metadata: { name: 'x' } })[0]).toMatch(/^no schema for notification.toolkit.fluxcd.io\/v1beta2\/Alert/);
  });

  it('validates registered kinds with their JSON Schema, strict on unknown fields', () => {
    registerSchema('test.example.com/v1', 'Gizmo', {
      type: 'object',
      required: ['spec'],
      properties: { spec: { type: 'object', additionalProperties: false, properties: { size: { type: 'integer' } } } },
    });
    expect(knownKinds()).toContain('test.example.com/v1/Gizmo');
    expect(validateManifest({ apiVersion: 'test.example.com/v1', kind: 'Gizmo', metadata: { name: 'g' }, spec: { size: 1 } })).toEqual([]);
    expect(validateManifest({ apiVersion: 'test.example.com/v1', kind: 'Gizmo', metadata: { name: 'g' }, spec: { sise: 1 } })).toEqual([
      'spec: must NOT have additional properties "sise"',
    ]);
    // AND unregistered, the kind is unknown again (the registry outlives this file in a shared worker)
    unregisterSchema('test.example.com/v1', 'Gizmo');
    expect(knownKinds()).not.toContain('test.example.com/v1/Gizmo');
    expect(validateManifest({ apiVersion: 'test.example.com/v1', kind: 'Gizmo', metadata: { name: 'g' }, spec: { size: 1 } })[0]).toMatch(/^no schema for test\.example\.com\/v1\/Gizmo/);
  });
});
