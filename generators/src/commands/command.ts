/** What every command gets: where the repository is and where to print. */
export interface CommandContext {
  readonly repoRoot: string;
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
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
