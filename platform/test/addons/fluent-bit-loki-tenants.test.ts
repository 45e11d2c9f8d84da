import { describe, expect, it } from 'vitest';
import type { ObservabilityTeam } from '../../src/addons/_addon.js';
import { lokiTenantsScript } from '../../src/addons/fluent-bit-loki-tenants.js';

const team = (name: string, suffixes: string[] = []): ObservabilityTeam => ({ name, namespaces: [name, ...suffixes.map((s) => `${name}-${s}`)], owners: [] });
/** Tenants `a` (namespaces a, a-jobs) and `a-b` (a-b, a-b-web): a-b looks like a namespace of a, and is not. */
const teams = [team('a', ['jobs']), team('a-b', ['web'])];

/**
 * What the generated Lua does, read back from the rendered script: its table, and its pattern applied to a tag
 * (Lua's `%.` is a literal dot, `[^_]` as in a regular expression).
 */
function lokiTenantOf(script: string, tag: string): string {
  const table = new Map([...script.matchAll(/^ {2}\["([^"]+)"\] = "([^"]+)",$/gm)].map((m) => [m[1]!, m[2]!]));
  const pattern = /string\.match\(tag, "([^"]+)"\)/.exec(script)![1]!;
  const namespace = new RegExp(pattern.replaceAll('%.', '\\.')).exec(tag)?.[1];
  const fallback = /or "([^"]+)"/.exec(script)![1]!;
  return (namespace !== undefined ? table.get(namespace) : undefined) ?? fallback;
}
const tag = (pod: string, ns: string) => `kube.var.log.containers.${pod}_${ns}_app-0123456789abcdef.log`;

describe('lokiTenantsScript', () => {
  it('GIVEN tenants a and a-b WHEN a namespace a-b logs THEN its lines go to Loki tenant a-b, never to a; a-jobs to a; a-b-web to a-b', () => {
    const script = lokiTenantsScript(teams);
    expect(lokiTenantOf(script, tag('web-7d9f', 'a-b'))).toBe('a-b');
    expect(lokiTenantOf(script, tag('web-7d9f', 'a'))).toBe('a');
    expect(lokiTenantOf(script, tag('cron-1', 'a-jobs'))).toBe('a');
    expect(lokiTenantOf(script, tag('web-1', 'a-b-web'))).toBe('a-b');
  });

  it('GIVEN a namespace that is no tenant (a platform one, or one made outside Git, even named like a tenant) WHEN it logs THEN its lines go to the platform tenant', () => {
    const script = lokiTenantsScript(teams);
    for (const ns of ['kube-system', 'logging', 'a-other', 'b', 'a-b-c']) expect(lokiTenantOf(script, tag('p', ns)), ns).toBe('platform');
    expect(lokiTenantOf(script, 'kube.something-else')).toBe('platform');
  });

  it("GIVEN a pod that logs JSON with its own loki_tenant or kubernetes fields WHEN filtered THEN the tenant comes from the kubelet's tag only and overwrites the key", () => {
    const script = lokiTenantsScript(teams);
    const body = script.slice(script.indexOf('function loki_tenant'));
    // the only record field the function touches is the key it sets; it reads nothing from the record
    expect([...body.matchAll(/record\[[^\]]+\]/g)].map((m) => m[0])).toEqual(['record["loki_tenant"]']);
    expect(body).toContain('record["loki_tenant"] = (namespace and tenants[namespace]) or "platform"');
    expect(body).toContain('local namespace = string.match(tag,');
  });

  it('GIVEN a tenant that does not run on this cluster (the management cluster lists every tenant) WHEN a namespace of its name logs there THEN it goes to the platform tenant', () => {
    const script = lokiTenantsScript([...teams, { ...team('c'), onCluster: false }]);
    expect(lokiTenantOf(script, tag('p', 'c'))).toBe('platform');
    expect(lokiTenantOf(script, tag('p', 'a'))).toBe('a');
  });
});
