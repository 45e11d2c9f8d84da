/**
 * `platform diff --base <ref>`: what a change does to every cluster, object by object, and whether it destroys
 * anything. Compares `out/` at a git ref with the working tree's `out/` (regenerated first), prints a text or
 * Markdown report, and exits 2 on destructive changes unless they are explicitly allowed.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Writable } from 'node:stream';
import { readChangedObjects } from '../diff/git-tree.js';
import { findDestructive } from '../diff/guard.js';
import type { DiffReport } from '../diff/model.js';
import { diffTrees } from '../diff/object-diff.js';
import { renderMarkdown } from '../diff/render-markdown.js';
import { renderText } from '../diff/render-text.js';
import { type Command, type CommandContext, parseFlags, runWithOptions } from './command.js';

/**
 * Exit codes: 0 no destructive change (or allowed), 1 git or generate error, 2 usage error (as for every command),
 * 3 destructive changes.
 */
export const EXIT_OK = 0;
export const EXIT_ERROR = 1;
export const EXIT_USAGE = 2;
export const EXIT_DESTRUCTIVE = 3;

const HELP = `Usage: platform diff --base <git ref> [options]

Compares the objects in out/ at <git ref> with the working tree's out/ (regenerated first) and prints
added, removed and changed objects per cluster and layer, with field-level changes. Secret values are
redacted. Destructive changes (deleting a Namespace, a PersistentVolumeClaim or a stateful AWS resource,
allowing Crossplane to delete one, or changing a field that forces replacement) make it exit 3.

Options:
  --base <ref>           git ref to compare with, e.g. origin/main (required)
  --format <f>           text (default) or markdown (for a PR comment, capped at 60,000 characters)
  --no-generate          compare out/ as it is, without running generate first
  --allow-destructive    print destructive findings but exit 0
  --output <file>        write the report to <file> instead of stdout
  --full-diff-url <url>  link to the full report, used in the markdown footer
  -h, --help             show this help

Exit codes: 0 no destructive change, 1 git or generate error, 2 usage error, 3 destructive changes found.`;

interface DiffOptions {
  readonly base: string;
  readonly format: 'text' | 'markdown';
  readonly generate: boolean;
  readonly allowDestructive: boolean;
  readonly output?: string;
  readonly fullDiffUrl?: string;
}

/** Parses argv; returns a message for usage errors. */
function parseOptions(argv: string[]): DiffOptions | 'help' | string {
  const values = parseFlags(argv, {
    base: { type: 'string' },
    format: { type: 'string', default: 'text' },
    'no-generate': { type: 'boolean', default: false },
    'allow-destructive': { type: 'boolean', default: false },
    output: { type: 'string' },
    'full-diff-url': { type: 'string' },
  });
  if (typeof values === 'string') return values;
  if (!values.base) return "'--base' is required, e.g. --base origin/main";
  if (values.format !== 'text' && values.format !== 'markdown') {
    return `'--format' (${values.format}) must be text or markdown`;
  }
  return {
    base: values.base,
    format: values.format,
    generate: !values['no-generate'],
    allowDestructive: values['allow-destructive'] ?? false,
    ...(values.output ? { output: values.output } : {}),
    ...(values['full-diff-url'] ? { fullDiffUrl: values['full-diff-url'] } : {}),
  };
}

/** Runs `generate` with its output captured; returns that output when it fails. */
async function regenerate(ctx: CommandContext): Promise<string | undefined> {
  const { generateCommand } = await import('./generate.js');
  let captured = '';
  const sink = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      captured += chunk.toString();
      done();
    },
  });
  const code = await generateCommand.run([], { repoRoot: ctx.repoRoot, stdout: sink, stderr: sink });
  return code === 0 ? undefined : captured || `generate exited with ${code}`;
}

/** The report for a base ref against the working tree's out/. */
export async function buildReport(repoRoot: string, base: string): Promise<DiffReport> {
  const sides = await readChangedObjects(repoRoot, base);
  const changes = diffTrees(sides.base, sides.head);
  return { base, changes, findings: findDestructive(changes) };
}

function useColor(ctx: CommandContext): boolean {
  if (process.env.NO_COLOR) return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') return true;
  return (ctx.stdout as NodeJS.WritableStream & { isTTY?: boolean }).isTTY === true;
}

export const diffCommand: Command = {
  name: 'diff',
  summary: 'Show what a change does to every cluster, and refuse destructive changes',
  help: HELP,
  run(argv, ctx) {
    return runWithOptions(parseOptions(argv), diffCommand, ctx, EXIT_USAGE, (options) => runDiff(options, ctx));
  },
};

async function runDiff(options: DiffOptions, ctx: CommandContext): Promise<number> {
  // Input and render errors of generate propagate to the CLI, which prints them as file:line:col.
  if (options.generate) {
    const failure = await regenerate(ctx);
    if (failure !== undefined) {
      ctx.stderr.write(`platform diff: generate failed, nothing to compare:\n${failure.trimEnd()}\n`);
      return EXIT_ERROR;
    }
  }
  try {
    const report = await buildReport(ctx.repoRoot, options.base);
    const color = !options.output && options.format === 'text' && useColor(ctx);
    const rendered =
      options.format === 'markdown'
        ? renderMarkdown(report, {
            allowDestructive: options.allowDestructive,
            ...(options.fullDiffUrl ? { fullDiffUrl: options.fullDiffUrl } : {}),
          })
        : renderText(report, { color, allowDestructive: options.allowDestructive });
    if (options.output) {
      writeFileSync(resolve(options.output), rendered);
      ctx.stdout.write(
        `platform diff: ${report.changes.length} changed objects, ${report.findings.length} destructive; report written to ${options.output}\n`,
      );
    } else {
      ctx.stdout.write(rendered);
    }
    return report.findings.length > 0 && !options.allowDestructive ? EXIT_DESTRUCTIVE : EXIT_OK;
  } catch (err) {
    ctx.stderr.write(`platform diff: ${(err as Error).message}\n`);
    return EXIT_ERROR;
  }
}
