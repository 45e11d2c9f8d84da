import { describe, expect, it } from 'vitest';
import { knownKinds, registerSchema, unregisterSchema, validateManifest } from '../../src/validation/manifest-validator.js';
import { EMITTED_KINDS } from '../../src/validation/emitted-kinds.js';
import { validateBuiltInManifest } from '../../src/validation/built-in-kinds.js';

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

  it('GIVEN each emitted kind THEN it has its generated validator, which names the field and what it must be', () => {
    expect(knownKinds()).toEqual(expect.arrayContaining([...EMITTED_KINDS]));
    expect(validateManifest({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'x' }, spec: { replicas: 'two' } })).toEqual([
      'spec: must have required property selector',
      'spec: must have required property template',
      'spec.replicas: must be integer',
    ]);
    expect(validateManifest({ apiVersion: 'helm.toolkit.fluxcd.io/v2', kind: 'HelmRelease', metadata: { name: 'x' }, spec: { interval: 5 } })).toContain(
      'spec.interval: must be string',
    );
    expect(validateManifest({ apiVersion: 'external-secrets.io/v1', kind: 'ExternalSecret', metadata: { name: 'x' }, spec: { refreshPolicy: 'Sometimes' } })).toContain(
      'spec.refreshPolicy: must be equal to one of the allowed values',
    );
  });
});

describe('validateBuiltInManifest', () => {
  it('GIVEN any kind of the Kubernetes API THEN it is validated; a kind Kubernetes does not serve is named', async () => {
    expect(await validateBuiltInManifest({ apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 's' }, spec: { selector: {}, serviceName: 's', template: {} } })).toEqual([]);
    expect(await validateBuiltInManifest({ apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'd' }, spec: { selector: {} } })).toEqual([
      'spec: must have required property template',
    ]);
    expect(await validateBuiltInManifest({ apiVersion: 'apps/v1', kind: 'Gadget', metadata: { name: 'g' } })).toEqual(['apiVersion: Kubernetes serves no Gadget in apps/v1']);
    expect(await validateBuiltInManifest({ apiVersion: 'not a version', kind: 'Pod' })).toEqual(['apiVersion/kind: not a version Pod is not a Kubernetes API kind']);
  });
});

