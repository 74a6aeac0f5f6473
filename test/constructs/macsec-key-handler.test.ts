import * as DX from "@aws-sdk/client-direct-connect";
import { mockClient } from "aws-sdk-client-mock";
import { MACSEC_KEY_HANDLER } from "../../src/emit/macsec-key-handler";

// The handler of Custom::DirectConnectMacSecKey, run from the very source the template carries inline,
// with a mocked Direct Connect client and a fake Secrets Manager client (its SDK package is not a dependency
// here; the Lambda runtime has it).

const CKN = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
const CAK = "fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210";
const MY_SECRET = "arn:aws:secretsmanager:us-east-1:123456789012:secret:dx-key-AbCdEf";
const STORED = "arn:aws:secretsmanager:us-east-1:123456789012:secret:directconnect-stored-XyZ123";
const LAG = "dxlag-ffabc123";

/** The module the template's ZipFile is, loaded as CommonJS. */
function handlerModule(): { handler: (clients: unknown) => (event: unknown) => Promise<any> } {
  const module = { exports: {} as any };
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  new Function("require", "module", "exports", MACSEC_KEY_HANDLER)(require, module, module.exports);
  return module.exports;
}

class GetSecretValueCommand {
  constructor(public readonly input: Record<string, string>) {}
}

function setUp(secretString: string | undefined = JSON.stringify({ ckn: CKN, cak: CAK })) {
  const dx = mockClient(DX.DirectConnectClient);
  const reads: Array<Record<string, string>> = [];
  const sm = {
    send: async (command: GetSecretValueCommand) => {
      reads.push(command.input);
      return { SecretString: secretString };
    },
  };
  const onEvent = handlerModule().handler({
    DX,
    SM: { GetSecretValueCommand },
    dx: new DX.DirectConnectClient({ region: "us-east-1" }),
    sm,
  });
  return { dx, reads, onEvent };
}

const props = (extra: Record<string, string> = {}) => ({
  ServiceToken: "arn:aws:lambda:us-east-1:123456789012:function:framework",
  ConnectionId: LAG,
  KeySource: "secret",
  SecretArn: MY_SECRET,
  ...extra,
});

/** Everything the handler wrote to the console while `run` ran. */
async function consoleOf(run: () => Promise<unknown>): Promise<string> {
  const lines: string[] = [];
  const spies = (["log", "info", "warn", "error", "debug"] as const).map((level) =>
    jest.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      lines.push(args.map((a) => (typeof a === "string" ? a : JSON.stringify(a))).join(" "));
    }),
  );
  try {
    await run().catch((e) => lines.push(`thrown: ${(e as Error).message}`));
  } finally {
    spies.forEach((s) => s.mockRestore());
  }
  return lines.join("\n");
}

describe("the MACsec key handler", () => {
  // the handler's own log lines (ids only) stay out of the test output; consoleOf reads them where it matters
  beforeEach(() => jest.spyOn(console, "log").mockImplementation(() => undefined));
  afterEach(() => jest.restoreAllMocks());

  test("create reads your secret and associates its CKN/CAK with the LAG; the physical id is the LAG and the stored ARN", async () => {
    const { dx, reads, onEvent } = setUp();
    dx.on(DX.AssociateMacSecKeyCommand).resolves({
      connectionId: LAG,
      macSecKeys: [{ ckn: CKN.toUpperCase(), secretARN: STORED, state: "associating" }],
    });
    const result = await onEvent({ RequestType: "Create", ResourceProperties: props() });
    expect(reads).toEqual([{ SecretId: MY_SECRET }]);
    expect(dx.commandCalls(DX.AssociateMacSecKeyCommand).map((c) => c.args[0].input)).toEqual([
      { connectionId: LAG, ckn: CKN, cak: CAK },
    ]);
    expect(result).toEqual({ PhysicalResourceId: `${LAG}/${STORED}`, Data: { SecretArn: STORED } });
  });

  test("create reads the version given by versionId and versionStage", async () => {
    const { dx, reads, onEvent } = setUp();
    dx.on(DX.AssociateMacSecKeyCommand).resolves({ macSecKeys: [{ ckn: CKN, secretARN: STORED }] });
    await onEvent({
      RequestType: "Create",
      ResourceProperties: props({ VersionId: "v-2", VersionStage: "AWSPENDING" }),
    });
    expect(reads).toEqual([{ SecretId: MY_SECRET, VersionId: "v-2", VersionStage: "AWSPENDING" }]);
  });

  test("a key Direct Connect stores is associated by its ARN, without reading a secret", async () => {
    const { dx, reads, onEvent } = setUp();
    dx.on(DX.AssociateMacSecKeyCommand).resolves({ macSecKeys: [{ secretARN: STORED, ckn: CKN }] });
    const result = await onEvent({
      RequestType: "Create",
      ResourceProperties: props({ KeySource: "directConnect", SecretArn: STORED }),
    });
    expect(reads).toEqual([]);
    expect(dx.commandCalls(DX.AssociateMacSecKeyCommand)[0].args[0].input).toEqual({
      connectionId: LAG,
      secretARN: STORED,
    });
    expect(result.PhysicalResourceId).toBe(`${LAG}/${STORED}`);
  });

  test("an update with a new key version associates the new key under a new physical id (CloudFormation then deletes the old)", async () => {
    const { dx, onEvent } = setUp();
    const newStored = `${STORED}-2`;
    dx.on(DX.AssociateMacSecKeyCommand).resolves({
      macSecKeys: [
        { ckn: "1".repeat(64), secretARN: STORED },
        { ckn: CKN, secretARN: newStored },
      ],
    });
    const result = await onEvent({
      RequestType: "Update",
      PhysicalResourceId: `${LAG}/${STORED}`,
      ResourceProperties: props({ VersionId: "v-2" }),
      OldResourceProperties: props({ VersionId: "v-1" }),
    });
    expect(result.PhysicalResourceId).toBe(`${LAG}/${newStored}`);
    expect(dx.commandCalls(DX.DisassociateMacSecKeyCommand)).toHaveLength(0);
  });

  test("a key already on the LAG (a rollback re-associating the old key) is taken when Direct Connect refuses it again", async () => {
    const { dx, onEvent } = setUp();
    dx.on(DX.AssociateMacSecKeyCommand).rejects(
      new DX.DirectConnectClientException({ message: "The key is already associated", $metadata: {} }),
    );
    dx.on(DX.DescribeLagsCommand, { lagId: LAG }).resolves({
      lags: [{ lagId: LAG, macSecKeys: [{ ckn: CKN, secretARN: STORED, state: "associated" }] }],
    });
    const result = await onEvent({
      RequestType: "Update",
      PhysicalResourceId: `${LAG}/${STORED}-2`,
      ResourceProperties: props({ VersionId: "v-1" }),
      OldResourceProperties: props({ VersionId: "v-2" }),
    });
    expect(result).toEqual({ PhysicalResourceId: `${LAG}/${STORED}`, Data: { SecretArn: STORED } });
  });

  test("a refused association fails when the LAG does not hold the key (or holds it only while disassociating)", async () => {
    const { dx, onEvent } = setUp();
    dx.on(DX.AssociateMacSecKeyCommand).rejects(
      new DX.DirectConnectClientException({ message: "MACsec is not supported", $metadata: {} }),
    );
    dx.on(DX.DescribeLagsCommand).resolves({
      lags: [{ lagId: LAG, macSecKeys: [{ ckn: CKN, secretARN: STORED, state: "disassociating" }] }],
    });
    await expect(onEvent({ RequestType: "Create", ResourceProperties: props() })).rejects.toThrow(
      `AssociateMacSecKey on ${LAG} failed: DirectConnectClientException: MACsec is not supported`,
    );
  });

  test("an update that changes nothing of the key (a new service token) keeps the association", async () => {
    const { dx, reads, onEvent } = setUp();
    const result = await onEvent({
      RequestType: "Update",
      PhysicalResourceId: `${LAG}/${STORED}`,
      ResourceProperties: props({ ServiceToken: "another" }),
      OldResourceProperties: props(),
    });
    expect(result).toEqual({ PhysicalResourceId: `${LAG}/${STORED}`, Data: { SecretArn: STORED } });
    expect(reads).toEqual([]);
    expect(dx.calls()).toHaveLength(0);
  });

  test("delete disassociates the stored key from the LAG of the physical id", async () => {
    const { dx, onEvent } = setUp();
    dx.on(DX.DisassociateMacSecKeyCommand).resolves({});
    const result = await onEvent({
      RequestType: "Delete",
      PhysicalResourceId: `${LAG}/${STORED}`,
      ResourceProperties: props(),
    });
    expect(dx.commandCalls(DX.DisassociateMacSecKeyCommand).map((c) => c.args[0].input)).toEqual([
      { connectionId: LAG, secretARN: STORED },
    ]);
    expect(result).toEqual({ PhysicalResourceId: `${LAG}/${STORED}` });
  });

  test("delete of a LAG or key that is gone succeeds", async () => {
    const { dx, onEvent } = setUp();
    dx.on(DX.DisassociateMacSecKeyCommand).rejects(
      new DX.DirectConnectClientException({ message: `Could not find Lag with ID ${LAG}`, $metadata: {} }),
    );
    await expect(
      onEvent({ RequestType: "Delete", PhysicalResourceId: `${LAG}/${STORED}`, ResourceProperties: props() }),
    ).resolves.toEqual({ PhysicalResourceId: `${LAG}/${STORED}` });
  });

  test("delete fails on any other error", async () => {
    const { dx, onEvent } = setUp();
    dx.on(DX.DisassociateMacSecKeyCommand).rejects(
      new DX.DirectConnectServerException({ message: "Internal error", $metadata: {} }),
    );
    await expect(
      onEvent({ RequestType: "Delete", PhysicalResourceId: `${LAG}/${STORED}`, ResourceProperties: props() }),
    ).rejects.toThrow(`DisassociateMacSecKey on ${LAG} failed: DirectConnectServerException: Internal error`);
  });

  test("delete after a failed create (no association) calls nothing", async () => {
    const { dx, onEvent } = setUp();
    await onEvent({
      RequestType: "Delete",
      PhysicalResourceId: "AWSCDK::CustomResourceProviderFramework::CREATE_FAILED",
      ResourceProperties: props(),
    });
    expect(dx.calls()).toHaveLength(0);
  });

  test.each([
    ["not JSON", "ckn=..."],
    ["without cak", JSON.stringify({ ckn: CKN })],
    ["a CAK of 32 characters", JSON.stringify({ ckn: CKN, cak: CAK.slice(0, 32) })],
    ["a CKN that is not hexadecimal", JSON.stringify({ ckn: "x".repeat(64), cak: CAK })],
  ])("a secret %s fails with what is expected, and associates nothing", async (_, secretString) => {
    const { dx, onEvent } = setUp(secretString);
    await expect(onEvent({ RequestType: "Create", ResourceProperties: props() })).rejects.toThrow(
      `The SecretString of ${MY_SECRET} must be JSON {"ckn": "...", "cak": "..."}, each 64 hexadecimal characters`,
    );
    expect(dx.calls()).toHaveLength(0);
  });

  test("no CKN or CAK in any console output, result or error: on success and when Direct Connect echoes them", async () => {
    const success = setUp();
    success.dx.on(DX.AssociateMacSecKeyCommand).resolves({ macSecKeys: [{ ckn: CKN, secretARN: STORED }] });
    const created = await consoleOf(async () => {
      const result = await success.onEvent({ RequestType: "Create", ResourceProperties: props() });
      console.log(JSON.stringify(result)); // what the provider framework would see
    });
    expect(created).toContain(`Create the MACsec key association of ${LAG}`);

    const failure = setUp();
    failure.dx.on(DX.AssociateMacSecKeyCommand).rejects(
      new DX.DirectConnectClientException({
        message: `Invalid key ${CKN.toUpperCase()} / ${CAK}`,
        $metadata: {},
      }),
    );
    const failed = await consoleOf(() =>
      failure.onEvent({ RequestType: "Create", ResourceProperties: props() }),
    );
    expect(failed).toContain(
      `thrown: AssociateMacSecKey on ${LAG} failed: DirectConnectClientException: Invalid key *** / ***`,
    );

    for (const output of [created, failed]) {
      for (const secret of [CKN, CAK]) {
        expect(output.toLowerCase()).not.toContain(secret);
      }
    }
  });
});
