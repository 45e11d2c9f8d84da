import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';

const DOC = join(import.meta.dirname, '..', '..', '..', 'docs', 'flux-system-kustomization.yaml');
const CONTROLLERS = [
  'source-controller', 'kustomize-controller', 'helm-controller', 'notification-controller',
  'image-reflector-controller', 'image-automation-controller',
];

/** Stand-ins for what `flux bootstrap` writes: one Deployment per controller, the GitRepository and the root Kustomization. */
const deployment = (name: string) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: flux-system}
spec:
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
      containers:
        - name: manager
          image: ghcr.io/fluxcd/${name}:stub
          args: [--watch-all-namespaces=true]
`;
const SYNC = `apiVersion: source.toolkit.fluxcd.io/v1
kind: GitRepository
metadata: {name: flux-system, namespace: flux-system}
spec: {interval: 1m0s, ref: {branch: main}, secretRef: {name: flux-system}, url: ssh://git@github.com/acme/platform}
---
apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata: {name: flux-system, namespace: flux-system}
spec: {interval: 10m0s, path: ./out/staging, prune: true, sourceRef: {kind: GitRepository, name: flux-system}}
`;

describe('docs/flux-system-kustomization.yaml', () => {
  it('builds over the bootstrap files and applies the multi-tenancy lockdown', () => {
    // GIVEN the documented kustomization.yaml next to stub gotk files
    const dir = mkdtempSync(join(tmpdir(), 'flux-system-'));
    copyFileSync(DOC, join(dir, 'kustomization.yaml'));
    writeFileSync(join(dir, 'gotk-components.yaml'), CONTROLLERS.map(deployment).join('---\n'));
    writeFileSync(join(dir, 'gotk-sync.yaml'), SYNC);
    // WHEN kustomize builds it
    const built = parseAllDocuments(execFileSync('kubectl', ['kustomize', dir], { encoding: 'utf8' })).map((d) => d.toJS());
    // THEN each controller has exactly the lockdown flags it should
    const args = Object.fromEntries(
      built.filter((o) => o.kind === 'Deployment').map((o) => [o.metadata.name, o.spec.template.spec.containers[0].args.slice(1)]),
    );
    expect(args).toEqual({
      'source-controller': [],
      'kustomize-controller': ['--no-cross-namespace-refs=true', '--no-remote-bases=true', '--default-service-account=default'],
      'helm-controller': ['--no-cross-namespace-refs=true', '--default-service-account=default'],
      'notification-controller': ['--no-cross-namespace-refs=true'],
      'image-reflector-controller': ['--no-cross-namespace-refs=true'],
      'image-automation-controller': ['--no-cross-namespace-refs=true'],
    });
    // AND the root Kustomization keeps the controller's cluster-admin ServiceAccount
    expect(built.find((o) => o.kind === 'Kustomization').spec.serviceAccountName).toBe('kustomize-controller');
  });
});
