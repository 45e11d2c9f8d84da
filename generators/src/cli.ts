#!/usr/bin/env node
import { dirname, join, resolve } from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import { type Command, type CommandContext, UsageError } from './commands/command.js';
import { InputError, formatDiagnostic, githubAnnotation } from './load/diagnostic.js';

/** Commands load on demand, so a no-op `generate` does not pay for importing the renderer. */
const COMMANDS: readonly { name: string; summary: string; load: () => Promise<Command> }[] = [
  { name: 'generate', summary: 'render out/<cluster>/ from the inputs (or check that it is up to date)', load: async () => (await import('./commands/generate.js')).generateCommand },
  { name: 'validate', summary: 'check every object in out/ against Kubernetes schemas, CRDs and the security baseline', load: async () => (await import('./commands/validate.js')).validateCommand },
  { name: 'charts', summary: 'list the chart every HelmRelease pins; --pull DIR fetches the missing archives', load: async () => (await import('./commands/charts.js')).chartsCommand },
  { name: 'new', summary: 'write a starting tenant, app or cluster file that validates', load: async () => (await import('./commands/new.js')).newCommand },
  { name: 'diff', summary: 'object-level diff of out/ against a git ref, with a destructive-change guard', load: async () => (await import('./commands/diff.js')).diffCommand },
];

const USAGE = `Usage: platform <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`).join('\n')}

Run \`platform <command> --help\` (or \`platform help <command>\`) for a command's options,
\`platform --version\` for the version.`;

/** The version of the CLI, from its package.json (read only when asked, not on every start). */
export function cliVersion(): string {
  return (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

/**
 * The fleet's root: the nearest folder at or above `from` that holds the inputs (`clusters/`). Undefined outside a
 * fleet, where no command may run (it would write out/, CODEOWNERS and a cache into a stranger's folder).
 */
export function findRepoRoot(from: string): string | undefined {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'clusters'))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

/** Runs one CLI invocation; returns the exit code. User mistakes never print a stack trace. */
export async function main(argv: string[], ctx: CommandContext): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-V') {
    ctx.stdout.write(`platform ${cliVersion()}\n`);
    return 0;
  }
  if (name === 'help' && rest.length > 0) return main([rest[0]!, '--help'], ctx);
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    ctx.stdout.write(`${USAGE}\n`);
    return name ? 0 : 2;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) {
    ctx.stderr.write(`platform: unknown command "${name}"\n\n${USAGE}\n`);
    return 2;
  }
  const command = await entry.load();
  try {
    return await command.run(rest, ctx);
  } catch (e) {
    if (e instanceof InputError) {
      for (const d of e.diagnostics) ctx.stderr.write(`${formatDiagnostic(d)}\n`);
      // Under GitHub Actions the same problems also annotate the files of the pull request.
      if (ctx.env?.['GITHUB_ACTIONS'] === 'true') for (const d of e.diagnostics) ctx.stdout.write(`${githubAnnotation(d)}\n`);
      ctx.stderr.write(`${name}: ${e.diagnostics.length} problem(s) in the inputs; nothing was written\n`);
      return 1;
    }
    if (e instanceof Error && (e.name === 'RenderError' || e.name === 'FleetLimitError')) {
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
  const repoRoot = findRepoRoot(process.cwd());
  const args = process.argv.slice(2);
  const asksOnlyForHelp = args.length === 0 || ['--help', '-h', 'help', '--version', '-V'].includes(args[0]!) || args.includes('--help') || args.includes('-h');
  if (repoRoot === undefined && !asksOnlyForHelp) {
    process.stderr.write(`platform: ${process.cwd()} is not inside a fleet repository (no folder at or above it has clusters/); run it from the repository\n`);
    process.exit(2);
  }
  const ctx: CommandContext = { repoRoot: repoRoot ?? process.cwd(), stdout: process.stdout, stderr: process.stderr, env: process.env };
  main(args, ctx).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`platform: internal error (a bug, please report it): ${(e as Error).stack ?? String(e)}\n`);
      process.exitCode = 70;
    },
  );
}
