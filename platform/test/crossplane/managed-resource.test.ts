import { App, Chart } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { RETAIN_POLICIES, defineManagedResourceKind, managedResourceClass } from '../../src/crossplane/managed-resource.js';
import { validateManifest } from '../../src/validation/manifest-validator.js';

const WIDGET = defineManagedResourceKind({
  apiVersion: 'widget.aws.m.upbound.io/v1beta1',
  kind: 'Widget',
  forProvider: { required: ['region'], properties: { region: { type: 'string' }, size: { type: 'number' } } },
});
const Widget = managedResourceClass<{ region: string; size?: number }>(WIDGET);

function render(props: ConstructorParameters<typeof Widget>[2]): Record<string, unknown> {
  const chart = new Chart(new App(), 'c');
  return new Widget(chart, 'w', props).toJson() as Record<string, unknown>;
}

describe('ManagedResource', () => {
  it('emits a namespaced MR with external name, retained policies and an explicit provider config', () => {
    const m = render({
      name: 'w', namespace: 'infra-prod', externalName: 'prod-w', retain: true,
      providerConfigRef: { kind: 'ClusterProviderConfig', name: 'infra-prod' }, writeConnectionSecretTo: 'w-conn',
      forProvider: { region: 'eu-west-1', size: 3 },
    });
    expect(m).toEqual({
      apiVersion: 'widget.aws.m.upbound.io/v1beta1',
      kind: 'Widget',
      metadata: { name: 'w', namespace: 'infra-prod', annotations: { 'crossplane.io/external-name': 'prod-w' } },
      spec: {
        forProvider: { region: 'eu-west-1', size: 3 },
        managementPolicies: [...RETAIN_POLICIES],
        providerConfigRef: { kind: 'ClusterProviderConfig', name: 'infra-prod' },
        writeConnectionSecretToRef: { name: 'w-conn' },
      },
    });
    expect(RETAIN_POLICIES).not.toContain('Delete');
    expect(validateManifest(m)).toEqual([]);
  });

  it('fails validation on a field the kind does not have, and on a missing namespace', () => {
    const typo = render({ name: 'w', namespace: 'n', forProvider: { region: 'eu-west-1', sise: 3 } as never });
    expect(validateManifest(typo)).toEqual(['spec.forProvider: must NOT have additional properties "sise"']);
    const noNs = { ...render({ name: 'w', namespace: 'n', forProvider: { region: 'x' } }), metadata: { name: 'w' } };
    expect(validateManifest(noNs)).toEqual(["metadata: must have required property 'namespace'"]);
  });
});
