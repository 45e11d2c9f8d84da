import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { GenerateCache } from '../generate-cache.js';
import type { Command } from './command.js';

const HELP = `Usage: platform generate [--cluster NAME] [--check] [--force]

Loads clusters/, tenants/ and apps/, validates them, renders every cluster and writes out/<cluster>/.
All input problems are printed as file:line:col and nothing is written. The write is atomic:
out/ holds either the old or the new result, never a mix. Unchanged files are not rewritten.

Options:
  --cluster NAME  render only this cluster
  --check         write nothing; exit 1 and list the files whose committed content differs
  --force         render even when inputs, code and out/ are unchanged since the last run
  --help          show this help`;

export const generateCommand: Command = {
  name: 'generate',
  summary: 'render out/<cluster>/ from the inputs (or check that it is up to date)',
  help: HELP,
  async run(argv, ctx) {
    const { values } = parseArgs({
      args: argv,
      options: { cluster: { type: 'string' }, check: { type: 'boolean' }, force: { type: 'boolean' }, help: { type: 'boolean' } },
      strict: true,
      allowPositionals: false,
    });
    if (values.help) {
      ctx.stdout.write(`${HELP}\n`);
      return 0;
    }
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
    const { planFleet } = await import('../generate-fleet.js');
    const { listFiles, writeClusters } = await import('../write/write-tree.js');
    const { codeownersDrift, writeCodeowners } = await import('../write/codeowners.js');
    const { tenantWarnings } = await import('../load/tenant-rules.js');
    const { plans, objects, fleet } = planFleet(ctx.repoRoot, values.cluster, progress);
    if (progress) ctx.stdout.write('\r\x1b[K');
    for (const w of tenantWarnings(fleet)) ctx.stderr.write(`${w}\n`);

    if (values.check) {
      const differ: string[] = [];
      for (const [cluster, files] of plans) {
        const existing = listFiles(join(outRoot, cluster));
        for (const [p, content] of files) if (existing.get(p) !== content) differ.push(`out/${cluster}/${p}${existing.has(p) ? '' : ' (missing)'}`);
        for (const p of existing.keys()) if (!files.has(p)) differ.push(`out/${cluster}/${p} (not generated any more)`);
      }
      const codeowners = codeownersDrift(ctx.repoRoot, fleet);
      if (codeowners) differ.push(codeowners);
      if (differ.length > 0) {
        ctx.stderr.write(`generate --check: ${differ.length} file(s) differ from what the inputs render:\n${differ.sort().map((d) => `  ${d}`).join('\n')}\nRun \`npm run generate\` and commit out/.\n`);
        return 1;
      }
      ctx.stdout.write(`generate --check: out/ is up to date (${plans.size} clusters, ${objects} objects, ${seconds()}s)\n`);
      return 0;
    }
    const result = await writeClusters(outRoot, plans);
    writeCodeowners(ctx.repoRoot, fleet);
    cache.save(fingerprint, values.cluster ? [values.cluster] : []);
    ctx.stdout.write(
      `generate: ${plans.size} clusters, ${objects} objects; files ${result.written} written, ${result.unchanged} unchanged, ${result.removed} removed; ${seconds()}s\n`,
    );
    return 0;
  },
};
