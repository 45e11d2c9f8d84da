import { type ParseArgsConfig, parseArgs } from 'node:util';

/** What every command gets: where the repository is and where to print. */
export interface CommandContext {
  readonly repoRoot: string;
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  /** The environment (GITHUB_ACTIONS turns on annotations). @default - none */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** A subcommand of the `platform` CLI. `run` returns the process exit code. */
export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly help: string;
  run(argv: string[], ctx: CommandContext): Promise<number>;
}

/** A mistake in how a command was called: printed with the command's help, exit code 2. */
export class UsageError extends Error {}

/** The `-h`/`--help` flag every command has. */
const HELP_FLAG = { help: { type: 'boolean', short: 'h', default: false } } as const;

type FlagOptions = NonNullable<ParseArgsConfig['options']>;

/** The values `parseArgs` gives for `options` (strict, no positionals). */
export type FlagValues<O extends FlagOptions> = ReturnType<
  typeof parseArgs<{ args: string[]; options: O & typeof HELP_FLAG; strict: true; allowPositionals: false }>
>['values'];

/**
 * Parses a command's argv: options only, unknown ones rejected, `-h`/`--help` added. Returns the
 * values, `'help'` when help was asked for, or the message of a usage error.
 */
export function parseFlags<O extends FlagOptions>(argv: string[], options: O): FlagValues<O> | 'help' | string {
  try {
    const { values } = parseArgs({ args: argv, strict: true, allowPositionals: false, options: { ...options, ...HELP_FLAG } });
    return (values as { help?: boolean }).help ? 'help' : (values as FlagValues<O>);
  } catch (err) {
    return (err as Error).message;
  }
}

/**
 * Runs `body` with a command's parsed options, and answers the other outcomes of parsing alike for
 * every command: help asked for goes to stdout (exit 0); a usage error goes to stderr with the help
 * (exit `usageExit`).
 */
export async function runWithOptions<T extends object>(
  parsed: T | 'help' | string,
  command: Pick<Command, 'name' | 'help'>,
  ctx: CommandContext,
  usageExit: number,
  body: (options: T) => Promise<number>,
): Promise<number> {
  if (parsed === 'help') {
    ctx.stdout.write(`${command.help}\n`);
    return 0;
  }
  if (typeof parsed === 'string') {
    ctx.stderr.write(`platform ${command.name}: ${parsed}\n\n${command.help}\n`);
    return usageExit;
  }
  return body(parsed);
}
