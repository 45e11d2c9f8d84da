import { describe, expect, it } from 'vitest';
import type { ObservabilityTeam } from '../../src/addons/_addon.js';
import { FLUENT_BIT } from '../../src/addons/fluent-bit.js';
import { TENANTS_HASH_ANNOTATION } from '../../src/addons/_log-tenancy.js';
import { stagingEnv } from './_env.js';

const team = (name: string, suffixes: string[] = []): ObservabilityTeam => ({ name, namespaces: [name, ...suffixes.map((s) => `${name}-${s}`)], owners: [] });
/** Tenants `a` (namespaces a, a-jobs) and `a-b` (a-b, a-b-web): a-b looks like a namespace of a, and is not. */
const teams = [team('a', ['jobs']), team('a-b', ['web'])];
const values = (off: string[] = []) => FLUENT_BIT.values(stagingEnv(off, { teams })) as { config: { outputs: string; filters: string }; [k: string]: any };
const outputs = (off: string[] = []) => values(off).config.outputs;

describe('FLUENT_BIT', () => {
  it('GIVEN loki on WHEN built THEN every container log goes to the logs bucket and to Loki, labelled by cluster, namespace, pod and container', () => {
    const o = outputs();
    expect(o).toContain('    Name s3\n');
    expect(o).toContain('    bucket 222222222222-eu-west-2-staging-logs\n');
    expect(o).toContain(
      [
        '[OUTPUT]',
        '    Name loki',
        '    Match kube.*',
        '    Host loki.loki.svc.cluster.local',
        '    Port 3100',
        "    labels cluster=staging, namespace=$kubernetes['namespace_name'], pod=$kubernetes['pod_name'], container=$kubernetes['container_name']",
      ].join('\n'),
    );
  });

  it('GIVEN loki on WHEN built THEN each record goes to the Loki tenant the Lua filter named (platform when none), and the key is not in the line', () => {
    expect(outputs()).toContain(['    tenant_id platform', '    tenant_id_key loki_tenant', '    remove_keys loki_tenant'].join('\n'));
    // the Lua filter runs after the Kubernetes filter, on every container log
    expect(values().config.filters).toMatch(/Name kubernetes[\s\S]*\[FILTER\]\n {4}Name lua\n {4}Match kube\.\*\n {4}script \/fluent-bit\/loki-tenants\/loki-tenants\.lua\n {4}call loki_tenant/);
    expect(values().extraVolumes).toEqual([{ name: 'loki-tenants', configMap: { name: 'fluent-bit-loki-tenants' } }]);
    expect(values().extraVolumeMounts).toEqual([{ name: 'loki-tenants', mountPath: '/fluent-bit/loki-tenants', readOnly: true }]);
  });

  it('GIVEN the tenant table WHEN it changes THEN the pods roll (its hash is a pod annotation); the same tenants give the same hash', () => {
    const hash = (t: ObservabilityTeam[]) => (FLUENT_BIT.values(stagingEnv([], { teams: t })) as any).podAnnotations[TENANTS_HASH_ANNOTATION];
    expect(hash(teams)).toBe(hash([...teams]));
    expect(hash(teams)).not.toBe(hash([team('a')]));
  });

  it('GIVEN loki off WHEN built THEN only the archive output is left, with no tenant filter', () => {
    expect(outputs(['loki'])).not.toContain('Name loki');
    expect(outputs(['loki'])).toContain('Name s3');
    expect(values(['loki']).config.filters).not.toContain('Name lua');
    expect(values(['loki']).extraVolumes).toBeUndefined();
  });
});
