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
       * The access the team gets in the tenant namespaces: a built-in role (admin, edit, view, bound as ClusterRole tenant-<role>) or a role of the fleet's catalog (teamRoles in the management cluster's file, bound as tenant-role-<name>).
       */
      role: string;
    },
    ...{
      /**
       * GitHub team as <org>/<team-slug>.
       */
      team: string;
      /**
       * The access the team gets in the tenant namespaces: a built-in role (admin, edit, view, bound as ClusterRole tenant-<role>) or a role of the fleet's catalog (teamRoles in the management cluster's file, bound as tenant-role-<name>).
       */
      role: string;
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
     * Reviewed AWS access beyond the tenant's own resources: entries of the cluster file's tenancy.externalAccess, by name, which every cluster the tenant runs in must declare. Every workload ServiceAccount role of the tenant gets the listed actions on the listed resources, and the tenant permissions boundary lets exactly those through for this tenant.
     */
    externalAccess: {
      /**
       * The name of an entry of tenancy.externalAccess in the file of every cluster the tenant runs in.
       */
      name: string;
      /**
       * A subset of the entry's actions. When not set: every action of the entry.
       *
       * @minItems 1
       */
      actions?: [string, ...string[]];
      /**
       * A subset of the entry's resources: an ARN of the entry, or a narrower one that an entry ARN with `*` covers (`arn:aws:s3:::partner-exports/reports/*` under `arn:aws:s3:::partner-exports/*`). When not set: every resource of the entry.
       *
       * @minItems 1
       */
      resources?: [string, ...string[]];
      /**
       * The workload ServiceAccounts whose roles get the entry, as <name> (main namespace) or <namespace suffix>/<name>: from aws.serviceAccounts or apps with serviceAccount.awsAccess. When not set: every workload role of the tenant.
       *
       * @minItems 1
       */
      serviceAccounts?: [string, ...string[]];
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
      /**
       * Other tenants whose workloads may list and read this bucket (they must also name it in `aws.uses.buckets` with `access: read`): their workload roles get the read actions on it and kms:Decrypt on the tenant key through S3 only.
       */
      readers: string[];
      /**
       * Other tenants whose workloads may list, read and put objects, never delete them (they must also name it in `aws.uses.buckets` with `access: write`): their workload roles get those actions on it and the tenant key through S3 only.
       */
      writers: string[];
    }[];
    /**
     * Relational databases (RDS): PostgreSQL by default, MySQL or MariaDB with `engine`, in the secure subnets, reachable only from the compute tier and the networks of `accessFrom`. The connection Secret <name>-postgres in the main namespace holds endpoint, host, port, username and password, whatever the engine; read replica n writes <name>-postgres-replica-<n> (apps: `fromDatabase` with `replica: n`).
     */
    databases: {
      /**
       * Short name; the DB instance is <cluster>-<prefix>-<name>.
       */
      name: string;
      /**
       * Database engine: postgres (RDS for PostgreSQL, TCP 5432), mysql (RDS for MySQL, TCP 3306), mariadb (RDS for MariaDB, TCP 3306) or aurora-postgresql (an Aurora PostgreSQL cluster, TCP 5432: a writer instance plus one reader per readReplicas, storage that grows by itself). The security group and the namespaces' egress follow its port.
       */
      engine: 'postgres' | 'mysql' | 'mariadb' | 'aurora-postgresql';
      /**
       * Engine major (or major.minor) version: 13 to 17 for postgres and aurora-postgresql, 8.0 or 8.4 for mysql, 10.6, 10.11 or 11.4 for mariadb (a minor version may follow: 8.0.39; aurora-postgresql needs one: 16.6). When not set: 17, 8.4, 11.4, or 16.6 for aurora-postgresql. The parameter group family (postgres17, mysql8.0, mariadb10.11, aurora-postgresql17) follows its major.
       */
      engineVersion?: string;
      /**
       * RDS instance class of the instance, its replicas or each Aurora instance. When not set: db.t4g.small, or db.t4g.medium for aurora-postgresql (Aurora's smallest).
       */
      instanceClass?: string;
      /**
       * Initial gp3 storage in GiB: at least 20, the smallest gp3 volume RDS for PostgreSQL allocates (checked by generate, which names that minimum). Not used by aurora-postgresql, whose storage grows by itself.
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
      /**
       * Engine parameters, name to value (quote numbers: "1"), rendered as a DB parameter group of the engine's family (<cluster>-<prefix>-<name>) attached to the instance and its read replicas. Static parameters (rds.logical_replication, shared_preload_libraries, max_connections, ...) apply at the next reboot, the others at once. Parameters that would weaken TLS or password hashing are reserved (rds.force_ssl, ssl_min_protocol_version, password_encryption, require_secure_transport, tls_version): generate names the values allowed. Empty: the engine's default parameter group.
       */
      parameters: {
        [k: string]: string | undefined;
      };
      /**
       * Read replicas of the instance: same region, class and parameters, encrypted with the same key. Replica n (from 1) writes its connection Secret <name>-postgres-replica-<n> (endpoint, host, port, username). Like the primary, a replica removed from Git is kept in AWS. For aurora-postgresql: reader instances of the cluster, reached through its reader endpoint (key reader_endpoint of <name>-postgres).
       */
      readReplicas: number;
      /**
       * Networks outside the cluster that may reach the database port: each the name of an entry of the cluster file's tenancy.databaseAccessCidrs (office-vpn) or a CIDR inside one of them. Each must be allowed on every cluster of the tenant; the security group admits exactly these CIDRs besides the compute tier.
       */
      accessFrom: string[];
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
       * GitHub repositories (<org>/<repo>) whose workflows may push, through GitHub OIDC (repo:<org>/<repo>:*). At least one of githubRepositories, circleciProjects and gitlabProjects is required.
       */
      githubRepositories: string[];
      /**
       * CircleCI project ids (the UUID under Project Settings > Overview) of the organization the cluster file declares (tenancy.ciOidcProviders.circleci), whose jobs may push through CircleCI OIDC (sub org/<org-id>/project/<project-id>/user/*).
       */
      circleciProjects: string[];
      /**
       * GitLab project paths (<group>[/<subgroup>...]/<project>) on the GitLab the cluster file declares (tenancy.ciOidcProviders.gitlab), whose pipelines may push through GitLab OIDC, from any branch or tag (sub project_path:<path>:ref_type:*).
       */
      gitlabProjects: string[];
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
       * Short name; the queue is <cluster>-<prefix>-<name> (FIFO: <cluster>-<prefix>-<name>.fifo).
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
       * A FIFO queue: ordered, exactly-once delivery per message group. Its AWS name ends in .fifo and its dead-letter queue is FIFO too (<name>-dlq.fifo); it subscribes only to FIFO topics. AWS cannot convert a queue: to switch, add a new entry under another name.
       */
      fifo: boolean;
      /**
       * FIFO queues only: deduplicate by a SHA-256 of the body, so senders need not set a MessageDeduplicationId.
       */
      contentBasedDeduplication: boolean;
      /**
       * SNS topics delivering to this queue: <tenant>/<topic>, or an object with the topic and a filter policy. A topic of another tenant must list this tenant in its `subscribers`. A FIFO queue subscribes only to FIFO topics, a standard queue only to standard topics.
       *
       * Items: <tenant>/<topic>, or { topic, filterPolicy, filterPolicyScope } to receive only the messages the filter policy matches.
       */
      subscribeTo: (
        | string
        | {
            /**
             * The topic, as <tenant>/<topic>.
             */
            topic: string;
            /**
             * SNS subscription filter policy: an object whose keys are attribute names (or, with scope MessageBody, JSON keys, nested as in the body) and whose values are arrays of accepted values or operators ({prefix}, {suffix}, {anything-but}, {numeric}, {exists}, {equals-ignore-case}, {cidr}), or `$or`: [policies]. At most 5 keys and 150 value combinations (SNS's limits).
             */
            filterPolicy?: {
              [k: string]: unknown | undefined;
            };
            /**
             * What the filter policy matches: the message attributes or the JSON message body.
             */
            filterPolicyScope: 'MessageAttributes' | 'MessageBody';
          }
      )[];
      /**
       * Other tenants whose workloads may send messages to this queue, never receive them (they must also name it in `aws.uses.queues`): their workload roles get sqs:SendMessage on it and the tenant key through SQS only.
       */
      senders: string[];
    }[];
    /**
     * SNS topics, encrypted with the tenant key. The tenant's own queues may subscribe; other tenants only when listed in `subscribers`.
     */
    topics: {
      /**
       * Short name; the topic is <cluster>-<prefix>-<name> (FIFO: <cluster>-<prefix>-<name>.fifo).
       */
      name: string;
      /**
       * A FIFO topic: ordered, deduplicated delivery to FIFO queues only. Its AWS name ends in .fifo. AWS cannot convert a topic: to switch, add a new entry under another name.
       */
      fifo: boolean;
      /**
       * FIFO topics only: deduplicate by a SHA-256 of the body, so publishers need not set a MessageDeduplicationId.
       */
      contentBasedDeduplication: boolean;
      /**
       * Other tenants whose queues may subscribe to this topic (they must also name it in a queue's `subscribeTo`).
       */
      subscribers: string[];
      /**
       * Other tenants whose workloads may publish to this topic (they must also name it in `aws.uses.topics`): their workload roles get sns:Publish on it and the tenant key through SNS only.
       */
      publishers: string[];
    }[];
    /**
     * SES domain identities for sending mail (Easy DKIM, 2048-bit keys). Each is created on the cluster whose DNS zone holds its domain (the most specific dns.domain containing it); the tenant's workload roles may send only From addresses of that domain, and the ConfigMap <name>-email holds the domain, the identity ARN and the region. The three DKIM CNAME records are published by hand once SES reports its tokens (see docs/tenants.md).
     */
    emailIdentities: {
      /**
       * Short name, for the ConfigMap <name>-email and the managed resource email-<name>.
       */
      name: string;
      /**
       * The domain mail is sent from: one of the tenant's hostnames, or a parent of one that lies strictly inside a cluster's dns.domain and holds no other tenant's hostname.
       */
      domain: string;
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
      /**
       * Other tenants that may read this secret through their own SecretStore (they must also name it in `aws.uses.secrets`): their SecretStore role gets secretsmanager:GetSecretValue on it and kms:Decrypt on the tenant key through Secrets Manager only.
       */
      readers: string[];
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
    /**
     * Resources of other tenants this tenant uses, each named <tenant>/<name>. The owner's file must list this tenant on that resource too (`publishers`, `senders`, `readers`, `writers`), and both tenants must share a cluster: there, and only there, this tenant's roles get exactly that access. Addresses arrive in the ConfigMap <tenant>-<name>-<topic|queue|bucket> of the main namespace (docs/tenants.md).
     */
    uses: {
      /**
       * SNS topics of other tenants that this tenant's workloads publish to; the owner lists this tenant in the topic's `publishers`.
       */
      topics: string[];
      /**
       * SQS queues of other tenants that this tenant's workloads send to (send only); the owner lists this tenant in the queue's `senders`.
       */
      queues: string[];
      /**
       * S3 buckets of other tenants that this tenant's workloads read or write; the owner lists this tenant in the bucket's `readers` (access read) or `writers` (access write).
       */
      buckets: {
        /**
         * The bucket, as <tenant>/<bucket>.
         */
        name: string;
        /**
         * read: list and get objects. write: read, and put objects (never delete them).
         */
        access: 'read' | 'write';
      }[];
      /**
       * Secrets Manager secrets of other tenants that this tenant reads: each arrives in the main namespace as the Secret <tenant>-<name>, one key per JSON field, through the SecretStore <this tenant>-secrets-<tenant>. The owner lists this tenant in the secret's `readers`.
       */
      secrets: string[];
    };
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
