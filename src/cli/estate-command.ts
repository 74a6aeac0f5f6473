import * as fs from "fs";
import { emitCode } from "./emit-code";
import { readEstateDir, writeEstateDir } from "./files";
import { CliIo, UsageError, oneOf, parseOptions } from "./io";
import { readLiveEstate } from "./live";
import { DirectConnectEstate } from "../analyse/estate/estate";
import { EstateDescribeOutputs } from "../analyse/estate/types";
import { ResiliencyModel } from "../core/model";
import { RuleSeverity } from "../core/rule";

// dx-resiliency estate: reads a live estate (saved outputs of the AWS CLI, or the account through the AWS
// SDK, read-only), writes its report, prints one verdict line per gateway and resiliency group, and exits
// non-zero when a claim fails.

/** What the command uses from outside, replaceable in tests. */
export interface EstateDeps {
  readonly readLive: typeof readLiveEstate;
}

export const ESTATE_USAGE = `Usage: dx-resiliency estate (--from DIR | --region REGION [--profile PROFILE] [--save DIR]) [options]

Reads a live Direct Connect estate and reports what it survives: one verdict line per gateway and per
resiliency group, and a Markdown report with the failure analysis of each gateway's paths.

  --from DIR              read the saved outputs of the AWS CLI in DIR (describe-connections.json, ...)
  --region REGION         read the account live, read-only (describe and list calls only)
  --profile PROFILE       the AWS profile of the credentials (with --region)
  --save DIR              with --region: also write the outputs read, as the files --from reads
  --report FILE           where the report goes (default dx-estate-report.md)
  --model MODEL           the model every gateway claims: maximum, high or dev-test
  --on-premises-prefixes CIDR,...
                          the prefixes your routers advertise over Direct Connect (checks VPN static routes)
  --fail-on LEVEL         exit 1 on findings of this level: error (default), warning, or none
  --emit-code LANGUAGE    print the construct code that adopts the estate (typescript or python);
                          the verdicts then go to standard error
  --title TEXT            the estate's name in the report
  -h, --help              this help

Exit codes: 0 the claims hold, 1 a finding at --fail-on level, 2 a usage or input error.
See https://github.com/cdk-direct-connect-resiliency/cdk-direct-connect-resiliency/blob/main/docs/estate.md`;

const OPTIONS = {
  from: { type: "string" },
  region: { type: "string" },
  profile: { type: "string" },
  save: { type: "string" },
  report: { type: "string", default: "dx-estate-report.md" },
  model: { type: "string" },
  "on-premises-prefixes": { type: "string" },
  "fail-on": { type: "string", default: "error" },
  "emit-code": { type: "string" },
  title: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

const MODELS: Record<string, ResiliencyModel> = {
  maximum: ResiliencyModel.MAXIMUM,
  high: ResiliencyModel.HIGH,
  "dev-test": ResiliencyModel.DEVELOPMENT_AND_TEST,
};
const FAIL_ON = ["error", "warning", "none"];
const LANGUAGES = ["typescript", "python"];

export async function estateCommand(args: string[], io: CliIo, deps: EstateDeps): Promise<number> {
  const o = parseOptions(args, OPTIONS);
  if (o.help) {
    io.out(ESTATE_USAGE);
    return 0;
  }
  if ((o.from === undefined) === (o.region === undefined)) {
    throw new UsageError("give either --from DIR (saved outputs) or --region REGION (a live account)");
  }
  if (o.from !== undefined && (o.profile !== undefined || o.save !== undefined)) {
    throw new UsageError("--profile and --save read a live account: use them with --region, not --from");
  }
  oneOf("model", o.model, Object.keys(MODELS));
  oneOf("fail-on", o["fail-on"], FAIL_ON);
  oneOf("emit-code", o["emit-code"], LANGUAGES);

  let outputs: Record<string, unknown>;
  try {
    outputs =
      o.from !== undefined
        ? readEstateDir(o.from)
        : await deps.readLive({ region: o.region!, profile: o.profile, log: io.err });
  } catch (e) {
    io.err(`dx-resiliency: ${(e as Error).message}`);
    return 2;
  }
  if (o.save !== undefined) {
    writeEstateDir(o.save, outputs);
    io.err(`Saved the outputs in ${o.save}`);
  }
  let read: DirectConnectEstate;
  try {
    read = DirectConnectEstate.fromDescribeOutputs(outputs as unknown as EstateDescribeOutputs, {
      model: o.model === undefined ? undefined : MODELS[o.model],
      onPremisesPrefixes: o["on-premises-prefixes"]
        ?.split(",")
        .map((p) => p.trim())
        .filter((p) => p !== ""),
      title:
        o.title ??
        (o.from !== undefined
          ? `saved outputs in ${o.from}`
          : `${o.region}${o.profile ? `, profile ${o.profile}` : ""}`),
    });
  } catch (e) {
    io.err(`dx-resiliency: ${(e as Error).message}`);
    return 2;
  }
  fs.writeFileSync(o.report!, read.report());
  const say = o["emit-code"] === undefined ? io.out : io.err;
  for (const line of read.verdictLines()) say(line);
  for (const f of read.findings) say(`  ${f.severity} ${f.ruleId} (${f.subject}): ${f.message}`);
  const errors = read.findings.filter((f) => f.severity === RuleSeverity.ERROR).length;
  say(`${errors} error(s), ${read.findings.length - errors} warning(s); report: ${o.report}`);
  if (o["emit-code"] !== undefined) io.out(emitCode(read, o["emit-code"] as "typescript" | "python"));
  const failOn = o["fail-on"];
  if (failOn === "none") return 0;
  return read.failsOn(failOn === "warning" ? RuleSeverity.WARNING : RuleSeverity.ERROR) ? 1 : 0;
}
