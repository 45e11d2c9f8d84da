import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeSyntheticFleet } from './synthetic-fleet.js';

/**
 * `npm run bench`: renders a synthetic fleet (default 3 clusters × 1,000 tenants × 2 apps) and, in
 * the same run, times serialising the same objects with the `yaml` package alone (the floor).
 * Reports wall time, peak RSS, objects/s, the ratio to the floor, a no-op regenerate, and an edit of one tenant
 * regenerated and checked (with the ratio to the full render and the write-only floor: the same bytes written from memory).
 * Not a test: numbers vary with the machine; read them, compare them, put them in notes.
 */
const HELP = `Usage: npm run bench -- [--clusters N] [--tenants N] [--apps N] [--keep]

Renders a synthetic fleet (default 3 clusters × 1000 tenants × 2 apps) and, in the same run, the
floor: the same objects serialised with the yaml package alone. Prints wall time, peak RSS,
objects/s and the ratio to the floor; then the write-only floor (the same files written from
memory), a no-op run, and one tenant edited, regenerated and checked, each with its share of the
full render. --keep leaves the synthetic repository in place.`;

let values: { clusters: string; tenants: string; apps: string; keep?: boolean; help?: boolean };
try {
  ({ values } = parseArgs({
    options: {
      clusters: { type: 'string', default: '3' }, tenants: { type: 'string', default: '1000' }, apps: { type: 'string', default: '2' },
      keep: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
    },
  }));
} catch (err) {
  process.stderr.write(`bench: ${(err as Error).message}\n\n${HELP}\n`);
  process.exit(2);
}
if (values.help) {
  process.stdout.write(`${HELP}\n`);
  process.exit(0);
}
const here = dirname(fileURLToPath(import.meta.url));
const cli = join(here, '..', 'cli.js');
const root = mkdtempSync(join(tmpdir(), 'platform-bench-'));
const size = { clusters: Number(values.clusters), tenants: Number(values.tenants), appsPerTenant: Number(values.apps) };
writeSyntheticFleet(root, size);

const job = (mode: string) => JSON.parse(execFileSync(process.execPath, [join(here, 'bench-worker.js'), mode, root], { encoding: 'utf8', maxBuffer: 1 << 26 })) as { seconds: number; objects: number; maxRssMb: number };
const wall = (args: string[]) => {
  const started = performance.now();
  const out = execFileSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8' });
  return { seconds: (performance.now() - started) / 1000, out: out.trim() };
};

const render = job('render');
const floor = job('floor');
const writeFloor = job('write');
const noop = wall(['generate']);
const check = wall(['generate', '--check']);
// One tenant edited: its contact changes, so its bundle (and only what reads it) renders again.
const tenantFile = join(root, 'tenants', 'team-0000.yaml');
writeFileSync(tenantFile, readFileSync(tenantFile, 'utf8').replace('slackChannel: "#team-0000"', 'slackChannel: "#team-0000-alerts"'));
const edited = wall(['generate']);
const checkEdited = wall(['generate', '--check']);

const row = (name: string, s: number, extra: string) => `${name.padEnd(28)} ${s.toFixed(2).padStart(7)} s  ${extra}`;
console.log(`fleet: ${size.clusters} clusters × ${size.tenants} tenants × ${size.appsPerTenant} apps → ${render.objects} objects`);
console.log(row('render + write (generate)', render.seconds, `${Math.round(render.objects / render.seconds)} objects/s, peak RSS ${render.maxRssMb} MB, ${(render.seconds / floor.seconds).toFixed(2)}× the floor`));
console.log(row('floor: yaml stringify + write', floor.seconds, `${Math.round(floor.objects / floor.seconds)} objects/s (same ${floor.objects} objects)`));
console.log(row('no-op regenerate (process)', noop.seconds, noop.out));
console.log(row('generate --check (process)', check.seconds, check.out));
const ofRender = (s: number) => `${((100 * s) / render.seconds).toFixed(1)}% of the full render`;
console.log(row('write-only floor', writeFloor.seconds, `${ofRender(writeFloor.seconds)}: the same ${writeFloor.objects} files written from memory`));
console.log(row('edit one tenant, generate', edited.seconds, `${ofRender(edited.seconds)}; ${edited.out}`));
console.log(row('--check after the edit', checkEdited.seconds, `${ofRender(checkEdited.seconds)}; ${checkEdited.out}`));
if (!values.keep) rmSync(root, { recursive: true, force: true });
else console.log(`kept ${root}`);
