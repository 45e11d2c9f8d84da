import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { GenerateCache, cacheDir, codeFingerprint } from '../generate-cache.js';
import { OutStates } from '../write/out-state.js';
import type { ClusterPlan } from '../render/render-cluster.js';
import type { OutState } from '../write/out-state.js';
import { type Command, type CommandContext, parseFlags, runWithOptions } from './command.js';

const EXIT_USAGE = 2;

const HELP = `Usage: platform generate [--cluster NAME] [--check] [--force]

Loads clusters/, tenants/ and apps/, validates them, renders every cluster and writes out/<cluster>/.
All input problems are printed as file:line:col and nothing is written. The write is atomic:
out/ holds either the old or the new result, never a mix. Unchanged files are not rewritten.

Options:
  --cluster NAME  render only this cluster (the others may then lag behind: the management cluster
                  renders every cluster's infrastructure; generate without --cluster before committing)
  --check         write nothing; exit 1 and list the files whose committed content differs
  --force         render even when inputs, code and out/ are unchanged since the last run
  -h, --help      show this help`;

interface GenerateOptions {
  readonly cluster: string | undefined;
  readonly check: boolean;
  readonly force: boolean;
}

function parseOptions(argv: string[], repoRoot: string): GenerateOptions | 'help' | string {
  const values = parseFlags(argv, { cluster: { type: 'string', multiple: true }, check: { type: 'boolean' }, force: { type: 'boolean' } });
  if (typeof values === 'string') return values;
  const clusters = values.cluster ?? [];
  if (clusters.length > 1) return `'--cluster' given ${clusters.length} times (${clusters.join(', ')}); allowed: once, or not at all for every cluster`;
  const [cluster] = clusters;
  // Checked before the cache, so a misspelt cluster is never "nothing changed".
  const dir = join(repoRoot, 'clusters');
  const known = existsSync(dir) ? readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).map((f) => f.replace(/\.ya?ml$/, '')).sort() : [];
  if (cluster !== undefined && !known.includes(cluster)) return `--cluster ${cluster}: no such cluster; allowed: ${known.join(', ')}`;
  return { cluster, check: values.check ?? false, force: values.force ?? false };
}

export const generateCommand: Command = {
  name: 'generate',
  summary: 'render out/<cluster>/ from the inputs (or check that it is up to date)',
  help: HELP,
  run(argv, ctx) {
    return runWithOptions(parseOptions(argv, ctx.repoRoot), generateCommand, ctx, EXIT_USAGE, (values) => runGenerate(values, ctx));
  },
};

async function runGenerate(values: GenerateOptions, ctx: CommandContext): Promise<number> {
  const started = performance.now();
  const outRoot = join(ctx.repoRoot, 'out');
  const states = new OutStates(cacheDir(ctx.repoRoot));
  const cache = new GenerateCache(ctx.repoRoot, states);
  const seconds = () => ((performance.now() - started) / 1000).toFixed(2);

  // Taken before rendering, so an input edited during the run makes the next run render again.
  const fingerprint = values.check ? '' : cache.fingerprint();
  if (!values.check && !values.force) {
    if (cache.isFresh(fingerprint, values.cluster ? [values.cluster] : [])) {
      ctx.stdout.write(`generate: nothing changed since the last run (inputs, code and out/ as they were), ${seconds()}s\n`);
      return 0;
    }
  }
  const progress = (ctx.stdout as NodeJS.WriteStream).isTTY
    ? (name: string, i: number, n: number) => ctx.stdout.write(`\rrendering ${i + 1}/${n} ${name}\x1b[K`)
    : undefined;
  // The renderer is imported only now, so the no-op path above stays fast.
  const { renderFleet } = await import('../generate-fleet.js');
  const { StagedWrite } = await import('../write/write-tree.js');
  const { afterWrite, scanOutState } = await import('../write/out-state.js');
  const { outClusters } = await import('../out-tree.js');
  const { UnitCache } = await import('../unit-cache.js');
  const { InputCache } = await import('../load/input-cache.js');
  const { ValidatorCache } = await import('../validator-cache.js');
  const { codeownersDrift, writeCodeowners } = await import('../write/codeowners.js');
  const { tenantWarnings } = await import('../load/tenant-rules.js');

  // What the last runs rendered and left in out/: units whose key is known are not built again, and out/ is known
  // again from stat calls, reading only files changed since. --force trusts neither.
  const code = codeFingerprint();
  // --force still keys and saves every unit, so the next run finds them.
  const units = new UnitCache(cacheDir(ctx.repoRoot), code, !values.force);
  // Input files unchanged since they were last found valid are not parsed again (--force parses every one).
  const inputs = new InputCache(cacheDir(ctx.repoRoot), code, !values.force);
  // Schemas compiled by earlier runs are loaded as code, not compiled again.
  const validators = new ValidatorCache(cacheDir(ctx.repoRoot), code, !values.force);
  /** Each cluster's out/ as it is now (path → hash) and which of its files differ from the plan; records the plan's units. */
  const compare = (cluster: string, plan: ClusterPlan) => {
    const state = scanOutState(join(outRoot, cluster), values.force ? undefined : states.load(cluster));
    const differ = [...plan.files].filter(([p, f]) => state.files.get(p)?.[0] !== f.hash).map(([p]) => p);
    const stale = [...state.files.keys()].filter((p) => !plan.files.has(p));
    if (plan.files.size > 0) units.save(cluster, plan.units);
    return { state, differ, stale };
  };

  if (values.check) {
    // Each cluster is compared as soon as it is rendered, then dropped: memory holds one cluster at a time.
    const differ: string[] = [];
    const { fleet, clusters, objects } = await renderFleet(
      ctx.repoRoot,
      (cluster, plan) => {
        const found = compare(cluster, plan);
        states.save(cluster, found.state);
        for (const p of found.differ) differ.push(`out/${cluster}/${p}${found.state.files.has(p) ? '' : ' (missing)'}`);
        for (const p of found.stale) differ.push(`out/${cluster}/${p} (not generated any more)`);
      },
      { only: values.cluster, onCluster: progress, cacheOf: (cluster) => units.load(cluster), inputs, validators },
    );
    if (progress) ctx.stdout.write('\r\x1b[K');
    for (const w of tenantWarnings(fleet)) ctx.stderr.write(`${w}\n`);
    const codeowners = codeownersDrift(ctx.repoRoot, fleet);
    if (codeowners) differ.push(codeowners);
    if (differ.length > 0) {
      ctx.stderr.write(`generate --check: ${differ.length} file(s) differ from what the inputs render:\n${differ.sort().map((d) => `  ${d}`).join('\n')}\nRun \`npm run generate\` and commit out/.\n`);
      return 1;
    }
    ctx.stdout.write(`generate --check: out/ is up to date (${clusters.length} clusters, ${objects} objects, ${seconds()}s)\n`);
    return 0;
  }
  // Each cluster is staged as soon as it is rendered, then dropped; out/ changes only when every cluster staged.
  const write = new StagedWrite(outRoot);
  const after: { cluster: string; state: OutState; written: Map<string, string>; removed: readonly string[] }[] = [];
  let rendered: Awaited<ReturnType<typeof renderFleet>>;
  try {
    rendered = await renderFleet(
      ctx.repoRoot,
      async (cluster, plan) => {
        const { state, differ, stale } = compare(cluster, plan);
        const texts = new Map(differ.map((p) => [p, plan.textOf(p)]));
        await write.stageChanges(cluster, { paths: [...plan.files.keys()], write: texts, remove: stale });
        after.push({ cluster, state, written: new Map(differ.map((p) => [p, plan.files.get(p)!.hash])), removed: stale });
      },
      { only: values.cluster, onCluster: progress, cacheOf: (cluster) => units.load(cluster), inputs, validators },
    );
  } catch (e) {
    write.abort();
    throw e;
  }
  const { fleet, clusters, objects } = rendered;
  if (progress) ctx.stdout.write('\r\x1b[K');
  for (const w of tenantWarnings(fleet)) ctx.stderr.write(`${w}\n`);
  // Before this run is recorded: were the other clusters rendered from these inputs?
  const othersStale = values.cluster !== undefined && !cache.isFresh(fingerprint, []);
  const result = write.commit();
  // out/ as this run left it: files written and their folders are stat'ed, nothing is read back.
  const left = new Map<string, OutState>();
  for (const { cluster, state, written, removed } of after) {
    const now = result.changedClusters.includes(cluster) ? afterWrite(join(outRoot, cluster), state, written, removed) : state;
    states.save(cluster, now);
    left.set(cluster, now);
  }
  writeCodeowners(ctx.repoRoot, fleet);
  cache.save(fingerprint, values.cluster ? [values.cluster] : [], outClusters(outRoot), left);
  ctx.stdout.write(
    `generate: ${clusters.length} clusters, ${objects} objects; files ${result.written} written, ${result.unchanged} unchanged, ${result.removed} removed; ${seconds()}s\n`,
  );
  if (othersStale) {
    ctx.stderr.write(
      `generate: only ${values.cluster} was rendered; the other clusters may not match the inputs yet (the management cluster renders ` +
        `every cluster's infrastructure, and every README maps the fleet): run \`npm run generate\` before committing\n`,
    );
  }
  return 0;
}

