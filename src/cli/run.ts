import { CliIo, main } from "./main";

/** Standard output and standard error. */
export const PROCESS_IO: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** Set to anything but empty, an unexpected error prints its stack trace, not only its message. */
export const DEBUG_VARIABLE = "DX_RESILIENCY_DEBUG";

/**
 * Runs the CLI's `main` and returns the process's exit code: `main`'s own, or 2 when it throws, after
 * printing the error's message (its stack trace when DX_RESILIENCY_DEBUG is set).
 */
export async function run(
  argv: string[],
  io: CliIo = PROCESS_IO,
  env: NodeJS.ProcessEnv = process.env,
  entry: (argv: string[], io: CliIo) => Promise<number> = main,
): Promise<number> {
  try {
    return await entry(argv, io);
  } catch (error) {
    const debug = (env[DEBUG_VARIABLE] ?? "") !== "";
    if (debug && error instanceof Error && error.stack !== undefined) {
      io.err(error.stack);
    } else {
      io.err(`dx-resiliency: ${error instanceof Error ? error.message : String(error)}`);
    }
    return 2;
  }
}
