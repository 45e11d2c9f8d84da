import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { GenerateCache } from '../generate-cache.js';
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
  const cache = new GenerateCache(ctx.repoRoot);
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
  const { listFiles, StagedWrite } = await import('../write/write-tree.js');
  const { codeownersDrift, writeCodeowners } = await import('../write/codeowners.js');
  const { tenantWarnings } = await import('../load/tenant-rules.js');

  if (values.check) {
    // Each cluster is compared as soon as it is rendered, then dropped: memory holds one cluster at a time.
    const differ: string[] = [];
    const { fleet, clusters, objects } = await renderFleet(
      ctx.repoRoot,
      (cluster, files) => {
        const existing = listFiles(join(outRoot, cluster));
        for (const [p, content] of files) if (existing.get(p) !== content) differ.push(`out/${cluster}/${p}${existing.has(p) ? '' : ' (missing)'}`);
        for (const p of existing.keys()) if (!files.has(p)) differ.push(`out/${cluster}/${p} (not generated any more)`);
      },
      values.cluster,
      progress,
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
  let rendered: Awaited<ReturnType<typeof renderFleet>>;
  try {
    rendered = await renderFleet(ctx.repoRoot, (cluster, files) => write.stage(cluster, files), values.cluster, progress);
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
  writeCodeowners(ctx.repoRoot, fleet);
  cache.save(fingerprint, values.cluster ? [values.cluster] : []);
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

