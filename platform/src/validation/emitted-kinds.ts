/**
 * The built-in and third-party kinds the platform emits, as `apiVersion/kind`, each validated at render time with the
 * schema of its Kubernetes or controller release (platform/generated/kubernetes-validators). Only API versions that are
 * served today are listed (Flux 2.9 serves notification v1beta3 and image v1; external-secrets v1): emitting anything
 * else fails the render. Crossplane kinds are not here: each registers its own schema (registerSchema).
 *
 * scripts/import-kubernetes-validators.mjs reads this list: after changing it, run `npm run import-validators`.
 */
export const EMITTED_KINDS: readonly string[] = [
  'v1/Namespace',
  'v1/ServiceAccount',
  'v1/Service',
  'v1/ConfigMap',
  'v1/Secret',
  'v1/ResourceQuota',
  'v1/LimitRange',
  'v1/PersistentVolumeClaim',
  'apps/v1/Deployment',
  'batch/v1/CronJob',
  'batch/v1/Job',
  'autoscaling/v2/HorizontalPodAutoscaler',
  'policy/v1/PodDisruptionBudget',
  'networking.k8s.io/v1/Ingress',
  'networking.k8s.io/v1/NetworkPolicy',
  'rbac.authorization.k8s.io/v1/Role',
  'rbac.authorization.k8s.io/v1/RoleBinding',
  'rbac.authorization.k8s.io/v1/ClusterRole',
  'rbac.authorization.k8s.io/v1/ClusterRoleBinding',
  'admissionregistration.k8s.io/v1/ValidatingAdmissionPolicy',
  'admissionregistration.k8s.io/v1/ValidatingAdmissionPolicyBinding',
  'scheduling.k8s.io/v1/PriorityClass',
  'kustomize.toolkit.fluxcd.io/v1/Kustomization',
  'helm.toolkit.fluxcd.io/v2/HelmRelease',
  'source.toolkit.fluxcd.io/v1/HelmRepository',
  'source.toolkit.fluxcd.io/v1/OCIRepository',
  'source.toolkit.fluxcd.io/v1/GitRepository',
  'notification.toolkit.fluxcd.io/v1beta3/Provider',
  'notification.toolkit.fluxcd.io/v1beta3/Alert',
  'image.toolkit.fluxcd.io/v1/ImageRepository',
  'image.toolkit.fluxcd.io/v1/ImagePolicy',
  'image.toolkit.fluxcd.io/v1/ImageUpdateAutomation',
  'cert-manager.io/v1/ClusterIssuer',
  'external-secrets.io/v1/ExternalSecret',
  'external-secrets.io/v1/SecretStore',
  'external-secrets.io/v1/ClusterSecretStore',
  'monitoring.coreos.com/v1/ServiceMonitor',
  'monitoring.coreos.com/v1/PrometheusRule',
  'monitoring.coreos.com/v1alpha1/AlertmanagerConfig',
];
