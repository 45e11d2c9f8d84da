import { createRequire } from 'node:module';

export type { Cluster } from './generated/cluster.js';
export type { Tenant } from './generated/tenant.js';
export type { App } from './generated/app.js';

const require = createRequire(import.meta.url);

/** The input kinds, each with its JSON Schema and the folder its files live in. */
export const inputKinds = {
  cluster: { schema: require('../cluster.schema.json') as object, schemaFile: 'schemas/cluster.schema.json' },
  tenant: { schema: require('../tenant.schema.json') as object, schemaFile: 'schemas/tenant.schema.json' },
  app: { schema: require('../app.schema.json') as object, schemaFile: 'schemas/app.schema.json' },
} as const;

export type InputKind = keyof typeof inputKinds;
