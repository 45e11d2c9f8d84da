/* eslint-disable */
// Generated from schemas/tenant.schema.json by schemas/scripts/generate-types.mjs. Do not edit: change the schema and run `npm run build`.

/**
 * A team that runs workloads on the platform. File: tenants/<name>.yaml. One file gives the team a namespace, access and AWS resources in every cluster it lists.
 */
export interface Tenant {
  /**
   * Tenant name: a DNS-1123 label of at most 30 characters. It is the main namespace's name and the prefix of everything the tenant owns.
   */
  name: string;
  /**
   * What the team does, for humans.
   */
  description?: string;
  /**
   * GitHub teams that own the tenant and the access each gets in its namespaces.
   *
   * @minItems 1
   */
  owners: [
    {
      /**
       * GitHub team as <org>/<team-slug>.
       */
      team: string;
      /**
       * Kubernetes ClusterRole bound in the tenant namespaces: admin, edit or view.
       */
      role: 'admin' | 'edit' | 'view';
    },
    ...{
      /**
       * GitHub team as <org>/<team-slug>.
       */
      team: string;
      /**
       * Kubernetes ClusterRole bound in the tenant namespaces: admin, edit or view.
       */
      role: 'admin' | 'edit' | 'view';
    }[]
  ];
  /**
   * How to reach the team.
   */
  contact: {
    /**
     * Slack channel for alerts and Flux notifications, e.g. #payments-alerts.
     */
    slackChannel: string;
    /**
     * Team email address.
     */
    email?: string;
  };
  /**
   * Names of the clusters (clusters/<name>.yaml) the tenant runs in.
   *
   * @minItems 1
   */
  clusters: [string, ...string[]];
  /**
   * Extra namespaces besides the main one, given as suffixes: 'jobs' gives '<name>-jobs'.
   */
  namespaces: string[];
  /**
   * ResourceQuota of each tenant namespace. Each value must stay within the cluster's tenancy.quotaCeilings.
   */
  quotas: {
    /**
     * Sum of CPU requests of all pods, e.g. "4" or "500m" (CPU limits are not capped).
     */
    cpu: string;
    /**
     * Sum of memory requests (and limits) of all pods, e.g. 16Gi.
     */
    memory: string;
    /**
     * Most pods at once (real teams: median 50, p99 100).
     */
    pods: number;
    /**
     * Sum of PersistentVolumeClaim requests.
     */
    storage: string;
    /**
     * Services of type LoadBalancer (most tenants use the shared ingress instead).
     */
    loadBalancers: number;
  };
  /**
   * Per-container defaults applied when a container states no resources.
   */
  limitRange: {
    defaultLimit: {
      cpu: string;
      memory: string;
    };
    defaultRequest: {
      cpu: string;
      memory: string;
    };
  };
  /**
   * Ingress hostnames the tenant owns. Each must be inside the dns.domain of every cluster the tenant runs in and claimed by no other tenant; apps may only use these.
   */
  hostnames: string[];
  /**
   * Who may talk to the tenant's namespaces besides the platform (ingress controller, monitoring, DNS).
   */
  network: {
    /**
     * Other tenants whose namespaces may call this tenant's pods.
     */
    allowFrom: string[];
    /**
     * Allow egress to the internet (0.0.0.0/0 except the cluster's VPC and the instance metadata address).
     */
    internetEgress: boolean;
  };
  /**
   * AWS resources of the tenant (see docs/tenants.md).
   */
  aws?: {};
  /**
   * True while a tenant is being retired: its namespaces and stateful AWS resources stay, its apps stop being reconciled, and generate warns.
   */
  decommissioned: boolean;
}
