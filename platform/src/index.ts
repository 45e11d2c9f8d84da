export * from './_output-chart.js';
export * from './validation/manifest-validator.js';
export * from './network/cidr.js';
export * from './crossplane/managed-resource.js';
export * from './flux/flux-kustomization.js';
export * from './flux/platform-sync.js';
export * from './flux/tenant-sync.js';
export * from './tenancy/tenant-namespace.js';
