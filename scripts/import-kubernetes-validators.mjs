// `npm run import-validators`: regenerates platform/generated/kubernetes-validators/ from the kubernetes-models
// releases pinned in scripts/kubernetes-validators/. Each kind's validator there is the JSON Schema validator
// kubernetes-models compiles from the Kubernetes OpenAPI document or the controller's CRD; this script only picks the
// kinds and bundles them, so that rendering loads one file instead of hundreds of modules and the packages are not
// dependencies of the platform (they declare Node 22 or newer; the platform supports Node 20).
//
// Two entry points share their code through chunks:
//   emitted.js   the kinds the platform emits (platform/src/validation/emitted-kinds.ts), loaded with the platform;
//   built-in.js  every kind of the Kubernetes API, loaded only by `validate --charts` for the objects charts render.
// The releases are pinned in scripts/kubernetes-validators/package.json, and everything they depend on in the lock file
// beside it. Needs the npm registry. Deterministic: the same lock gives the same bytes, which `--check` verifies (CI runs
// it): it installs from the lock (npm ci), builds into a temporary folder and exits 1 when the committed files differ.
// Without --check the lock is refreshed within the pins and written back.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** Left as imports of the platform's own dependencies: a WebAssembly module, and a package that requires at run time. */
const EXTERNAL = ['re2-wasm', 'ajv-formats-draft2019', 'ajv-i18n'];

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const sources = join(root, 'scripts', 'kubernetes-validators');
/** The releases the validators come from (their licences: MIT, see the generated README). */
const RELEASES = JSON.parse(readFileSync(join(sources, 'package.json'), 'utf8')).dependencies;
const committed = join(root, 'platform', 'generated', 'kubernetes-validators');
const check = process.argv.includes('--check');
const emittedSource = readFileSync(join(root, 'platform', 'src', 'validation', 'emitted-kinds.ts'), 'utf8');
const emitted = [...emittedSource.slice(emittedSource.indexOf('[')).matchAll(/^\s*'([^']+)',$/gm)].map((m) => m[1]);

const work = mkdtempSync(join(tmpdir(), 'kubernetes-validators-'));
const out = check ? join(work, 'out') : committed;
try {
  const specs = Object.entries(RELEASES).map(([name, version]) => `${name}@${version}`);
  const lock = join(sources, 'package-lock.json');
  cpSync(join(sources, 'package.json'), join(work, 'package.json'));
  if (existsSync(lock)) cpSync(lock, join(work, 'package-lock.json'));
  else if (check) throw new Error(`${lock} is missing; run \`npm run import-validators\``);
  const npm = ['--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error', '--engine-strict=false'];
  execFileSync('npm', check ? ['ci', ...npm] : ['install', ...npm], { cwd: work, stdio: ['ignore', 'ignore', 'inherit'] });
  if (!check) cpSync(join(work, 'package-lock.json'), lock);

  // Every model module names its kind, API version and the schema module whose `validate` it uses.
  const kinds = new Map();
  const walk = (pkg, dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name !== '_schemas' && e.name !== 'node_modules') walk(pkg, path);
      } else if (e.name.endsWith('.js') && e.name !== 'index.js') {
        const text = readFileSync(path, 'utf8');
        const kind = /this\.kind="([^"]+)"/.exec(text)?.[1];
        const apiVersion = /this\.apiVersion="([^"]+)"/.exec(text)?.[1];
        const schema = /import\{validate\}from"([^"]+)"/.exec(text)?.[1];
        if (kind && apiVersion && schema) kinds.set(`${apiVersion}/${kind}`, { pkg, file: join(dir, schema) });
      }
    }
  };
  for (const pkg of Object.keys(RELEASES)) walk(pkg, join(work, 'node_modules', pkg));

  const missing = emitted.filter((k) => !kinds.has(k));
  if (emitted.length === 0 || missing.length > 0) throw new Error(`no validator in ${specs.join(', ')} for: ${missing.join(', ') || 'the emitted kinds (none read)'}`);
  const builtIn = [...kinds.keys()].filter((k) => kinds.get(k).pkg === 'kubernetes-models').sort();
  const entry = (keys) =>
    [
      ...keys.map((k, i) => `import { validate as v${i} } from ${JSON.stringify(`./${relative(work, kinds.get(k).file)}`)};`),
      `export default { ${keys.map((k, i) => `${JSON.stringify(k)}: v${i}`).join(', ')} };`,
    ].join('\n');
  writeFileSync(join(work, 'emitted.js'), entry([...emitted].sort()));
  writeFileSync(join(work, 'built-in.js'), entry(builtIn));

  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  await build({
    // Paths relative to the temporary folder, so that the chunk names do not depend on where it was.
    absWorkingDir: work,
    entryPoints: ['./emitted.js', './built-in.js'],
    outdir: out,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    minify: true,
    legalComments: 'none',
    chunkNames: 'chunk-[hash]',
    external: EXTERNAL,
    logLevel: 'error',
  });
  const types = (what) =>
    `// Generated by scripts/import-kubernetes-validators.mjs. Do not edit: run \`npm run import-validators\`.\n` +
    `import type { KubernetesValidators } from './validators.js';\n/** ${what}, by \`apiVersion/kind\`. */\ndeclare const validators: KubernetesValidators;\nexport default validators;\n`;
  writeFileSync(join(out, 'emitted.d.ts'), types('The validators of the kinds the platform emits'));
  writeFileSync(join(out, 'built-in.d.ts'), types('The validators of every kind of the Kubernetes API'));
  writeFileSync(
    join(out, 'validators.d.ts'),
    `// Generated by scripts/import-kubernetes-validators.mjs. Do not edit.\nimport type { ErrorObject } from 'ajv';\n\n` +
      `/** A compiled JSON Schema validator: false when the object is invalid, with the reasons in \`errors\`. */\n` +
      `export interface KubernetesValidator {\n  (data: unknown): boolean;\n  errors?: ErrorObject[] | null;\n}\n\n` +
      `export type KubernetesValidators = Readonly<Record<string, KubernetesValidator>>;\n`,
  );
  const licence = readFileSync(join(work, 'node_modules', 'kubernetes-models', 'LICENSE'), 'utf8').trim();
  writeFileSync(
    join(out, 'README.md'),
    [
      '# kubernetes-validators (generated)',
      '',
      'Do not edit. Regenerate with `npm run import-validators` after changing `platform/src/validation/emitted-kinds.ts` or the',
      'releases in `scripts/import-kubernetes-validators.mjs`.',
      '',
      'The JSON Schema validators of Kubernetes and controller kinds, as compiled by these releases of',
      '[kubernetes-models](https://github.com/tommy351/kubernetes-models-ts) and bundled here:',
      '',
      ...Object.entries(RELEASES).map(([name, version]) => `- \`${name}\` ${version}`),
      '',
      `\`emitted.js\`: the ${emitted.length} kinds the platform emits. \`built-in.js\`: the ${builtIn.length} kinds of the Kubernetes API`,
      '(for the objects charts render). The chunks hold what they share.',
      '',
      '## Licence of the bundled code',
      '',
      '```',
      licence,
      '```',
      '',
    ].join('\n'),
  );
  if (check) {
    const files = (dir) => readdirSync(dir).sort();
    const differ = [...new Set([...files(out), ...files(committed)])].filter((f) => {
      const [a, b] = [join(out, f), join(committed, f)];
      return !existsSync(a) || !existsSync(b) || !readFileSync(a).equals(readFileSync(b));
    });
    if (differ.length > 0) {
      process.stderr.write(`import-validators --check: ${differ.join(', ')} in platform/generated/kubernetes-validators differ from what the pinned releases give; run \`npm run import-validators\`\n`);
      process.exitCode = 1;
    } else process.stdout.write(`import-validators --check: platform/generated/kubernetes-validators is what the pinned releases give\n`);
  } else process.stdout.write(`import-validators: ${emitted.length} emitted and ${builtIn.length} built-in kinds written to ${out}\n`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
