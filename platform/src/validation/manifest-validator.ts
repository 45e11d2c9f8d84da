import { Ajv, type ValidateFunction } from 'ajv';
import type { Model } from '@kubernetes-models/base';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { ServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import { Service } from 'kubernetes-models/v1/Service';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Secret } from 'kubernetes-models/v1/Secret';
import { ResourceQuota } from 'kubernetes-models/v1/ResourceQuota';
import { LimitRange } from 'kubernetes-models/v1/LimitRange';
import { PersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { CronJob } from 'kubernetes-models/batch/v1/CronJob';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { Role } from 'kubernetes-models/rbac.authorization.k8s.io/v1/Role';
import { RoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1/RoleBinding';
import { ClusterRole } from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRole';
import { ClusterRoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRoleBinding';
import { ValidatingAdmissionPolicy } from 'kubernetes-models/admissionregistration.k8s.io/v1/ValidatingAdmissionPolicy';
import { ValidatingAdmissionPolicyBinding } from 'kubernetes-models/admissionregistration.k8s.io/v1/ValidatingAdmissionPolicyBinding';
import { PriorityClass } from 'kubernetes-models/scheduling.k8s.io/v1/PriorityClass';
import { Kustomization } from '@kubernetes-models/flux-cd/kustomize.toolkit.fluxcd.io/v1/Kustomization';
import { HelmRelease } from '@kubernetes-models/flux-cd/helm.toolkit.fluxcd.io/v2/HelmRelease';
import { HelmRepository } from '@kubernetes-models/flux-cd/source.toolkit.fluxcd.io/v1/HelmRepository';
import { OCIRepository } from '@kubernetes-models/flux-cd/source.toolkit.fluxcd.io/v1/OCIRepository';
import { GitRepository } from '@kubernetes-models/flux-cd/source.toolkit.fluxcd.io/v1/GitRepository';
import { Provider as FluxProvider } from '@kubernetes-models/flux-cd/notification.toolkit.fluxcd.io/v1beta3/Provider';
import { Alert } from '@kubernetes-models/flux-cd/notification.toolkit.fluxcd.io/v1beta3/Alert';
import { ImageRepository } from '@kubernetes-models/flux-cd/image.toolkit.fluxcd.io/v1/ImageRepository';
import { ImagePolicy } from '@kubernetes-models/flux-cd/image.toolkit.fluxcd.io/v1/ImagePolicy';
import { ImageUpdateAutomation } from '@kubernetes-models/flux-cd/image.toolkit.fluxcd.io/v1/ImageUpdateAutomation';
import { ClusterIssuer } from '@kubernetes-models/cert-manager/cert-manager.io/v1/ClusterIssuer';
import { ExternalSecret } from '@kubernetes-models/external-secrets/external-secrets.io/v1/ExternalSecret';
import { SecretStore } from '@kubernetes-models/external-secrets/external-secrets.io/v1/SecretStore';
import { ClusterSecretStore } from '@kubernetes-models/external-secrets/external-secrets.io/v1/ClusterSecretStore';
import { ServiceMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor';
import { PrometheusRule } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PrometheusRule';
import { AlertmanagerConfig } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1alpha1/AlertmanagerConfig';

/** A kubernetes-models class: constructed from a manifest, it validates it against the kind's schema. */
export type ModelClass = new (data: Record<string, unknown>) => Model<object>;

/** Validates a manifest with its kubernetes-models class; one readable problem (`spec.replicas: …`) per failure. */
export function modelProblems(model: ModelClass, manifest: Record<string, unknown>): string[] {
  try {
    new model(manifest).validate();
    return [];
  } catch (e) {
    return String((e as Error).message).split('\n').map((l) => l.replace(/^data\//, '').replace(/\//g, '.'));
  }
}

/**
 * Kinds validated with kubernetes-models. Only API versions that are served today are listed
 * (Flux 2.9 serves notification v1beta3 and image v1; external-secrets v1): emitting anything
 * else fails the render.
 */
const MODELS: Record<string, ModelClass> = Object.fromEntries(
  (
    [
      Namespace, ServiceAccount, Service, ConfigMap, Secret, ResourceQuota, LimitRange, PersistentVolumeClaim,
      Deployment, CronJob, Job, HorizontalPodAutoscaler, PodDisruptionBudget, Ingress, NetworkPolicy,
      Role, RoleBinding, ClusterRole, ClusterRoleBinding, ValidatingAdmissionPolicy, ValidatingAdmissionPolicyBinding,
      PriorityClass, Kustomization, HelmRelease, HelmRepository, OCIRepository, GitRepository, FluxProvider, Alert, ImageRepository, ImagePolicy, ImageUpdateAutomation,
      ClusterIssuer, ExternalSecret, SecretStore, ClusterSecretStore, ServiceMonitor, PrometheusRule,
      AlertmanagerConfig,
    ] as unknown as (ModelClass & { apiVersion: string; kind: string })[]
  ).map((m) => [`${m.apiVersion}/${m.kind}`, m]),
);

const ajv = new Ajv({ allErrors: true, strict: false });
const schemas = new Map<string, object>();
const compiled = new Map<string, ValidateFunction>();

/**
 * Registers the JSON Schema of a kind that kubernetes-models does not model (Crossplane kinds).
 * Each construct file that emits such a kind registers its schema when it is loaded.
 */
export function registerSchema(apiVersion: string, kind: string, schema: object): void {
  schemas.set(`${apiVersion}/${kind}`, schema);
  compiled.delete(`${apiVersion}/${kind}`);
}

/**
 * Removes a kind registered with `registerSchema` (or `defineManagedResourceKind`). The registry lives as long as the
 * module, so a test that defines a kind of its own removes it afterwards: every render lists the registered AWS kinds
 * (the ManagedResourceActivationPolicy), and a kind left behind would appear in the next render of the same process.
 */
export function unregisterSchema(apiVersion: string, kind: string): void {
  schemas.delete(`${apiVersion}/${kind}`);
  compiled.delete(`${apiVersion}/${kind}`);
}

/** The kinds that can be emitted: modelled by kubernetes-models or registered with a schema. */
export function knownKinds(): string[] {
  return [...Object.keys(MODELS), ...schemas.keys()].sort();
}

/**
 * Validates one manifest. Returns readable problems (empty when valid). Every emitted object goes
 * through here at render time, and `platform validate` runs it over out/.
 */
export function validateManifest(manifest: Record<string, unknown>): string[] {
  const key = `${String(manifest.apiVersion)}/${String(manifest.kind)}`;
  const problems: string[] = [];
  const meta = manifest.metadata as Record<string, unknown> | undefined;
  if (!meta || typeof meta.name !== 'string' || meta.name === '') problems.push('metadata.name: Required value');

  const model = MODELS[key];
  if (model) return [...problems, ...modelProblems(model, manifest)];
  let fn = compiled.get(key);
  if (!fn) {
    const schema = schemas.get(key);
    if (!schema) return [...problems, `no schema for ${key}: emit only kinds that are modelled or registered with registerSchema()`];
    fn = ajv.compile(schema);
    compiled.set(key, fn);
  }
  if (!fn(manifest)) {
    for (const e of fn.errors ?? []) {
      const at = e.instancePath.slice(1).replace(/\//g, '.');
      const extra = e.keyword === 'additionalProperties' ? ` "${String((e.params as { additionalProperty?: string }).additionalProperty)}"` : '';
      problems.push(`${at || '(root)'}: ${e.message ?? 'invalid'}${extra}`);
    }
  }
  return problems;
}
