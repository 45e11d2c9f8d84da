#!/usr/bin/env node
import { dirname, join, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { RenderError } from '@platform/platform';
import type { Command, CommandContext } from './commands/command.js';
import { generateCommand } from './commands/generate.js';
import { validateCommand } from './commands/validate.js';
import { diffCommand } from './commands/diff.js';
import { UsageError } from './generate-fleet.js';
import { InputError, formatDiagnostic } from './load/diagnostic.js';

const COMMANDS: readonly Command[] = [generateCommand, validateCommand, diffCommand];

const USAGE = `Usage: platform <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`).join('\n')}

Run \`platform <command> --help\` for a command's options.`;

/** The repository root: the nearest folder above the working directory that has clusters/ or package.json with workspaces. */
function findRepoRoot(from: string): string {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'turbo.json')) && existsSync(join(dir, 'schemas'))) return dir;
    if (dirname(dir) === dir) return resolve(from);
  }
}

/** Runs one CLI invocation; returns the exit code. User mistakes never print a stack trace. */
export async function main(argv: string[], ctx: CommandContext): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    ctx.stdout.write(`${USAGE}\n`);
    return name ? 0 : 2;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    ctx.stderr.write(`platform: unknown command "${name}"\n\n${USAGE}\n`);
    return 2;
  }
  try {
    return await command.run(rest, ctx);
  } catch (e) {
    if (e instanceof InputError) {
      for (const d of e.diagnostics) ctx.stderr.write(`${formatDiagnostic(d)}\n`);
      ctx.stderr.write(`${name}: ${e.diagnostics.length} problem(s) in the inputs; nothing was written\n`);
      return 1;
    }
    if (e instanceof RenderError) {
      ctx.stderr.write(`${name}: ${e.message}\nnothing was written\n`);
      return 1;
    }
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      ctx.stderr.write(`platform ${name}: ${(e as Error).message}\n\n${command.help}\n`);
      return 2;
    }
    throw e;
  }
}

const invokedDirectly = process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname);
if (invokedDirectly) {
  const ctx: CommandContext = { repoRoot: findRepoRoot(process.cwd()), stdout: process.stdout, stderr: process.stderr };
  main(process.argv.slice(2), ctx).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`platform: internal error (a bug, please report it): ${(e as Error).stack ?? String(e)}\n`);
      process.exitCode = 70;
    },
  );
}
