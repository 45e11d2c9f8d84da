import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { formatProblem } from '../../../src/commands/validate.js';
import { type OutObject, readOutTree } from '../../../src/out-tree.js';
import { newCelStats } from '../../../src/validate/cel-rules.js';
import { fleetApiVersions, formatReleaseSummary, validateCharts } from '../../../src/validate/charts/validate-charts.js';
import { REPO_ROOT } from '../real-crds.js';
import { HAS_CHARTS, HELM, REAL_CHARTS, REAL_CHARTS_NOTE } from './_real-charts.js';

const staging = readOutTree(`${REPO_ROOT}out`, ['staging']);
const kind = (o: OutObject) => String(o.object['kind']);
const name = (o: OutObject) => String((o.object['metadata'] as { name: string }).name);
const namespaceOf = (o: OutObject) => String((o.object['spec'] as { forProvider?: { namespace?: string } }).forProvider?.namespace);

/**
 * One add-on of the example staging cluster on its own: its HelmRelease (values changed by `edit`), its chart source,
 * the EKS cluster (for the Kubernetes version), its Pod Identity associations, every out/ Ingress and every
 * ExternalSecret (the Secrets its pods read, such as Alertmanager's Slack token).
 */
function addon(addonName: string, edit: (values: Record<string, any>) => void = () => {}): OutObject[] {
  return staging.flatMap((o) => {
    if (kind(o) === 'HelmRelease' && name(o) === addonName) {
      const copy = structuredClone(o.object) as { spec: { values: Record<string, any> } };
      edit(copy.spec.values);
      return [{ ...o, object: copy }];
    }
    const keep =
      (['OCIRepository', 'HelmRepository'].includes(kind(o)) && name(o) === addonName) ||
      kind(o) === 'Cluster' ||
      kind(o) === 'ExternalSecret' ||
      (kind(o) === 'PodIdentityAssociation' && namespaceOf(o) === addonName);
    return keep ? [o] : [];
  });
}

const check = (objects: OutObject[]) =>
  validateCharts(objects, { chartsDir: REAL_CHARTS, helm: HELM, cel: newCelStats(), apiVersions: fleetApiVersions(staging, undefined) });

describe('fleetApiVersions', () => {
  it('GIVEN out/ WHEN helm is told what the cluster serves THEN every custom apiVersion is listed in both forms charts test, built-ins are not', () => {
    const versions = fleetApiVersions(staging, undefined);
    expect(versions).toContain('monitoring.coreos.com/v1');
    expect(versions).toContain('monitoring.coreos.com/v1/ServiceMonitor');
    expect(versions.filter((v) => v.startsWith('apps/') || v.startsWith('v1'))).toEqual([]);
  });
});

describe.skipIf(!HAS_CHARTS)(`validateCharts with the pinned charts${REAL_CHARTS_NOTE}`, () => {
  it('GIVEN the traefik values WHEN rendered THEN both entry points are served, the internal one by its own internal NLB', async () => {
    const objects = addon('traefik');
    const report = await check(objects);
    expect(report.problems.map(formatProblem)).toEqual([]);
    expect(report.releases.map((r) => formatReleaseSummary({ ...r, milliseconds: 0 }))).toEqual([
      'chart staging/traefik: traefik-41.3.0.tgz: 35 objects, 0 problems, 0.0s',
    ]);
    const { releases } = await import('../../../src/validate/charts/chart-releases.js').then((m) => m.chartReleasesOf(objects));
    const { renderReleases } = await import('../../../src/validate/charts/helm-template.js');
    const [rendered] = await renderReleases(releases, { chartsDir: REAL_CHARTS, helm: HELM, apiVersions: fleetApiVersions(staging, undefined) });
    const services = rendered!.objects.filter((o) => o.object['kind'] === 'Service').map((o) => o.object);
    const args = rendered!.objects.filter((o) => o.object['kind'] === 'Deployment').flatMap((o) => (o.object as any).spec.template.spec.containers[0].args);
    await expect(stringify({ services, entryPointArgs: args.filter((a: string) => a.startsWith('--entryPoints.')) })).toMatchFileSnapshot(
      '__golden__/traefik-staging.yaml',
    );
  });

  it('GIVEN the traefik values of chart 40 (redirections and tls beside http) WHEN rendered THEN the release fails and names ports.web', async () => {
    const report = await check(
      addon('traefik', (v) => {
        v['ports'].web = { redirections: v['ports'].web.http.redirections };
        v['ports'].internal.tls = v['ports'].internal.http.tls;
        delete v['ports'].internal.http;
      }),
    );
    expect(report.problems.map(formatProblem)).toEqual([
      'out/staging/addons/traefik/helmrelease-traefik.yaml: HelmRelease/flux-system/traefik: spec.values: chart traefik-41.3.0.tgz of release traefik in cluster staging: ' +
        "values don't meet the specifications of the schema(s) in the following chart(s): traefik: - at spec.values.ports.internal: additional properties 'tls' not allowed " +
        "- at spec.values.ports.web: additional properties 'redirections' not allowed",
    ]);
  });

  it('GIVEN the internal entry point also exposed on the public Service WHEN checked THEN the ingress load balancer check names it', async () => {
    const report = await check(addon('traefik', (v) => (v['ports'].internal.expose.default = true)));
    expect(report.problems.map((p) => p.message)).toEqual([
      'entry point "internal" is served by Service traefik/traefik with service.beta.kubernetes.io/aws-load-balancer-scheme: internet-facing; allowed: internal',
    ]);
  });

  it('GIVEN cluster-autoscaler without its pinned ServiceAccount name WHEN checked THEN its Pod Identity association names an account nobody creates', async () => {
    const report = await check(addon('cluster-autoscaler', (v) => delete v['rbac']));
    expect(report.problems.map(formatProblem)).toEqual([
      'out/staging/infra/podidentityassociation-cluster-autoscaler.yaml: PodIdentityAssociation/infra-staging/cluster-autoscaler: spec.forProvider.serviceAccount: ' +
        'names ServiceAccount cluster-autoscaler/cluster-autoscaler, which neither out/ nor any chart creates in cluster staging',
    ]);
  });

  it('GIVEN kube-prometheus-stack and thanos WHEN rendered THEN the object-store config is a Secret the charts make, and Thanos runs its own image', async () => {
    const report = await check([...addon('kube-prometheus-stack'), ...addon('thanos')]);
    expect(report.problems.map(formatProblem)).toEqual([]);
    const { releases } = await import('../../../src/validate/charts/chart-releases.js').then((m) => m.chartReleasesOf(addon('thanos')));
    const { renderReleases } = await import('../../../src/validate/charts/helm-template.js');
    const [thanos] = await renderReleases(releases, { chartsDir: REAL_CHARTS, helm: HELM, apiVersions: fleetApiVersions(staging, undefined) });
    const images = new Set(thanos!.objects.flatMap((o) => ((o.object as any).spec?.template?.spec?.containers ?? []).map((c: { image: string }) => c.image)));
    expect([...images]).toEqual(['quay.io/thanos/thanos:v0.39.2']);
  });

  it('GIVEN reloader values with a misspelt pod security field WHEN rendered and checked strictly THEN the chart object names the unknown field', async () => {
    const { loadBuiltInFieldCheck } = await import('../../../src/validate/built-in-fields.js');
    const objects = addon('reloader', (v) => (v.reloader.deployment = { securityContext: { runAsNonRot: true } }));
    const report = await validateCharts(objects, { chartsDir: REAL_CHARTS, helm: HELM, cel: newCelStats(), apiVersions: fleetApiVersions(staging, undefined), fieldCheck: await loadBuiltInFieldCheck() });
    expect(report.problems.map((p) => p.message)).toContainEqual(
      'spec.template.spec.securityContext.runAsNonRot: unknown field "runAsNonRot" (PodSecurityContext declares no such field; did you mean "runAsNonRoot"?)',
    );
  });
});
