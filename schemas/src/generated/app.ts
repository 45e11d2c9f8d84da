/* eslint-disable */
// Generated from schemas/app.schema.json by schemas/scripts/generate-types.mjs. Do not edit: change the schema and run `npm run build`.

/**
 * An application contract. File: apps/<tenant>/<name>.yaml. It expands into a Deployment, Service, ServiceAccount, NetworkPolicy and, as asked, Ingress, HorizontalPodAutoscaler, PodDisruptionBudget, ServiceMonitor and ExternalSecret in the tenant's namespace.
 */
export interface App {
  /**
   * App name: a DNS-1123 label of at most 40 characters, unique within the tenant.
   */
  name: string;
  description?: string;
  /**
   * Container image. Keep the Flux image-automation marker comment on the tag line so automated bumps rewrite it.
   */
  image: {
    /**
     * Image repository without tag, e.g. ghcr.io/acme/payments-api.
     */
    repository: string;
    /**
     * Image tag; 'latest' is not allowed.
     */
    tag: string;
  };
  /**
   * Clusters the app runs in. Default: every cluster of its tenant.
   */
  clusters?: string[];
  /**
   * Tenant namespace suffix to run in ('' or absent: the tenant's main namespace).
   */
  namespace?: string;
}
