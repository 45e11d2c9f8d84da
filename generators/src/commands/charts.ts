/**
 * `platform charts [--out DIR] [--pull DIR]`: the chart every HelmRelease of out/ pins, once per chart version; with
 * `--pull`, fetches each archive that DIR lacks with `helm pull`, in the layout `validate --charts DIR` reads.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { readOutTree } from '../out-tree.js';
import { type ChartRelease, chartReleasesOf } from '../validate/charts/chart-releases.js';
import { chartArchive, helmPullArgs } from '../validate/charts/helm-template.js';
import { type Command, type CommandContext, parseFlags, runWithOptions } from './command.js';

const EXIT_USAGE = 2;

const HELP = `Usage: platform charts [options]

Lists the chart every HelmRelease in out/ pins, one line per chart version:
  <chart>-<version>.tgz <repository>
With --pull DIR, fetches every archive DIR does not have yet with \`helm pull\` (helm v4 on PATH, or
HELM=path), so that \`platform validate --charts DIR\` can render them; CI caches DIR by this list.

Options:
  --out DIR    rendered tree to read (default: <repo>/out)
  --pull DIR   download the missing archives into DIR
  -h, --help   show this help

Exit codes: 0 done, 1 a pull failed, 2 usage error or unreadable input.`;

interface ChartsOptions {
  readonly outDir: string;
  readonly pullDir: string | undefined;
}

/** Every pinned chart version once, sorted by archive name. */
export function pinnedCharts(releases: readonly ChartRelease[]): ChartRelease[] {
  const byArchive = new Map<string, ChartRelease>();
  for (const r of releases) byArchive.set(chartArchive(r.chart, r.version), byArchive.get(chartArchive(r.chart, r.version)) ?? r);
  return [...byArchive].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, r]) => r);
}

export const chartsCommand: Command = {
  name: 'charts',
  summary: 'List (and with --pull fetch) the chart every HelmRelease pins',
  help: HELP,
  run(argv, ctx) {
    const values = parseFlags(argv, { out: { type: 'string' }, pull: { type: 'string' } });
    const parsed: ChartsOptions | 'help' | string =
      typeof values === 'string'
        ? values
        : { outDir: values.out !== undefined ? resolve(values.out) : join(ctx.repoRoot, 'out'), pullDir: values.pull !== undefined ? resolve(values.pull) : undefined };
    return runWithOptions(parsed, chartsCommand, ctx, EXIT_USAGE, (options) => runCharts(options, ctx));
  },
};

async function runCharts(options: ChartsOptions, ctx: CommandContext): Promise<number> {
  if (!existsSync(options.outDir)) {
    ctx.stderr.write(`platform charts: no rendered tree at ${options.outDir} (run 'platform generate' first)\n`);
    return EXIT_USAGE;
  }
  const charts = pinnedCharts(chartReleasesOf(readOutTree(options.outDir)).releases);
  if (options.pullDir === undefined) {
    ctx.stdout.write(charts.map((c) => `${chartArchive(c.chart, c.version)} ${c.repository}\n`).join(''));
    return 0;
  }
  mkdirSync(options.pullDir, { recursive: true });
  const helm = process.env['HELM'] ?? 'helm';
  let failed = 0;
  let pulled = 0;
  for (const c of charts) {
    if (existsSync(join(options.pullDir, chartArchive(c.chart, c.version)))) continue;
    try {
      await promisify(execFile)(helm, [...helmPullArgs(c), '--destination', options.pullDir]);
      pulled++;
    } catch (err) {
      failed++;
      ctx.stderr.write(`platform charts: helm pull of ${chartArchive(c.chart, c.version)} failed: ${String((err as { stderr?: string }).stderr ?? (err as Error).message).trim()}\n`);
    }
  }
  ctx.stdout.write(`charts: ${charts.length} pinned, ${pulled} pulled, ${charts.length - pulled - failed} already in ${options.pullDir}, ${failed} failed\n`);
  return failed > 0 ? 1 : 0;
}
