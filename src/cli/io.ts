import { parseArgs, ParseArgsConfig } from "util";

// What every command of dx-resiliency shares: where it writes, and how a mistake on the command line is
// told (exit code 2).

/** Where a command writes: standard output for results, standard error for notes and errors. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

/** A mistake on the command line: the message, a pointer to --help, and exit code 2. */
export class UsageError extends Error {}

/** The options of a command, parsed strictly (an unknown option is a UsageError). */
export function parseOptions<T extends NonNullable<ParseArgsConfig["options"]>>(args: string[], options: T) {
  try {
    return parseArgs({ args, strict: true, allowPositionals: false, options }).values;
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

/** An option's value among the allowed ones (a UsageError naming them otherwise). */
export function oneOf(option: string, value: string | undefined, allowed: ReadonlyArray<string>): void {
  if (value !== undefined && !allowed.includes(value)) {
    throw new UsageError(`--${option} ${JSON.stringify(value)}: use one of ${allowed.join(", ")}`);
  }
}
