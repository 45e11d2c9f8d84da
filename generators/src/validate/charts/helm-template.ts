/**
 * Runs `helm template` for HelmReleases of out/, as helm-controller would install them: the pinned chart archive,
 * the release name, the target namespace, the release's values, the cluster's Kubernetes version, the API versions
 * the fleet installs, and the chart's CRDs. Releases render in parallel, at most `concurrency` at a time.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { ChartRelease } from './chart-releases.js';

/** One object `helm template` printed, with the template file it came from (`# Source:`). */
export interface ChartObject {
  readonly object: Record<string, unknown>;
  /** e.g. `traefik/templates/service.yaml`. */
  readonly template: string;
}

/** What rendering one release gave. */
export interface RenderedRelease {
  readonly release: ChartRelease;
  /** The archive, `<chart>-<version>.tgz` in the charts folder. */
  readonly archive: string;
  /** `missing`: no archive in the folder; `failed`: helm rejected the chart or its values; `rendered`: objects below. */
  readonly status: 'rendered' | 'missing' | 'failed';
  readonly objects: readonly ChartObject[];
  /** helm's own message when `failed`; the fetch hint when `missing`. */
  readonly message: string;
  readonly milliseconds: number;
}

export interface HelmTemplateOptions {
  /** Folder of `<chart>-<version>.tgz` archives, in the layout `helm pull` writes. */
  readonly chartsDir: string;
  /** `group/version` (and `group/version/Kind`) strings passed as `--api-versions`. */
  readonly apiVersions: readonly string[];
  /** The helm binary. @default process.env.HELM ?? 'helm' */
  readonly helm?: string;
  /** Releases rendered at once. @default os.availableParallelism() */
  readonly concurrency?: number;
}

/** The archive name `helm pull` writes for a chart version. */
export const chartArchive = (chart: string, version: string) => `${chart}-${version}.tgz`;

/** The `helm pull` arguments that fetch a chart archive, from an OCI registry or a Helm repository. */
export function helmPullArgs(chart: Pick<ChartRelease, 'chart' | 'version' | 'repository'>): string[] {
  return chart.repository.startsWith('oci://')
    ? ['pull', chart.repository, '--version', chart.version]
    : ['pull', chart.chart, '--repo', chart.repository, '--version', chart.version];
}

const helmPullCommand = (chart: Pick<ChartRelease, 'chart' | 'version' | 'repository'>) => `helm ${helmPullArgs(chart).join(' ')}`;

/** `helm version` of the binary, or undefined when it cannot be run. */
export async function helmVersion(helm: string): Promise<string | undefined> {
  try {
    const { stdout } = await run(helm, ['version', '--template', '{{.Version}}']);
    return stdout.trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Renders every release; the result is in the order of `releases`, whatever order they finish in. */
export async function renderReleases(releases: readonly ChartRelease[], options: HelmTemplateOptions): Promise<RenderedRelease[]> {
  const results: RenderedRelease[] = new Array(releases.length);
  const scratch = mkdtempSync(join(tmpdir(), 'platform-helm-'));
  let next = 0;
  const worker = async () => {
    while (next < releases.length) {
      const i = next++;
      results[i] = await renderRelease(releases[i]!, options, join(scratch, `values-${i}.json`));
    }
  };
  try {
    const width = Math.max(1, Math.min(options.concurrency ?? availableParallelism(), releases.length));
    await Promise.all(Array.from({ length: width }, worker));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return results;
}

async function renderRelease(release: ChartRelease, options: HelmTemplateOptions, valuesFile: string): Promise<RenderedRelease> {
  const started = performance.now();
  const archive = join(options.chartsDir, chartArchive(release.chart, release.version));
  const result = (status: RenderedRelease['status'], message: string, objects: ChartObject[] = []): RenderedRelease => ({
    release,
    archive,
    status,
    objects,
    message,
    milliseconds: Math.round(performance.now() - started),
  });
  if (!existsSync(archive)) {
    return result('missing', `chart ${chartArchive(release.chart, release.version)} is not in ${options.chartsDir} (${helmPullCommand(release)})`);
  }
  // JSON is YAML: the values go to helm exactly as Flux passes them.
  writeFileSync(valuesFile, JSON.stringify(release.values));
  const args = ['template', release.releaseName, archive, '--namespace', release.namespace, '--values', valuesFile, '--include-crds', '--skip-tests'];
  if (release.kubeVersion) args.push('--kube-version', `v${release.kubeVersion}.0`);
  for (const v of options.apiVersions) args.push('--api-versions', v);
  let stdout: string;
  try {
    ({ stdout } = await run(options.helm ?? process.env['HELM'] ?? 'helm', args));
  } catch (err) {
    return result('failed', helmMessage(err as ExecError));
  }
  const parsed = parseManifests(stdout);
  return parsed.error !== undefined ? result('failed', parsed.error) : result('rendered', '', parsed.objects);
}

/** Splits `helm template` output into objects, each with its `# Source:` template. */
export function parseManifests(text: string): { objects: ChartObject[]; error?: string } {
  const objects: ChartObject[] = [];
  for (const chunk of text.split(/^---[ \t]*$/m)) {
    const template = /^# Source: (\S+)/m.exec(chunk)?.[1] ?? '(unknown template)';
    for (const doc of parseAllDocuments(chunk, { uniqueKeys: false })) {
      if (doc.errors.length > 0) return { objects, error: `${template}: the chart rendered invalid YAML: ${doc.errors[0]!.message.split('\n')[0]}` };
      const object = doc.toJS({ maxAliasCount: -1 }) as unknown;
      if (!object || typeof object !== 'object' || Array.isArray(object)) continue;
      const o = object as Record<string, unknown>;
      // A v1 List is not an object of the API: Helm and kubectl apply its items.
      if (o['apiVersion'] === 'v1' && o['kind'] === 'List' && Array.isArray(o['items'])) {
        for (const item of o['items']) if (item && typeof item === 'object') objects.push({ object: item as Record<string, unknown>, template });
      } else {
        objects.push({ object: o, template });
      }
    }
  }
  return { objects };
}

interface ExecError extends Error {
  readonly code?: number | string;
  readonly stderr?: string;
}

/** helm's own error lines, without its usage text. */
function helmMessage(err: ExecError): string {
  if (err.code === 'ENOENT') return `helm not found (${err.message}); install helm v4 or set HELM`;
  const lines = (err.stderr ?? err.message).split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('Use --debug'));
  // Schema errors name a JSON pointer into the values (`at '/ports/web'`); show it as the HelmRelease field it is.
  // helm lists them in map order, which varies between runs: sort them so the message is stable.
  const [head, ...items] = lines
    .join(' ')
    .replace(/^Error: /, '')
    .replace(/at '\/([^']*)'/g, (_, pointer: string) => `at spec.values.${pointer.split('/').join('.')}`)
    .split(' - at ');
  return [head, ...items.sort()].join(' - at ');
}

function run(file: string, args: string[]): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' }, (err, stdout, stderr) => {
      if (err) reject(Object.assign(err, { stderr }));
      else resolve({ stdout, stderr });
    });
  });
}
