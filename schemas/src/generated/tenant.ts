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
}
