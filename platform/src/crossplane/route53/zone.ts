import { NUM, STR, STR_MAP, arr, global, referable } from '../_fields.js';
import type { Tags } from '../_fields.js';
import { kindsOf, managedResourceClass } from '../managed-resource.js';

const route53 = kindsOf('route53.aws.m.upbound.io/v1beta1');

/**
 * route53.aws.m.upbound.io/v1beta1 Zone: a public hosted zone. Global (no region). ID-identified: AWS assigns the
 * zone id, which Crossplane records as the external name; `status.atProvider.nameServers` lists its name servers.
 */
export const ROUTE53_ZONE = route53('Zone', global({
  comment: STR,
  ...referable('delegationSetId'),
  forceDestroy: { type: 'boolean' },
  name: STR,
  tags: STR_MAP,
}, ['name']));

export interface Route53ZoneForProvider {
  /** The zone's domain name, without the trailing dot. */
  readonly name: string;
  /** A reusable delegation set: the zone gets its (known) name servers instead of four new ones. */
  readonly delegationSetId?: string;
  readonly comment?: string;
  /** Delete every record with the zone; the platform leaves it false. */
  readonly forceDestroy?: boolean;
  readonly tags?: Tags;
}

/** A Route53 public hosted zone. */
export const Route53Zone = managedResourceClass<Route53ZoneForProvider>(ROUTE53_ZONE);

/** route53.aws.m.upbound.io/v1beta1 Record: one record set (name and type) of a hosted zone. Global. */
export const ROUTE53_RECORD = route53('Record', global({
  allowOverwrite: { type: 'boolean' },
  name: STR,
  records: arr(STR),
  ttl: NUM,
  type: { type: 'string', enum: ['A', 'AAAA', 'CAA', 'CNAME', 'DS', 'MX', 'NAPTR', 'NS', 'PTR', 'SOA', 'SPF', 'SRV', 'TXT'] },
  ...referable('zoneId'),
}, ['name', 'type']));

export interface Route53RecordForProvider {
  /** The hosted zone the record set is written to. */
  readonly zoneId: string;
  /** Fully qualified record name, without the trailing dot. */
  readonly name: string;
  readonly type: 'NS' | 'TXT' | 'CNAME' | 'A' | 'AAAA';
  readonly ttl: number;
  readonly records: readonly string[];
}

/** A Route53 record set. */
export const Route53Record = managedResourceClass<Route53RecordForProvider>(ROUTE53_RECORD);
