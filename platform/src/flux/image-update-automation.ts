import { ApiObject } from 'cdk8s';
import type { Construct } from 'constructs';
import { FLUX_NAMESPACE, FLUX_SOURCE } from './flux-kustomization.js';

/**
 * Commit message of an automated bump: a subject line, then each changed file and each old → new
 * image. Objects are listed by file because app files are not Kubernetes objects (no kind or name).
 */
export const IMAGE_UPDATE_MESSAGE = [
  'Bump app images',
  '',
  '{{ range $file, $objects := .Changed.FileChanges -}}',
  '{{ range $_, $changes := $objects -}}',
  '{{ range $_, $change := $changes -}}',
  '- {{ $file }}: {{ $change.OldValue }} -> {{ $change.NewValue }}',
  '{{ end -}}',
  '{{ end -}}',
  '{{ end -}}',
  '',
  'Automation: {{ .AutomationObject }}',
  '',
].join('\n');

export interface ImageUpdateAutomationProps {
  readonly name: string;
  /** Namespace of the automation and of the ImagePolicies it applies. @default FLUX_NAMESPACE */
  readonly namespace?: string;
  /** GitRepository in the same namespace to clone and push to. @default FLUX_SOURCE */
  readonly sourceName?: string;
  /** Branch the automation starts from. */
  readonly checkoutBranch: string;
  /** Branch it pushes its commits to; created from `checkoutBranch` when missing. */
  readonly pushBranch: string;
  /** Commit author. */
  readonly author: { readonly name: string; readonly email: string };
  /** Folder, relative to the repository root, whose setter markers it rewrites, e.g. `./apps`. */
  readonly updatePath: string;
  /** @default IMAGE_UPDATE_MESSAGE */
  readonly messageTemplate?: string;
  /** @default '10m' */
  readonly interval?: string;
  /** @default - none */
  readonly labels?: Record<string, string>;
}

/**
 * A Flux ImageUpdateAutomation (image.toolkit.fluxcd.io/v1): on each run it checks out
 * `checkoutBranch`, rewrites every `{"$imagepolicy": ...}` setter under `updatePath` to the latest
 * tag of the ImagePolicies in its namespace (strategy `Setters`) and pushes one commit to `pushBranch`.
 */
export class ImageUpdateAutomation extends ApiObject {
  constructor(scope: Construct, id: string, props: ImageUpdateAutomationProps) {
    super(scope, id, {
      apiVersion: 'image.toolkit.fluxcd.io/v1',
      kind: 'ImageUpdateAutomation',
      metadata: { name: props.name, namespace: props.namespace ?? FLUX_NAMESPACE, labels: props.labels },
      spec: {
        interval: props.interval ?? '10m',
        sourceRef: { kind: 'GitRepository', name: props.sourceName ?? FLUX_SOURCE },
        git: {
          checkout: { ref: { branch: props.checkoutBranch } },
          commit: {
            author: { name: props.author.name, email: props.author.email },
            messageTemplate: props.messageTemplate ?? IMAGE_UPDATE_MESSAGE,
          },
          push: { branch: props.pushBranch },
        },
        update: { path: props.updatePath, strategy: 'Setters' },
      },
    });
  }
}
