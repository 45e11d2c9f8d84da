/* eslint-disable */
// Generated from schemas/cluster.schema.json by schemas/scripts/generate-types.mjs. Do not edit: change the schema and run `npm run build`.

/**
 * One Kubernetes cluster of the fleet: its environment, AWS account and network, node groups, DNS, access lists and add-on settings. File: clusters/<name>.yaml.
 */
export interface Cluster {
  /**
   * Cluster name: a DNS-1123 label of at most 20 characters. Used in AWS resource names, so it must be unique in the fleet and never change.
   */
  name: string;
  /**
   * What this cluster is for, for humans.
   */
  description?: string;
  /**
   * The environment class. Drives defaults such as multi-AZ databases and deletion protection in production.
   */
  environment: 'development' | 'staging' | 'production';
  /**
   * True for the one management cluster: it runs the Crossplane that owns the AWS infrastructure of every cluster (namespaces infra-<cluster>).
   */
  management: boolean;
  /**
   * Management cluster only: the GitHub teams (<org>/<team-slug>) of the platform team. They own, in the generated .github/CODEOWNERS, everything that is not a tenant's: cluster files, code, schemas, CI.
   */
  platformTeams: string[];
  /**
   * Management cluster only: the fleet's catalog of team roles, by name. A tenant gives an owner team one of them (owners[].role) besides the built-in admin, edit and view. Each renders as ClusterRole tenant-role-<name> on every cluster, bound by RoleBindings in tenant namespaces only. The loader refuses a role that would let a team step outside its tenancy (escalate, bind, impersonate; writes to roles, rolebindings, resourcequotas, limitranges, networkpolicies; cluster-scoped kinds such as namespaces; wildcards reaching any of these).
   */
  teamRoles: {
    [k: string]:
      | {
          /**
           * What the role is for, for the teams that pick it.
           */
          description: string;
          /**
           * Kubernetes RBAC policy rules, granted in the tenant's namespaces only. No nonResourceURLs: a RoleBinding cannot grant them.
           *
           * @minItems 1
           */
          rules: [
            {
              /**
               * API groups; "" is the core group.
               *
               * @minItems 1
               */
              apiGroups: [string, ...string[]];
              /**
               * Resources, or resource/subresource (pods/log, pods/exec).
               *
               * @minItems 1
               */
              resources: [string, ...string[]];
              /**
               * Verbs: get, list, watch, create, update, patch, delete, deletecollection, or a subresource's own.
               *
               * @minItems 1
               */
              verbs: [string, ...string[]];
              /**
               * Only these objects. When not set: every object of the resources.
               */
              resourceNames?: string[];
            },
            ...{
              /**
               * API groups; "" is the core group.
               *
               * @minItems 1
               */
              apiGroups: [string, ...string[]];
              /**
               * Resources, or resource/subresource (pods/log, pods/exec).
               *
               * @minItems 1
               */
              resources: [string, ...string[]];
              /**
               * Verbs: get, list, watch, create, update, patch, delete, deletecollection, or a subresource's own.
               *
               * @minItems 1
               */
              verbs: [string, ...string[]];
              /**
               * Only these objects. When not set: every object of the resources.
               */
              resourceNames?: string[];
            }[]
          ];
        }
      | undefined;
  };
  /**
   * Where the cluster lives in AWS.
   */
  aws: {
    /**
     * The 12-digit AWS account id.
     */
    accountId: string;
    /**
     * AWS region, e.g. eu-west-2.
     */
    region: string;
    /**
     * Exactly three availability zones of the region, e.g. [eu-west-2a, eu-west-2b, eu-west-2c].
     *
     * @minItems 3
     * @maxItems 3
     */
    availabilityZones: [string, string, string];
  };
  /**
   * The VPC and how it is cut into subnet tiers.
   */
  network: {
    /**
     * IPv4 CIDR of the VPC, /16 to /22. Must not overlap any other cluster's VPC.
     */
    vpcCidr: string;
    /**
     * Prefix length of each tier's subnet (one subnet per tier and availability zone). Tiers are laid out in this order: compute, secure, elb, mgmt.
     */
    subnetPrefixLengths: {
      /**
       * Nodes and pods (VPC CNI gives pods VPC addresses, so this is the largest tier).
       */
      compute: number;
      /**
       * EKS control-plane ENIs, databases, caches.
       */
      secure: number;
      /**
       * Public load balancers and NAT gateways.
       */
      elb: number;
      /**
       * Bastion and management hosts.
       */
      mgmt: number;
    };
    /**
     * AWS ids of the network once it exists (fill in after the infrastructure is created; the management cluster's infra MRs report them in status). Tenant databases, Redis and OpenSearch attach to these; while they are missing those resources are not rendered and generate warns.
     */
    ids?: {
      /**
       * The VPC id, e.g. vpc-0123456789abcdef0.
       */
      vpcId: string;
      /**
       * The three secure-tier subnet ids (one per availability zone).
       *
       * @minItems 3
       * @maxItems 3
       */
      secureSubnetIds: [string, string, string];
      /**
       * The security group of the compute tier (nodes and pods): the only source tenant data stores admit.
       */
      computeSecurityGroupId: string;
    };
  };
  /**
   * The EKS control plane.
   */
  kubernetes: {
    /**
     * Kubernetes minor version of the EKS cluster.
     */
    version: string;
    /**
     * Prefix the cluster's OIDC identity provider puts in front of GitHub team group names, e.g. 'github:' gives 'github:acme:payments' for the team acme/payments (Dex's GitHub connector names teams <org>:<team-slug>). Also the prefix of user names (github:<login>).
     */
    oidcGroupPrefix: string;
    /**
     * The EKS cluster's OIDC issuer without https://, e.g. oidc.eks.eu-west-2.amazonaws.com/id/0123456789ABCDEF0123456789ABCDEF (`aws eks describe-cluster --name <name> --query cluster.identity.oidc.issuer`, or status.atProvider.identity[0].oidc[0].issuer of the EKS Cluster object, minus https://). Known after the cluster is created; required for IRSA (crossplane.credentials: IRSA).
     */
    oidcIssuer?: string;
  };
  /**
   * Who may reach the cluster's API and hosts.
   */
  access: {
    /**
     * CIDRs allowed to reach the public Kubernetes API endpoint. Empty: the public endpoint is off and only the private endpoint serves.
     */
    apiCidrs: string[];
    /**
     * Host access. 'ssm' (default) uses AWS Systems Manager Session Manager and opens no port; 'bastion' adds a bastion in the mgmt tier reachable on port 22 from `cidrs`.
     */
    ssh: {
      mode: 'ssm' | 'bastion';
      /**
       * CIDRs allowed to reach the bastion on port 22 (mode bastion only).
       */
      cidrs: string[];
    };
    /**
     * IAM principal ARNs (roles or users) granted cluster-admin through EKS access entries.
     */
    platformAdmins: string[];
  };
  /**
   * The DNS zone the cluster serves. Tenant hostnames must be inside it, or inside a tenant's own zone (`tenantZones`).
   */
  dns: {
    /**
     * DNS domain delegated to this cluster, e.g. staging.example.com.
     */
    domain: string;
    /**
     * Route53 hosted zone id of `domain`, used by external-dns and cert-manager DNS-01 to scope their IAM permissions.
     */
    hostedZoneId?: string;
    /**
     * Lets tenants have Route53 hosted zones of their own on this cluster (tenant file `dns.zones`), delegated from the cluster's zone (needs `hostedZoneId`) or from one of `parents`. Every tenant zone is created with one reusable delegation set, made once per cluster account (`aws route53 create-reusable-delegation-set`), so its name servers are known before a zone exists and each parent's NS record is written from Git. See docs/tenants.md.
     */
    tenantZones?: {
      /**
       * Id of the reusable delegation set every tenant zone of the cluster is created with (the `Id` that create-reusable-delegation-set returns, without `/delegationset/`).
       */
      delegationSetId: string;
      /**
       * The four name servers of the delegation set (`aws route53 get-reusable-delegation-set --id <id>`): the NS record of every tenant zone in its parent zone.
       *
       * @minItems 4
       * @maxItems 4
       */
      nameServers: [string, string, string, string];
      /**
       * Domains besides `domain` that tenant zones may be delegated from, each under a name the tenant files use (`dns.zones[].parent`); the same name may stand for another domain on each cluster.
       */
      parents: {
        /**
         * What tenant files call this parent (`parent: partner`).
         */
        name: string;
        /**
         * The parent domain, e.g. staging.partner.example.
         */
        domain: string;
        /**
         * Route53 hosted zone id of `domain` in the cluster's account: the NS records of the tenant zones are written there.
         */
        hostedZoneId: string;
      }[];
    };
  };
  /**
   * Worker node groups, each an auto scaling group over the compute subnets of all three availability zones.
   *
   * @minItems 1
   */
  nodeGroups: [
    {
      /**
       * Node group name (DNS-1123 label).
       */
      name: string;
      /**
       * EC2 instance types, first one preferred.
       *
       * @minItems 1
       */
      instanceTypes: [string, ...string[]];
      minSize: number;
      maxSize: number;
      /**
       * Initial size; cluster-autoscaler owns it afterwards.
       */
      desiredSize?: number;
      diskSizeGiB: number;
      /**
       * Kubernetes node labels.
       */
      labels: {
        [k: string]: string | undefined;
      };
      /**
       * Kubernetes node taints.
       */
      taints: {
        key: string;
        value?: string;
        effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
      }[];
    },
    ...{
      /**
       * Node group name (DNS-1123 label).
       */
      name: string;
      /**
       * EC2 instance types, first one preferred.
       *
       * @minItems 1
       */
      instanceTypes: [string, ...string[]];
      minSize: number;
      maxSize: number;
      /**
       * Initial size; cluster-autoscaler owns it afterwards.
       */
      desiredSize?: number;
      diskSizeGiB: number;
      /**
       * Kubernetes node labels.
       */
      labels: {
        [k: string]: string | undefined;
      };
      /**
       * Kubernetes node taints.
       */
      taints: {
        key: string;
        value?: string;
        effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
      }[];
    }[]
  ];
  /**
   * How Crossplane authenticates to AWS.
   */
  crossplane: {
    /**
     * PodIdentity (default) or IRSA for the provider pods. IRSA needs kubernetes.oidcIssuer, known only once the cluster exists: start with PodIdentity, then switch (docs/infrastructure.md).
     */
    credentials: 'PodIdentity' | 'IRSA';
    /**
     * Role in this cluster's account that the management cluster's Crossplane assumes to manage it (multi-account fleets). Default: arn:aws:iam::<accountId>:role/<cluster>-crossplane.
     */
    assumeRoleArn?: string;
  };
  /**
   * Whether tenants may run on this cluster, and the limits every tenant namespace on it is held to.
   */
  tenancy: {
    /**
     * Whether tenants may list this cluster in their `clusters`. When not set: false on the management cluster (it runs the Crossplane that holds every cluster's infrastructure role, and tenant pods would share its nodes), true on every other cluster. No schema default, because it follows `management`; the loader resolves it.
     */
    allowTenants?: boolean;
    /**
     * Quota caps every tenant on this cluster must keep: a tenant may set cpu, memory or storage to "none" only when it is not listed here.
     */
    requiredQuotas: ('cpu' | 'memory' | 'storage')[];
    /**
     * The most a tenant may ask for in its quotas on this cluster.
     */
    quotaCeilings: {
      cpu: string;
      memory: string;
      pods: number;
      storage: string;
      loadBalancers: number;
    };
    /**
     * Registries whose images every tenant on this cluster may run, besides its own ECR repositories (aws.registries), as <host>/<path> prefixes such as ghcr.io/acme: an image runs when it starts with one of them and '/'. Admission refuses every other image. At least one path segment is required (a whole registry host would admit anyone's images), and ECR hosts are not allowed here: tenants run only their own ECR repositories.
     */
    imageRegistries: string[];
    /**
     * Networks outside the cluster (an office VPN, a peered VPC) from which tenant databases may be reached, by name. A tenant database opens its port to some of them with accessFrom (a name, or a CIDR inside one); every other address is refused by the loader.
     */
    databaseAccessCidrs: {
      /**
       * How tenants refer to the network (office-vpn).
       */
      name: string;
      /**
       * The network's IPv4 CIDR.
       */
      cidr: string;
      /**
       * What the network is, for the security group rule.
       */
      description?: string;
    }[];
    /**
     * CI systems besides GitHub Actions whose OIDC tokens tenant registry CI roles may trust (aws.registries[].circleciProjects, gitlabProjects). Each becomes an IAM OpenID Connect provider of the cluster's account, managed with the cluster's infrastructure; a registry role trusts only the projects it names.
     */
    ciOidcProviders: {
      /**
       * The CircleCI organization: issuer https://oidc.circleci.com/org/<organizationId>, audience the organization id.
       */
      circleci?: {
        /**
         * The organization id (Organization Settings > Overview).
         */
        organizationId: string;
      };
      /**
       * The GitLab instance: its URL is the issuer; pipelines ask for an ID token with aud sts.amazonaws.com (id_tokens in .gitlab-ci.yml).
       */
      gitlab?: {
        /**
         * https://gitlab.com, or the URL of a self-managed instance (no trailing slash).
         */
        url: string;
      };
    };
    /**
     * AWS access outside the tenants' own resources that tenants on this cluster may ask for by name (aws.externalAccess of the tenant file), e.g. another account's bucket, Athena or Rekognition. Cluster files belong to the platform team (CODEOWNERS), so the platform team reviews every entry. A tenant gets only the entries it names, and at most their actions on their resources, in its workload roles' policy and in the tenant permissions boundary, for that tenant only. Another account's resources must also grant the workload role on their side (e.g. the partner's bucket policy).
     */
    externalAccess: {
      /**
       * The entry's name, which tenant files use (aws.externalAccess[].name).
       */
      name: string;
      /**
       * What the access is for and who agreed to it; shown in the tenant's docs and policy descriptions.
       */
      description: string;
      /**
       * The IAM actions the entry permits, each named in full (service:Action, no wildcards).
       *
       * @minItems 1
       */
      actions: [string, ...string[]];
      /**
       * The ARNs the actions apply to; `*` may stand for any characters (`arn:aws:s3:::partner-exports/*`). A lone `*` only for actions AWS cannot scope to a resource (rekognition:DetectLabels), and then `anyResourceBecause` says so.
       *
       * @minItems 1
       */
      resources: [string, ...string[]];
      /**
       * Required when `resources` is ["*"]: why these actions cannot be scoped to a resource. Not set otherwise.
       */
      anyResourceBecause?: string;
    }[];
  };
  /**
   * Per add-on switches and Helm values overrides. Keys are add-on names; every add-on is on unless `enabled: false`.
   */
  addons: {
    [k: string]:
      | {
          enabled: boolean;
          /**
           * Helm values merged over the platform's values.
           */
          values?: {};
        }
      | undefined;
  };
  /**
   * The cluster's searchable logs (Loki; docs/observability.md).
   */
  logs: {
    /**
     * Days Loki keeps every container's logs before its compactor deletes them. The gzipped archive in the logs bucket follows its own lifecycle (90 days).
     */
    retentionDays: number;
  };
  /**
   * Where the platform team hears about this cluster's Flux failures and platform alerts (Alertmanager).
   */
  notifications?: {
    slackChannel?: string;
  };
}
