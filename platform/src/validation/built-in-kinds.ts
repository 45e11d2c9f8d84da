import { type ModelClass, modelProblems } from './manifest-validator.js';

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

const models = new Map<string, Promise<ModelClass | undefined>>();

/**
 * The kubernetes-models class of any built-in `apiVersion`/`kind` (every kind of the Kubernetes OpenAPI, not only the
 * ones the platform emits), or undefined when Kubernetes serves no such kind. Loaded on first use and cached.
 */
export function builtInModel(apiVersion: string, kind: string): Promise<ModelClass | undefined> {
  const key = `${apiVersion}/${kind}`;
  let model = models.get(key);
  if (!model) {
    // Paths are `kubernetes-models/<group>/<version>/<Kind>`, and `kubernetes-models/<version>/<Kind>` for the core group.
    const specifier = `kubernetes-models/${key}`;
    model = import(/* @vite-ignore */ specifier).then(
      (m: Record<string, unknown>) => m[kind] as ModelClass | undefined,
      () => undefined,
    );
    models.set(key, model);
  }
  return model;
}

/**
 * Validates one object of a built-in kind with its kubernetes-models schema. Returns readable problems (empty when
 * valid), or one problem when Kubernetes serves no such kind.
 */
export async function validateBuiltInManifest(manifest: Record<string, unknown>): Promise<string[]> {
  const apiVersion = String(manifest['apiVersion']);
  const kind = String(manifest['kind']);
  if (!/^([a-z0-9.-]+\/)?v[0-9]+((alpha|beta)[0-9]+)?$/.test(apiVersion) || !/^[A-Z][A-Za-z0-9]*$/.test(kind)) {
    return [`apiVersion/kind: ${apiVersion} ${kind} is not a Kubernetes API kind`];
  }
  const model = await builtInModel(apiVersion, kind);
  if (!model) return [`apiVersion: Kubernetes serves no ${kind} in ${apiVersion}`];
  return modelProblems(model, manifest);
}
