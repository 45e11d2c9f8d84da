// Regenerates src/generated/*.ts from the JSON Schemas in this folder.
// The types describe the loaded model: the loader fills every declared `default`, so a property that
// has a default is required in the type (it is always present after loading).
// `--check` exits 1 when the committed files are stale instead of writing them.
import { readFileSync, writeFileSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile } from 'json-schema-to-typescript';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const outDir = join(root, 'src', 'generated');
const check = process.argv.includes('--check');
const banner = (file) =>
  `/* eslint-disable */\n// Generated from schemas/${file} by schemas/scripts/generate-types.mjs. Do not edit: change the schema and run \`npm run build\`.\n`;

/** Marks every property that declares a `default` as required, recursively. */
function withDefaultsRequired(node) {
  if (Array.isArray(node)) return node.map(withDefaultsRequired);
  if (node === null || typeof node !== 'object') return node;
  const copy = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, k === 'default' ? v : withDefaultsRequired(v)]));
  if (copy.properties && typeof copy.properties === 'object') {
    const defaulted = Object.entries(copy.properties).filter(([, v]) => v && typeof v === 'object' && 'default' in v).map(([k]) => k);
    if (defaulted.length > 0) copy.required = [...new Set([...(copy.required ?? []), ...defaulted])];
  }
  return copy;
}

mkdirSync(outDir, { recursive: true });
const stale = [];
for (const file of readdirSync(root).filter((f) => f.endsWith('.schema.json')).sort()) {
  const schema = withDefaultsRequired(JSON.parse(readFileSync(join(root, file), 'utf8')));
  const ts = await compile(schema, schema.title, {
    bannerComment: banner(file),
    additionalProperties: false,
    strictIndexSignatures: true,
    style: { singleQuote: true, printWidth: 120 },
  });
  const target = join(outDir, file.replace('.schema.json', '.ts'));
  let current = '';
  try { current = readFileSync(target, 'utf8'); } catch { /* missing */ }
  if (current !== ts) {
    if (check) stale.push(target);
    else writeFileSync(target, ts);
  }
}
if (stale.length > 0) {
  console.error(`stale generated types (run npm run build):\n${stale.join('\n')}`);
  process.exit(1);
}
