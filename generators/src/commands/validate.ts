/**
 * `platform validate [--out DIR] [--cluster NAME] [--crds DIR] [--charts DIR]`: checks every rendered object in out/
 * against the Kubernetes schemas (`validateManifest` from the platform package), optionally against the CRDs in a
 * directory (structural schema, defaults, strict unknown fields, CEL rules), runs the whole-tree checks, and with
 * `--charts` renders every HelmRelease with its pinned chart and checks what the charts render and how it links up.
 */
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { validateManifest } from '@platform/platform';
import type { OutObject } from '../out-tree.js';
import { readOutTree } from '../out-tree.js';
import type { CelStats } from '../validate/cel-rules.js';
import { newCelStats } from '../validate/cel-rules.js';
import type { CrdIndex } from '../validate/crd-index.js';
import { loadCrdIndex } from '../validate/crd-index.js';
import { validateAgainstCrds } from '../validate/crd-validator.js';
import { type FieldCheck, loadBuiltInFieldCheck } from '../validate/built-in-fields.js';
import type { Problem } from '../validate/problem.js';
import { checkSecurityBaseline } from '../validate/security-baseline.js';
import { type ChartValidationReport, formatReleaseSummary, validateCharts } from '../validate/charts/validate-charts.js';
import { helmVersion } from '../validate/charts/helm-template.js';
import { type Command, type CommandContext, parseFlags, runWithOptions } from './command.js';

/** Exit codes: 0 no problem, 1 problems found, 2 usage or read error. */
export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;

/** A problem found by a whole-tree check, tied to the object it is about. */
export interface ObjectProblem extends Problem {
  readonly object: OutObject;
}

/**
 * A check that needs the whole rendered tree at once (cross-object rules such as "every tenant namespace has a
 * default-deny NetworkPolicy"). Register it in {@link TREE_CHECKS}.
 */
export interface TreeCheck {
  /** Short name, used in error messages when the check itself throws. */
  readonly name: string;
  run(objects: readonly OutObject[]): ObjectProblem[];
}

/**
 * Extension point: the whole-tree checks `validate` runs after the per-object checks, in order.
 * The security baseline (docs/architecture.md) is added here as `{ name: 'security baseline', run: checkSecurityBaseline }`.
 */
export const TREE_CHECKS: TreeCheck[] = [{ name: 'security baseline', run: checkSecurityBaseline }];

const HELP = `Usage: platform validate [options]

Checks every object rendered in out/ against the Kubernetes API schemas (strictly: a field the kind does
not declare is an error, as with kubeconform -strict) and the platform's own schemas, then runs the whole-tree checks (security baseline). With --crds, custom resources are also validated the
way the API server would on create: the apiVersion must be served by a CRD in DIR, metadata.name and
(for namespaced kinds) metadata.namespace are required, defaults are applied, fields unknown to the schema
are rejected, and x-kubernetes-validations (CEL) rules are evaluated. CEL rules that use a function this
validator lacks are counted as "not evaluated", never as passed.

Options:
  --out DIR        rendered tree to check (default: <repo>/out)
  --cluster NAME   only this cluster (repeatable; default: every cluster in out/)
  --crds DIR       validate custom resources against the CustomResourceDefinitions in DIR
                   (*.yaml / *.yml, recursively, multi-document files allowed)
  --charts DIR     render every HelmRelease with \`helm template\` from its pinned chart in DIR
                   (<chart>-<version>.tgz, as \`helm pull\` writes them), with the release name, target
                   namespace, values, the cluster's Kubernetes version, the fleet's API versions and the
                   chart's CRDs; validate every rendered object (Kubernetes schemas, --crds, the charts'
                   own CRDs) and check the links between out/ and the charts: Pod Identity and IRSA
                   ServiceAccounts, Secrets and ConfigMaps that pods read, IngressClasses and Services
                   pointed at, and the ingress load balancers. Needs helm v4 on PATH (or HELM=path).
  -h, --help       show this help

Each problem is printed as
  out/<cluster>/<file>: <Kind>/<namespace>/<name>: <field.path>: <message>
(for a chart's object: out/<cluster>/<helmrelease file> > <chart>/templates/<file>), one line per
release with --charts, and a summary line.

Exit codes: 0 no problem, 1 problems found, 2 usage error or unreadable input.`;

interface ValidateOptions {
  readonly outDir: string;
  readonly clusters: readonly string[] | undefined;
  readonly crdsDir: string | undefined;
  readonly chartsDir: string | undefined;
}

function parseOptions(argv: string[], repoRoot: string): ValidateOptions | 'help' | string {
  const values = parseFlags(argv, {
    out: { type: 'string' },
    cluster: { type: 'string', multiple: true },
    crds: { type: 'string' },
    charts: { type: 'string' },
  });
  if (typeof values === 'string') return values;
  return {
    outDir: values.out !== undefined ? resolve(values.out) : join(repoRoot, 'out'),
    clusters: values.cluster,
    crdsDir: values.crds !== undefined ? resolve(values.crds) : undefined,
    chartsDir: values.charts !== undefined ? resolve(values.charts) : undefined,
  };
}

/** The result of validating a rendered tree, before printing. */
export interface ValidationReport {
  readonly objects: number;
  readonly clusters: number;
  /** Every problem, in tree order, each tied to its object. */
  readonly problems: readonly ObjectProblem[];
  readonly cel: CelStats;
  /** With --charts: what rendering the charts gave. */
  readonly charts?: ChartValidationReport;
}

/**
 * Validates already-read objects: `validateManifest` on each, strict fields of built-in kinds when a field check is
 * given, the CRD validator on each when an index is given, then every whole-tree check.
 */
export function validateObjects(
  objects: readonly OutObject[],
  crds: CrdIndex | undefined,
  treeChecks: readonly TreeCheck[] = TREE_CHECKS,
  fieldCheck?: FieldCheck,
): ValidationReport {
  const problems: ObjectProblem[] = [];
  const cel = newCelStats();
  for (const object of objects) {
    for (const message of validateManifest(object.object)) problems.push({ object, path: '', message });
    if (fieldCheck) for (const message of fieldCheck(object.object)) problems.push({ object, path: '', message });
    if (crds) for (const p of validateAgainstCrds(crds, object.object, cel)) problems.push({ object, ...p });
  }
  for (const check of treeChecks) {
    try {
      problems.push(...check.run(objects));
    } catch (err) {
      throw new Error(`${check.name} check failed: ${(err as Error).message}`);
    }
  }
  return { objects: objects.length, clusters: new Set(objects.map((o) => o.cluster)).size, problems, cel };
}

/** `out/<cluster>/<file>: <Kind>/<namespace>/<name>: <field.path>: <message>` (namespace and path left out when empty). */
export function formatProblem(p: ObjectProblem): string {
  const obj = p.object.object;
  const meta = (obj['metadata'] ?? {}) as Record<string, unknown>;
  const kind = typeof obj['kind'] === 'string' ? obj['kind'] : '<no kind>';
  const name = typeof meta['name'] === 'string' ? meta['name'] : '<no name>';
  const id = typeof meta['namespace'] === 'string' && meta['namespace'] !== '' ? `${kind}/${meta['namespace']}/${name}` : `${kind}/${name}`;
  return p.path === '' ? `${p.object.path}: ${id}: ${p.message}` : `${p.object.path}: ${id}: ${p.path}: ${p.message}`;
}

/** The last line `validate` prints. */
export function formatSummary(r: ValidationReport): string {
  const charts = r.charts
    ? `; charts: ${r.charts.releases.filter((s) => s.status === 'rendered').length} of ${r.charts.releases.length} releases rendered, ` +
      `${r.charts.objects} objects, ${(r.charts.milliseconds / 1000).toFixed(1)}s`
    : '';
  return (
    `validate: ${r.objects} objects in ${r.clusters} clusters, ${r.problems.length} problems ` +
    `(CEL: ${r.cel.evaluated} rules evaluated, ${r.cel.notEvaluated} not evaluated)${charts}`
  );
}

function fail(ctx: CommandContext, message: string): number {
  ctx.stderr.write(`platform validate: ${message}\n`);
  return EXIT_USAGE;
}

export const validateCommand: Command = {
  name: 'validate',
  summary: 'Check every object in out/ against Kubernetes, CRD schemas and the security baseline',
  help: HELP,
  run(argv, ctx) {
    return runWithOptions(parseOptions(argv, ctx.repoRoot), validateCommand, ctx, EXIT_USAGE, (options) => runValidate(options, ctx));
  },
};

async function runValidate(options: ValidateOptions, ctx: CommandContext): Promise<number> {
  if (!isDirectory(options.outDir)) return fail(ctx, `no rendered tree at ${options.outDir} (run 'platform generate' first)`);
  for (const cluster of options.clusters ?? []) {
    if (!isDirectory(join(options.outDir, cluster))) return fail(ctx, `'--cluster' (${cluster}): no such cluster in ${options.outDir}`);
  }
  if (options.crdsDir !== undefined && !isDirectory(options.crdsDir)) return fail(ctx, `'--crds' (${options.crdsDir}) is not a directory`);
  if (options.chartsDir !== undefined && !isDirectory(options.chartsDir)) return fail(ctx, `'--charts' (${options.chartsDir}) is not a directory`);
  const helm = process.env['HELM'] ?? 'helm';
  if (options.chartsDir !== undefined && (await helmVersion(helm)) === undefined) {
    return fail(ctx, `'--charts' needs helm v4, and '${helm}' cannot be run (install it, e.g. 'go install helm.sh/helm/v4/cmd/helm@v4.3.2', or set HELM)`);
  }

  let crds: CrdIndex | undefined;
  let objects: OutObject[];
  try {
    crds = options.crdsDir !== undefined ? loadCrdIndex(options.crdsDir) : undefined;
    objects = readOutTree(options.outDir, options.clusters ? [...options.clusters] : undefined);
  } catch (err) {
    return fail(ctx, (err as Error).message);
  }
  if (crds?.isEmpty) return fail(ctx, `'--crds' (${options.crdsDir}): no CustomResourceDefinitions found`);

  let report: ValidationReport;
  try {
    const fieldCheck = await loadBuiltInFieldCheck();
    report = validateObjects(objects, crds, TREE_CHECKS, fieldCheck);
    if (options.chartsDir !== undefined) {
      const charts = await validateCharts(objects, { chartsDir: options.chartsDir, crds, helm, cel: report.cel, fieldCheck });
      report = { ...report, problems: [...report.problems, ...charts.problems], charts };
      ctx.stdout.write(`${charts.releases.map(formatReleaseSummary).join('\n')}\n`);
    }
  } catch (err) {
    return fail(ctx, (err as Error).message);
  }
  const lines = report.problems.map(formatProblem);
  if (lines.length > 0) ctx.stdout.write(`${lines.join('\n')}\n`);
  for (const [rule, reason] of report.cel.unsupported) {
    ctx.stderr.write(`platform validate: CEL rule not evaluated (${reason}): ${rule}\n`);
  }
  ctx.stdout.write(`${formatSummary(report)}\n`);
  return report.problems.length > 0 ? EXIT_PROBLEMS : EXIT_OK;
}

function isDirectory(p: string): boolean {
  return existsSync(p) && statSync(p).isDirectory();
}
