/**
 * The rate limit (Rate Limiter) of a virtual interface: the most it may carry, in and out of AWS.
 *
 * Sources:
 * - CloudFormation registry schemas of `AWS::DirectConnect::{Private,Public,Transit}VirtualInterface`
 *   (as cfn-lint 1.58.0 ships them): `RateLimit`, a string matching
 *   `^[0-9]+\.?[0-9]*(Mbps|Gbps|Tbps)$`, "one of the supported bandwidth values (e.g., 50Mbps, 1Gbps,
 *   10Gbps)" that "cannot exceed the bandwidth of the parent connection or LAG".
 * - Direct Connect User Guide, "Virtual interface Rate Limiters" (vif-rate-limiters.html): private,
 *   transit and public VIFs, Dedicated connections only (hosted connections are always limited to
 *   their purchased capacity); What's New 2026-06-01: up to 10 rate-limited VIFs per dedicated
 *   connection, "capacity increments from 50 Mbps to 1.6 Tbps when using a link aggregation group".
 *
 * The exact table of increments was not available to this library's authors: below 1 Gbps it takes the
 * Direct Connect sub-gigabit steps (50, 100, 200, 300, 400 and 500 Mbps, the schema's example 50Mbps
 * among them), from 1 Gbps whole Gbps up to 1600 (1.6 Tbps).
 */
import { errorRule, finding, raiseAll, ruleFamily } from "./fail";
import { show } from "./props";
import type { RuleFinding } from "./rule";
import { SOURCES } from "./sources";

/** The rules of a rate limit value (the catalogue lists them with the virtual interface rules). */
export const RATE_LIMIT_RULES = ruleFamily({
  RATE_LIMIT_VALUE: errorRule({
    id: "rateLimitValue",
    what:
      "`RateLimit.mbps(n)` with n not 50, 100, 200, 300, 400 or 500, or `RateLimit.gbps(n)` with n not a whole " +
      "number from 1 to 1600",
    why: "a Rate Limiter takes the Direct Connect capacity increments from 50 Mbps to 1.6 Tbps only",
    source: SOURCES.vifRateLimiters,
    prop: "rateLimit",
  }),
});
export const { RATE_LIMIT_VALUE } = RATE_LIMIT_RULES;

/** Rate limits below 1 Gbps, in Mbps. */
const MBPS_STEPS: ReadonlyArray<number> = [50, 100, 200, 300, 400, 500];
/** The largest rate limit, in Gbps (1.6 Tbps, on a LAG). */
const MAX_GBPS = 1600;

const ALLOWED =
  "RateLimit.mbps(n) with n 50, 100, 200, 300, 400 or 500, or RateLimit.gbps(n) with n a whole number from 1 to 1600";

/** The findings of `RateLimit.mbps(mbps)`. */
export function checkRateLimitMbps(mbps: number): RuleFinding[] {
  if (typeof mbps === "number" && MBPS_STEPS.includes(mbps)) return [];
  return [
    finding(
      RATE_LIMIT_VALUE,
      `\`rateLimit\`: RateLimit.mbps(${show(mbps)}) is not a rate Direct Connect takes. Allowed: ${ALLOWED}` +
        (typeof mbps === "number" && mbps >= 1000 && mbps % 1000 === 0
          ? ` (use RateLimit.gbps(${mbps / 1000}))`
          : "") +
        ".",
    ),
  ];
}

/** The findings of `RateLimit.gbps(gbps)`. */
export function checkRateLimitGbps(gbps: number): RuleFinding[] {
  if (Number.isInteger(gbps) && gbps >= 1 && gbps <= MAX_GBPS) return [];
  return [
    finding(
      RATE_LIMIT_VALUE,
      `\`rateLimit\`: RateLimit.gbps(${show(gbps)}) is not a rate Direct Connect takes. Allowed: ${ALLOWED}.`,
    ),
  ];
}

/**
 * The Gbps of a `RateLimit` value as CloudFormation writes it (`500Mbps`, `5Gbps`, `1.6Tbps`: the registry
 * schemas' pattern `^[0-9]+\.?[0-9]*(Mbps|Gbps|Tbps)$`), or undefined for anything else. For the audit,
 * which reads raw templates.
 */
export function rateLimitGbpsOf(value: unknown): number | undefined {
  if (typeof value !== "string") return undefined;
  const m = /^([0-9]+\.?[0-9]*)(Mbps|Gbps|Tbps)$/.exec(value);
  if (m === null) return undefined;
  const scale = { Mbps: 0.001, Gbps: 1, Tbps: 1000 }[m[2] as "Mbps" | "Gbps" | "Tbps"];
  return Number(m[1]) * scale;
}

/**
 * The rate limit of a virtual interface (its Rate Limiter).
 *
 * It is the most the interface carries, in either direction: traffic above it is dropped. Rate Limiters
 * work on dedicated connections and LAGs only, and a rate limit cannot exceed the capacity of the slot
 * the interface is on.
 *
 * See https://docs.aws.amazon.com/directconnect/latest/UserGuide/vif-rate-limiters.html
 *
 * @example
 * VirtualInterface.transit({ name: 'prod', gateway, vlan: 101, customerAsn: 65010, rateLimit: RateLimit.gbps(5) });
 */
export class RateLimit {
  /**
   * A rate limit below 1 Gbps.
   *
   * @param mbps 50, 100, 200, 300, 400 or 500
   */
  public static mbps(mbps: number): RateLimit {
    raiseAll(checkRateLimitMbps(mbps), "`rateLimit`");
    return new RateLimit(`${mbps}Mbps`, mbps / 1000);
  }

  /**
   * A rate limit of whole Gbps.
   *
   * @param gbps a whole number from 1 to 1600 (1.6 Tbps, on a LAG); at most the capacity of the slot
   */
  public static gbps(gbps: number): RateLimit {
    raiseAll(checkRateLimitGbps(gbps), "`rateLimit`");
    return new RateLimit(`${gbps}Gbps`, gbps);
  }

  /** The rate limit as CloudFormation writes it (`RateLimit`), for example `500Mbps` or `5Gbps`. */
  public readonly value: string;
  /** The rate limit in Gbps, for example 0.5 or 5. */
  public readonly rateGbps: number;

  private constructor(value: string, rateGbps: number) {
    this.value = value;
    this.rateGbps = rateGbps;
  }

  /** For example `500 Mbps` or `5 Gbps`. */
  public toString(): string {
    return this.value.replace(/(Mbps|Gbps)$/, " $1");
  }
}
