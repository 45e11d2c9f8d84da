/* eslint-disable */
// Generated from schemas/tenant.schema.json by schemas/scripts/generate-types.mjs. Do not edit: change the schema and run `npm run build`.

/**
 * A team that runs workloads on the platform. File: tenants/<name>.yaml. One file gives the team a namespace, access and AWS resources in every cluster it lists.
 */
export interface Tenant {
  /**
   * Tenant name: a DNS-1123 label of at most 63 characters (its extra namespaces <name>-<suffix> must fit 63 too). It is the main namespace's name; its AWS names start with <cluster>-<aws.prefix>-.
   */
  name: string;
  /**
   * The tenant's environment when it differs from the cluster's (a non-production team on a production cluster). Every environment-dependent default follows it: namespace label, database multi-AZ and deletion protection, Redis replicas and failover, backup retention, table deletion protection.
   */
  environment?: 'development' | 'staging' | 'production';
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
   * Environment of an extra namespace when it differs from the tenant's, by suffix (e.g. jobs: development). Labels that namespace; AWS resources live in the main namespace and follow the tenant's environment.
   */
  namespaceEnvironments: {
    [k: string]: 'development' | 'staging' | 'production' | undefined;
  };
  /**
   * ResourceQuota of each tenant namespace. Each value must stay within the cluster's tenancy.quotaCeilings. cpu, memory and storage may be "none" (no cap) unless a cluster of the tenant lists them in tenancy.requiredQuotas; pods and load balancers are always capped.
   */
  quotas: {
    /**
     * Sum of CPU requests of all pods, e.g. "4" or "500m" (CPU limits are not capped); "none" for no cap.
     */
    cpu: string;
    /**
     * Sum of memory requests (and limits) of all pods, e.g. 16Gi; "none" for no cap.
     */
    memory: string;
    /**
     * Most pods at once (real teams: median 50, p99 100).
     */
    pods: number;
    /**
     * Sum of PersistentVolumeClaim requests; "none" for no cap.
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
   * Ingress hostnames the tenant owns. Each must be inside the dns.domain of one of the tenant's clusters or inside one of its own zones (`dns.zones`), and claimed by no other tenant; apps may only use these. A wildcard `*.<name>` (one label, as an Ingress matches it) is allowed only inside the tenant's own zones.
   */
  hostnames: string[];
  /**
   * DNS of the tenant's own.
   */
  dns: {
    /**
     * Route53 hosted zones of the tenant, one per cluster it runs in: `<name>.<cluster dns.domain>`, or `<name>.<parent domain>` with `parent`. The platform creates and delegates each zone; external-dns publishes the tenant's hostnames inside it, and `*.` wildcards inside it may be listed under `hostnames`. The cluster must allow tenant zones (`dns.tenantZones`).
     */
    zones: {
      /**
       * The labels before the parent domain, e.g. `pay` for pay.staging.example.com.
       */
      name: string;
      /**
       * A parent domain the cluster allows, by its name in the cluster file (`dns.tenantZones.parents[].name`). Default: the cluster's dns.domain.
       */
      parent?: string;
    }[];
  };
  /**
   * Who may talk to the tenant's namespaces besides the platform (ingress controller, monitoring, DNS).
   */
  network: {
    /**
     * Other tenants whose namespaces may call this tenant's pods. Each must list this tenant in its `network.allowTo`: both teams agree.
     */
    allowFrom: string[];
    /**
     * Other tenants this tenant's pods may call (egress from its namespaces). Each must list this tenant in its `network.allowFrom`: both teams agree.
     */
    allowTo: string[];
    /**
     * Allow egress to the internet (0.0.0.0/0 except the cluster's VPC and the instance metadata address).
     */
    internetEgress: boolean;
  };
  /**
   * AWS resources of the tenant, created in every cluster the tenant runs in by that cluster's Crossplane, in the tenant's main namespace. AWS names are <cluster>-<prefix>-<name>, shortened with a stable hash where AWS's limit is tighter; credentials and endpoints land in Secrets of the namespace (see docs/tenants.md).
   */
  aws: {
    /**
     * The tenant's AWS prefix: every AWS name of the tenant starts with <cluster>-<prefix>- and IAM scopes the tenant by it. Default: the tenant name when it has at most 30 characters, else its first 6 characters and a hash of the name (generate prints it). Unique across the fleet; it may not start another tenant's prefix followed by '-'. Changing it renames every AWS resource of the tenant.
     */
    prefix?: string;
    /**
     * Workload ServiceAccounts (in the main namespace, or <tenant>-<suffix> with `namespace`) that get their own IAM role through EKS Pod Identity. Each role may use exactly the tenant's own resources below, nothing else.
     */
    serviceAccounts: {
      /**
       * ServiceAccount name, as used by the app (serviceAccountName).
       */
      name: string;
      /**
       * Suffix of one of the tenant's extra namespaces; empty for the main namespace.
       */
      namespace: string;
    }[];
    /**
     * S3 buckets: always SSE-KMS with the tenant key, versioned, public access blocked, owner-enforced and TLS-only. Never deleted by removing them here.
     */
    buckets: {
      /**
       * Short name; the bucket is <account>-<region>-<cluster>-<prefix>-<name>, shortened with a stable hash to S3's 63 characters.
       */
      name: string;
      /**
       * Delete objects this many days after they were written. Omit to keep objects forever.
       */
      expireAfterDays?: number;
      /**
       * Delete overwritten or deleted object versions after this many days.
       */
      noncurrentVersionsExpireAfterDays: number;
    }[];
    /**
     * PostgreSQL databases (RDS), in the secure subnets, reachable only from the compute tier. The connection Secret <name>-postgres in the main namespace holds endpoint, host, port, username and password.
     */
    databases: {
      /**
       * Short name; the DB instance is <cluster>-<prefix>-<name>.
       */
      name: string;
      /**
       * PostgreSQL major (or major.minor) version.
       */
      engineVersion: string;
      /**
       * RDS instance class (most teams use db.t4g.small).
       */
      instanceClass: string;
      /**
       * Initial gp3 storage in GiB: at least 20, the smallest gp3 volume RDS for PostgreSQL allocates (checked by generate, which names that minimum).
       */
      allocatedStorage: number;
      /**
       * Storage autoscaling ceiling in GiB, at least allocatedStorage.
       */
      maxAllocatedStorage: number;
      /**
       * Days of automated backups (point-in-time recovery window).
       */
      backupRetentionDays: number;
      /**
       * Standby in a second availability zone, per environment.
       */
      multiAz: {
        development: boolean;
        staging: boolean;
        production: boolean;
      };
      /**
       * AWS refuses to delete the instance while set, per environment.
       */
      deletionProtection: {
        development: boolean;
        staging: boolean;
        production: boolean;
      };
    }[];
    /**
     * ECR repositories: scan on push, immutable tags, encrypted with the tenant key, pull for the cluster's nodes, push for a CI role that GitHub Actions of `githubRepositories` can assume.
     */
    registries: {
      /**
       * Short name; the repository is <cluster>-<prefix>-<name>.
       */
      name: string;
      /**
       * Lifecycle policy: keep this many most recent images, expire older ones.
       */
      keepImages: number;
      /**
       * GitHub repositories (<org>/<repo>) whose workflows may push, through GitHub OIDC (repo:<org>/<repo>:*).
       *
       * @minItems 1
       */
      githubRepositories: [string, ...string[]];
    }[];
    /**
     * Redis (ElastiCache replication groups): secure subnets, encrypted at rest with the tenant key and in transit, AUTH token, multi-AZ failover in production. The Secret <name>-redis holds the endpoint, port and auth token.
     */
    redis: {
      /**
       * Short name; the replication group is <cluster>-<prefix>-<name>, shortened with a stable hash to ElastiCache's 40 characters.
       */
      name: string;
      /**
       * Redis engine version.
       */
      engineVersion: string;
      /**
       * Cache node type.
       */
      nodeType: string;
      /**
       * Read replicas besides the primary (production always gets at least one, for failover).
       */
      replicas: number;
    }[];
    /**
     * SQS queues, encrypted with the tenant key, with an optional dead-letter queue <name>-dlq.
     */
    queues: {
      /**
       * Short name; the queue is <cluster>-<prefix>-<name>.
       */
      name: string;
      /**
       * How long a received message stays invisible to other consumers.
       */
      visibilityTimeoutSeconds: number;
      /**
       * How long an unconsumed message is kept (default 4 days).
       */
      messageRetentionSeconds: number;
      /**
       * How long each new message waits before its first delivery (SQS DelaySeconds, at most 15 minutes); 0 delivers at once.
       */
      deliveryDelaySeconds: number;
      /**
       * Move a message to <name>-dlq after `maxReceiveCount` failed receives.
       */
      deadLetterQueue: boolean;
      /**
       * Receives before a message goes to the dead-letter queue.
       */
      maxReceiveCount: number;
      /**
       * SNS topics delivering to this queue, as <tenant>/<topic>. A topic of another tenant must list this tenant in its `subscribers`.
       */
      subscribeTo: string[];
    }[];
    /**
     * SNS topics, encrypted with the tenant key. The tenant's own queues may subscribe; other tenants only when listed in `subscribers`.
     */
    topics: {
      /**
       * Short name; the topic is <cluster>-<prefix>-<name>.
       */
      name: string;
      /**
       * Other tenants whose queues may subscribe to this topic (they must also name it in a queue's `subscribeTo`).
       */
      subscribers: string[];
    }[];
    /**
     * Secrets Manager secrets <cluster>/<tenant>/<name>, created empty: set the value in AWS (never in Git). Each arrives in the main namespace as the Secret <name>, one key per JSON field, through an ExternalSecret.
     */
    secrets: {
      /**
       * Secret name, also the Kubernetes Secret's name.
       */
      name: string;
      /**
       * What the secret holds and who sets it, for humans.
       */
      description?: string;
      /**
       * How often the ExternalSecret re-reads the value.
       */
      refreshInterval: string;
    }[];
    /**
     * OpenSearch domains in the VPC: encrypted at rest with the tenant key and node to node, HTTPS only, fine-grained access with the first service account's role as master user.
     */
    opensearch: {
      /**
       * Short name; the domain is <cluster>-<prefix>-<name>, shortened with a stable hash to OpenSearch's 28 characters.
       */
      name: string;
      /**
       * Engine version as AWS names it.
       */
      engineVersion: string;
      /**
       * Data node instance type.
       */
      instanceType: string;
      /**
       * Data nodes (production spreads them over availability zones, so use 2 or more there).
       */
      instanceCount: number;
      /**
       * gp3 volume per node, GiB.
       */
      volumeSize: number;
    }[];
    /**
     * DynamoDB tables, on demand, point-in-time recovery, encrypted with the tenant key.
     */
    tables: {
      /**
       * Short name; the table is <cluster>-<prefix>-<name>.
       */
      name: string;
      /**
       * Partition key attribute: its name and type (S string, N number, B binary).
       */
      hashKey: {
        name: string;
        type: 'S' | 'N' | 'B';
      };
      /**
       * Optional sort key attribute: its name and type (S string, N number, B binary).
       */
      rangeKey?: {
        name: string;
        type: 'S' | 'N' | 'B';
      };
      /**
       * Attribute holding an expiry time (epoch seconds); omit for no TTL.
       */
      ttlAttribute?: string;
    }[];
  };
  /**
   * The team's Grafana dashboards: each name is a dashboard JSON file tenants/<name>/dashboards/<dashboard>.json (Grafana: Export, Export as JSON). They load into the team's folder (named after the tenant, next to its overview dashboard) in the Grafana of every cluster the tenant runs on and of the management cluster. docs/observability.md.
   *
   * @maxItems 50
   */
  dashboards: string[];
  /**
   * True while a tenant is being retired: its namespaces and stateful AWS resources stay, its apps stop being reconciled, and generate warns.
   */
  decommissioned: boolean;
}
