import { ESTATE_USAGE, EstateDeps, estateCommand } from "./estate-command";
import { CliIo, UsageError } from "./io";
import { readLiveEstate } from "./live";
import { LOCATIONS_USAGE, LocationsDeps, locationsCommand } from "./locations";
import { TURN_UP_USAGE, TurnUpDeps, turnUpCommand } from "./turn-up";

// dx-resiliency: the command-line tool of the npm package (bin), one module per command.

export type { CliIo } from "./io";

/** What the commands use from outside, replaceable in tests. */
export interface CliDeps extends EstateDeps, LocationsDeps, TurnUpDeps {}

/** The usage of the tool: its commands. */
export const USAGE = `Usage: dx-resiliency COMMAND [options]

Commands:
  estate     what a live Direct Connect estate survives: verdicts per gateway and resiliency group, a report
  locations  a Region's Direct Connect locations and the port speeds they offer; checks an app's before deploy
  turn-up    from order to first packet: a stack's ports, LAGs and interfaces, their states, what is left
             to do; their LOA-CFAs and router configurations

Run dx-resiliency COMMAND --help for its options.

${ESTATE_USAGE}

${LOCATIONS_USAGE}

${TURN_UP_USAGE}`;

const COMMANDS: Record<string, (args: string[], io: CliIo, deps: CliDeps) => Promise<number>> = {
  estate: estateCommand,
  locations: locationsCommand,
  "turn-up": turnUpCommand,
};

/** Runs the command with its arguments (without `node` and the script); returns the exit code. */
export async function main(
  argv: string[],
  io: CliIo,
  deps: CliDeps = { readLive: readLiveEstate },
): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "-h" || command === "--help" || command === "help") {
    (command === undefined ? io.err : io.out)(USAGE);
    return command === undefined ? 2 : 0;
  }
  try {
    const run = COMMANDS[command];
    if (run === undefined) {
      throw new UsageError(
        `unknown command ${JSON.stringify(command)}: use ${Object.keys(COMMANDS).join(", ")}`,
      );
    }
    return await run(rest, io, deps);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`dx-resiliency: ${e.message}`);
      io.err("Run dx-resiliency --help for the options.");
      return 2;
    }
    throw e;
  }
}
