/** Where the CLI writes: `out` for results, `err` for usage, notes and errors. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

/**
 * Placeholder of the CLI's commands until the `estate` command lands (issue 16): prints the usage and
 * returns exit code 2.
 */
export async function main(argv: string[], io?: CliIo): Promise<number> {
  void argv;
  const err = io?.err ?? ((line: string) => process.stderr.write(`${line}\n`));
  err("usage: dx-resiliency estate --from DIR");
  err("       dx-resiliency estate --region REGION [--profile NAME]");
  return 2;
}
