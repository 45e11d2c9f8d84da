/**
 * @internal Test support for the loader tests (not a test file): writes or copies a small fleet
 * into a temporary folder, loads it and returns its problems as the CLI prints them.
 */
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { InputError, formatDiagnostic } from '../../src/load/diagnostic.js';
import { loadFleet } from '../../src/load/load-fleet.js';

/** generators/test/fixtures/. */
export const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

/** Writes input files (path under the fleet root → text) into a new temporary folder named `<prefix>…`; returns it. */
export function writeFleet(prefix: string, files: Readonly<Record<string, string>>): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** Copies `fixture` (a folder under generators/test/fixtures/) into a new temporary folder, so a test may change it; returns the copy. */
export function copyFixture(prefix: string, fixture: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cpSync(join(FIXTURES, fixture), dir, { recursive: true });
  return dir;
}

/** Loads the fleet in `dir`; returns every problem as printed (`file:line:col: field: message`), none when it loads. */
export function loadProblems(dir: string): string[] {
  try {
    loadFleet(dir);
  } catch (e) {
    if (e instanceof InputError) return e.diagnostics.map(formatDiagnostic);
    throw e;
  }
  return [];
}

/** The files `tenants/<name>.yaml` of tenant texts by name. */
export function tenantFiles(tenants: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(tenants).map(([name, text]) => [`tenants/${name}.yaml`, text]));
}

export interface ClusterYamlOptions {
  /** @default staging */
  readonly environment?: string;
  /** The lines under `network:`, each ending in a newline. @default - vpcCidr 10.0.0.0/16 for mgmt, 10.1.0.0/16 otherwise */
  readonly network?: string;
  /** @default `<name>.example.com` */
  readonly domain?: string;
  /** Text appended after the dns block. @default - none */
  readonly extra?: string;
  /** Lines inside the dns block after `domain`, each indented two spaces and ending in a newline. @default - none */
  readonly dns?: string;
}

/** The text of a cluster file in eu-west-2; `mgmt` is the management cluster. */
export function clusterYaml(name: string, options: ClusterYamlOptions = {}): string {
  const { environment = 'staging', network = `  vpcCidr: 10.${name === 'mgmt' ? 0 : 1}.0.0/16\n`, domain = `${name}.example.com`, extra = '', dns = '' } = options;
  return `name: ${name}
environment: ${environment}
${name === 'mgmt' ? 'management: true\n' : ''}aws:
  accountId: "123456789012"
  region: eu-west-2
  availabilityZones: [eu-west-2a, eu-west-2b, eu-west-2c]
network:
${network}dns:
  domain: ${domain}
${dns}${extra}${name === 'mgmt' ? 'platformTeams: [acme/platform]\n' : ''}`;
}
