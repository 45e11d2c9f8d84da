import { defineAddon } from './_addon.js';

/** Stakater Reloader: rolls workloads when a ConfigMap or Secret they annotate for changes. */
export const RELOADER = defineAddon({
  name: 'reloader',
  namespace: 'reloader',
  chart: 'reloader',
  repository: 'oci://ghcr.io/stakater/charts/reloader',
  version: '2.2.16',
  sourceKind: 'OCIRepository',
  values: () => ({
    reloader: { watchGlobally: true, reloadOnCreate: false, readOnlyRootFileSystem: true },
  }),
});
