import type { KubernetesValidators } from '../../generated/kubernetes-validators/validators.js';
import { validatorProblems } from './manifest-validator.js';

/**
 * Built-in kinds that are cluster-scoped. An object of any other built-in kind is namespaced: Helm installs it into
 * the release namespace when its manifest names none.
 */
export const CLUSTER_SCOPED_BUILT_IN_KINDS: ReadonlySet<string> = new Set([
  'APIService',
  'CertificateSigningRequest',
  'ClusterRole',
  'ClusterRoleBinding',
  'ComponentStatus',
  'CSIDriver',
  'CSINode',
  'CustomResourceDefinition',
  'DeviceClass',
  'FlowSchema',
  'IngressClass',
  'MutatingAdmissionPolicy',
  'MutatingAdmissionPolicyBinding',
  'MutatingWebhookConfiguration',
  'Namespace',
  'Node',
  'PersistentVolume',
  'PriorityClass',
  'PriorityLevelConfiguration',
  'RuntimeClass',
  'SelfSubjectAccessReview',
  'SelfSubjectRulesReview',
  'StorageClass',
  'SubjectAccessReview',
  'TokenReview',
  'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding',
  'ValidatingWebhookConfiguration',
  'VolumeAttachment',
]);

let builtIn: Promise<KubernetesValidators> | undefined;

/**
 * The validator of any built-in `apiVersion`/`kind` (every kind of the Kubernetes OpenAPI, not only the ones the
 * platform emits), or undefined when Kubernetes serves no such kind. Loaded on first use (platform/generated/).
 */
export async function builtInValidator(apiVersion: string, kind: string): Promise<KubernetesValidators[string] | undefined> {
  builtIn ??= import('../../generated/kubernetes-validators/built-in.js').then((m) => m.default);
  return (await builtIn)[`${apiVersion}/${kind}`];
}

/**
 * Validates one object of a built-in kind with the schema of its Kubernetes release. Returns readable problems (empty when
 * valid), or one problem when Kubernetes serves no such kind.
 */
export async function validateBuiltInManifest(manifest: Record<string, unknown>): Promise<string[]> {
  const apiVersion = String(manifest['apiVersion']);
  const kind = String(manifest['kind']);
  if (!/^([a-z0-9.-]+\/)?v[0-9]+((alpha|beta)[0-9]+)?$/.test(apiVersion) || !/^[A-Z][A-Za-z0-9]*$/.test(kind)) {
    return [`apiVersion/kind: ${apiVersion} ${kind} is not a Kubernetes API kind`];
  }
  const validate = await builtInValidator(apiVersion, kind);
  if (!validate) return [`apiVersion: Kubernetes serves no ${kind} in ${apiVersion}`];
  return validatorProblems(validate, manifest);
}
