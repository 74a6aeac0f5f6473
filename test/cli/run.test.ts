import { CliIo, main } from "../../src/cli/main";
import { DEBUG_VARIABLE, run } from "../../src/cli/run";

// Issue 16, live estate: the executable's exit code is main's; an unexpected error prints its message
// (its stack trace with DX_RESILIENCY_DEBUG set) and exits 2.

function captured(): CliIo & { readonly outLines: string[]; readonly errLines: string[] } {
  const outLines: string[] = [];
  const errLines: string[] = [];
  return { outLines, errLines, out: (line) => outLines.push(line), err: (line) => errLines.push(line) };
}

test("the exit code is main's", async () => {
  const io = captured();
  expect(await run(["estate"], io, {}, async (argv, cliIo) => (cliIo.out(argv.join(" ")), 0))).toBe(0);
  expect(io.outLines).toEqual(["estate"]);
  expect(await run([], io, {}, async () => 1)).toBe(1);
});

test("an unexpected error prints its message, no stack trace, and exits 2", async () => {
  const io = captured();
  const code = await run([], io, {}, async () => {
    throw new Error("DescribeConnections was denied");
  });
  expect(code).toBe(2);
  expect(io.errLines).toEqual(["dx-resiliency: DescribeConnections was denied"]);
  expect(await run([], io, {}, () => Promise.reject("not an Error"))).toBe(2);
  expect(io.errLines[1]).toBe("dx-resiliency: not an Error");
});

test(`${DEBUG_VARIABLE} prints the stack trace`, async () => {
  const io = captured();
  const code = await run([], io, { [DEBUG_VARIABLE]: "1" }, async () => {
    throw new Error("boom");
  });
  expect(code).toBe(2);
  expect(io.errLines).toHaveLength(1);
  expect(io.errLines[0]).toMatch(/^Error: boom\n\s+at /);
});

test("main without a command prints the usage to standard error and returns 2", async () => {
  const io = captured();
  expect(await main([], io)).toBe(2);
  expect(io.errLines[0]).toMatch(/^Usage: dx-resiliency COMMAND/);
  expect(io.outLines).toEqual([]);
});
