import { RemovalPolicy, SecretValue } from "aws-cdk-lib";
import * as fc from "fast-check";
import {
  ConnectionBandwidth,
  IDirectConnectGateway,
  MacSecKey,
  ResiliencyModel,
  TunnelBandwidth,
  VirtualInterface,
  VpnBackup,
} from "../../src";

/**
 * Fuzz recipes: plain data that says how to build the props of every construct and factory. Recipes
 * are data so that fast-check can print and shrink a counter-example; `make` turns one into the real
 * props, calling the factories (which may refuse: that is an outcome too). Objects with one `$` key are
 * instructions (`{ $bw: 20 }` is `ConnectionBandwidth.gbps(20)`); everything else is passed as is.
 */

/** Values of the wrong type, or of the right type and out of range: what plain JavaScript can pass. */
export const chaos: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    undefined,
    null,
    true,
    false,
    0,
    -1,
    1.5,
    NaN,
    Infinity,
    -Infinity,
    2 ** 53,
    4294967295,
    "",
    " ",
    "x".repeat(300),
  ),
  fc.integer(),
  fc.double(),
  fc.string({ maxLength: 12 }),
  fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 5 }), fc.constant(null)), { maxLength: 3 }),
  fc.dictionary(fc.stringMatching(/^[a-z]{1,6}$/), fc.oneof(fc.integer(), fc.string({ maxLength: 5 })), {
    maxKeys: 3,
  }),
);

/** Mostly a sensible value, sometimes chaos. */
export function maybe<T>(a: fc.Arbitrary<T>, weight = 80): fc.Arbitrary<unknown> {
  return fc.oneof({ weight, arbitrary: a as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: chaos });
}

/** Mostly one of the good values, sometimes one of the bad ones. */
function mostly<T>(good: T[], bad: T[]): fc.Arbitrary<T> {
  return fc.oneof(
    { weight: 30, arbitrary: fc.constantFrom(...good) },
    { weight: 1, arbitrary: fc.constantFrom(...bad) },
  );
}

/** Often absent, else `maybe`. */
export function optional<T>(a: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  return fc.option(maybe(a), { nil: undefined, freq: 2 });
}

type Fields = Record<string, fc.Arbitrary<unknown>>;

/** A record of fields (each a value or undefined), plus one of two groups of fields that exclude each other. */
function withOneOf(fields: Fields, a: Fields, b: Fields): fc.Arbitrary<Record<string, unknown>> {
  const both = fc.record(
    Object.fromEntries([...Object.entries(a), ...Object.entries(b)].map(([k, v]) => [k, optional(v)])),
  );
  const group = fc.oneof(
    { weight: 6, arbitrary: fc.record(mapValues(a, maybe)) },
    { weight: 6, arbitrary: fc.record(mapValues(b, maybe)) },
    { weight: 1, arbitrary: both },
  );
  return fc.tuple(fc.record(fields), group).map(([f, g]) => ({ ...f, ...g }));
}

function mapValues(fields: Fields, f: (a: fc.Arbitrary<unknown>) => fc.Arbitrary<unknown>): Fields {
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, f(v)]));
}

const location = mostly(["EqDC2", "EqSE2", "EqCH2", "EqDA2", "CS32A-24FL"], ["eqdc2", "Eq DC2"]);
const locations = fc.oneof(
  { weight: 10, arbitrary: fc.uniqueArray(location, { minLength: 2, maxLength: 3 }) },
  { weight: 1, arbitrary: fc.array(maybe(location), { maxLength: 4 }) },
);
const bandwidth = maybe(
  fc.oneof(
    {
      weight: 4,
      arbitrary: fc.constantFrom("GBPS_1", "GBPS_10", "GBPS_100", "GBPS_400").map((name) => ({ $bw: name })),
    },
    { weight: 20, arbitrary: fc.constantFrom(2, 3, 4, 20, 30, 40, 200, 800).map((n) => ({ $bw: n })) },
    { weight: 1, arbitrary: fc.oneof(fc.integer({ min: -1, max: 900 }), chaos).map((n) => ({ $bw: n })) },
  ),
);
const plainKey = fc
  .constantFrom("abcdef12", "0bad", "short", "with space!")
  .map((value) => ({ $secret: "plain", value }));
const secret = fc.oneof(
  { weight: 6, arbitrary: fc.constant({ $secret: "secretsManager", value: "dx/key" }) },
  { weight: 1, arbitrary: plainKey },
);
const token = fc.constantFrom({ $token: "string" }, { $token: "number" });
const tags = fc.dictionary(
  mostly(["team", "cost-centre", "env:stage"], ["", "aws:owner", "k".repeat(129)]),
  fc.oneof({ weight: 8, arbitrary: fc.string({ maxLength: 8 }) }, { weight: 1, arbitrary: chaos }),
  { maxKeys: 2 },
);
const seldom = (good: fc.Arbitrary<unknown>, bad: fc.Arbitrary<unknown>) =>
  fc.oneof({ weight: 30, arbitrary: good }, { weight: 1, arbitrary: bad });

const common: Fields = {
  bandwidth,
  providerName: optional(mostly(["Equinix", "Zayo Group, LLC"], ["", "  "])),
  requestMacSec: optional(mostly([false], [true])),
  namePrefix: optional(
    fc.oneof(
      { weight: 6, arbitrary: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 _,/-]{0,15}$/) },
      { weight: 1, arbitrary: fc.constantFrom("acme", "Dx prod", "a".repeat(190), "bad*name") },
      { weight: 1, arbitrary: token },
    ),
  ),
  removalPolicy: optional(
    mostly(["RETAIN", "DESTROY", "RETAIN_ON_UPDATE_OR_DELETE"], ["SNAPSHOT"]).map((p) => ({ $removal: p })),
  ),
  resiliencyGroup: optional(mostly([true], [false])),
  outputs: optional(fc.boolean()),
  resiliencyGroupName: optional(mostly(["grp", "a_b-c"], ["has spaces", "x".repeat(256)])),
  minimumLinks: optional(seldom(fc.integer({ min: 0, max: 1 }), fc.integer({ min: -1, max: 5 }))),
  virtualInterfaces: optional(fc.array(maybe(virtualInterfaceRecipe()), { maxLength: 3 })),
  vpnBackup: optional(vpnRecipe()),
  // seldom given: without requestMacSec it is refused, which would crowd out the other outcomes
  macSecKey: fc.oneof(
    { weight: 40, arbitrary: fc.constant(undefined) },
    seldom(
      fc.constant({ $macSecKeyArn: "arn:aws:secretsmanager:us-east-1:123456789012:secret:dx-key-AbCdEf" }),
      fc.constantFrom({ $macSecKeyArn: "dx-key" }, "dx-key"),
    ),
  ),
};

function virtualInterfaceRecipe() {
  const peer = fc.record({
    location: maybe(location),
    slotNumber: maybe(fc.integer({ min: 0, max: 3 })),
    amazonAddress: maybe(mostly(["169.254.10.1/30", "203.0.113.1/30"], ["203.0.113.5/30"])),
    customerAddress: maybe(mostly(["169.254.10.2/30", "203.0.113.2/30"], ["203.0.113.6/30"])),
  });
  // a distinct name and VLAN per generated spec index keep specs apart, mostly
  const base: Fields = {
    name: maybe(mostly(["prod", "dev", "blue-1"], ["bad name", "a".repeat(40)])),
    vlan: maybe(seldom(fc.integer({ min: 1, max: 4094 }), fc.oneof(fc.constantFrom(0, 4095), token))),
    customerAsn: maybe(mostly([65010, 65020, 2147483647, 4294967294], [64512, 4294967295, 0])),
    authKey: optional(secret),
    addressFamilies: optional(fc.array(mostly(["ipv4", "ipv6"], ["IPv4"]), { minLength: 1, maxLength: 2 })),
    peerAddresses: optional(fc.array(maybe(peer), { maxLength: 1 })),
    tags: optional(tags),
  };
  const mtuAndSiteLink = (mtus: number[], bad: number[]) => ({
    mtu: optional(mostly(mtus, bad)),
    enableSiteLink: optional(fc.boolean()),
  });
  const pool = optional(mostly(["169.254.0.0/22", "169.254.64.0/20"], ["169.254.0.1/30", "10.0.0.0/31"]));
  return fc.oneof(
    fc.record({
      $vif: fc.constant("transit"),
      options: maybe(
        fc.record({
          ...base,
          addressPool: pool,
          gateway: maybe(fc.constant({ $gateway: true })),
          ...mtuAndSiteLink([1500, 8500], [9001]),
        }),
      ),
    }),
    fc.record({
      $vif: fc.constant("privateInterface"),
      options: maybe(
        withOneOf(
          { ...base, addressPool: pool, ...mtuAndSiteLink([1500, 8500, 9001], [9000]) },
          { gateway: fc.constant({ $gateway: true }) },
          { virtualGatewayId: mostly(["vgw-0123456789abcdef0"], ["vgw-bad"]) },
        ),
      ),
    }),
    fc.record({
      $vif: fc.constant("publicInterface"),
      options: maybe(
        fc.record({
          ...base,
          addressPool: maybe(mostly(["203.0.113.0/24", "198.51.100.0/24"], ["203.0.113.1/30"])),
          routeFilterPrefixes: maybe(
            fc.array(mostly(["203.0.113.0/24", "198.51.100.0/24", "2001:db8::/48"], ["10.0.0.1/8"]), {
              minLength: 1,
              maxLength: 2,
            }),
          ),
        }),
      ),
    }),
  );
}

function vpnRecipe() {
  // a private IP VPN (transportAttachmentId) takes private device addresses, an internet VPN public ones
  const device = (n: number, privateIp = false) =>
    fc.record({
      name: maybe(mostly([`edge${n}`], ["-bad", "edge1"])),
      ipAddress: maybe(
        privateIp
          ? mostly([`10.20.0.${n}`, `100.64.0.${n}`], ["203.0.113.1", "10.20.0.1"])
          : mostly([`203.0.113.${n}`, `198.51.100.${n}`], ["10.0.0.1", "203.0.113.1"]),
      ),
      bgpAsn: optional(mostly([65000, 65010, 2147483648, 4294967294], [0])),
      deviceName: optional(fc.string({ maxLength: 10 })),
      tunnelInsideCidrs: optional(
        seldom(
          fc.constant([`169.254.${10 + 2 * n}.0/30`, `169.254.${11 + 2 * n}.0/30`]),
          fc.array(mostly(["169.254.10.0/30", "169.254.11.0/30"], ["169.254.0.0/30", "169.254.12.1/30"]), {
            maxLength: 3,
          }),
        ),
      ),
      preSharedKeys: optional(seldom(fc.tuple(secret, secret), fc.array(maybe(secret), { maxLength: 3 }))),
    });
  const prefixes = fc.array(mostly(["192.168.0.0/16", "10.0.0.0/8"], ["192.168.1.0/24", "2001:db8::/32"]), {
    minLength: 1,
    maxLength: 2,
  });
  const options = (target: Fields, privateIp = false) =>
    withOneOf(
      {
        ...target,
        customerGateways: maybe(
          seldom(
            fc.oneof(
              fc.tuple(maybe(device(1, privateIp))),
              fc.tuple(maybe(device(1, privateIp)), maybe(device(2, privateIp))),
            ),
            fc.array(maybe(device(3, privateIp)), { maxLength: 3 }),
          ),
        ),
        onPremisesPrefixes: optional(mostly([["192.168.0.0/16"]], [["192.168.0.0/15"]])),
        acceleration: optional(mostly([false], [true])),
        tunnelBandwidth: optional(mostly(["STANDARD"], ["LARGE"]).map((t) => ({ $tunnel: t }))),
      },
      { advertisedPrefixes: prefixes },
      {
        staticRoutes: mostly([["192.168.0.0/15"]], [["192.168.1.0/24"]]),
        // static routes are checked against the Direct Connect prefixes, so they come with them
        onPremisesPrefixes: mostly([["192.168.0.0/16"]], [["192.168.0.0/15"]]),
      },
    );
  const transitGatewayId = maybe(mostly(["tgw-0123456789abcdef0"], ["tgw-x"]));
  return fc.oneof(
    fc.record({
      $vpn: fc.constant("toTransitGateway"),
      options: maybe(options({ transitGatewayId })),
    }),
    fc.record({
      $vpn: fc.constant("toTransitGateway"),
      options: maybe(
        options(
          {
            transitGatewayId,
            transportAttachmentId: maybe(mostly(["tgw-attach-0123456789abcdef0"], ["attach"])),
          },
          true,
        ),
      ),
    }),
    fc.record({
      $vpn: fc.constant("toVirtualPrivateGateway"),
      options: maybe(options({ virtualGatewayId: maybe(mostly(["vgw-0123456789abcdef0"], ["vgw-x"])) })),
    }),
  );
}

const roleArn = optional(mostly(["arn:aws:iam::123456789012:role/accept"], ["role"]));

/** The Direct Connect gateway of a run: created or imported, with one association or none. */
export const gatewayRecipe = fc.record({
  imported: mostly([false], [true]),
  gatewayId: maybe(mostly(["5f294f92-bafb-4011-916d-9b0bea5a1e2f"], ["not-a-uuid"])),
  props: optional(
    fc.record({
      name: optional(mostly(["gw", "Production gateway"], ["bad*name", "x".repeat(101)])),
      amazonSideAsn: optional(mostly([64512, 65000, 4200000000], [1, 65535])),
    }),
  ),
  association: fc.option(
    fc.oneof(
      {
        weight: 3,
        arbitrary: fc.record({
          kind: fc.constant("associateTransitGateway"),
          options: maybe(
            fc.record({
              transitGatewayId: maybe(
                mostly(
                  [
                    "tgw-0123456789abcdef0",
                    "arn:aws:ec2:us-east-1:123456789012:transit-gateway/tgw-0123456789abcdef0",
                  ],
                  ["tgw-x"],
                ),
              ),
              allowedPrefixes: maybe(
                fc.array(mostly(["10.0.0.0/16", "10.1.0.0/16"], ["10.0.0.1/16"]), {
                  minLength: 1,
                  maxLength: 2,
                }),
              ),
              transitGatewayAsn: optional(mostly([64513, 65100], [64512, 1])),
              acceptProposalRoleArn: roleArn,
            }),
          ),
        }),
      },
      {
        weight: 1,
        arbitrary: fc.record({
          kind: fc.constant("associateVirtualPrivateGateway"),
          options: maybe(
            fc.record({
              virtualGatewayId: maybe(mostly(["vgw-0123456789abcdef0"], ["vgw-x"])),
              allowedPrefixes: optional(
                fc.array(mostly(["10.0.0.0/16"], ["10.0.0.1/16"]), { minLength: 1, maxLength: 2 }),
              ),
              acceptProposalRoleArn: roleArn,
            }),
          ),
        }),
      },
    ),
    { nil: undefined },
  ),
});

const layout = fc.record({
  location: maybe(location),
  deviceSlots: optional(seldom(fc.integer({ min: 1, max: 4 }), fc.constantFrom(0, 11, 2 ** 53, 4294967295))),
  firstSlotNumber: optional(seldom(fc.integer({ min: 1, max: 5 }), fc.constantFrom(0, 98, 2 ** 53))),
});
const existing = fc.record({
  location: maybe(location),
  slotNumber: maybe(seldom(fc.integer({ min: 6, max: 9 }), fc.integer({ min: 0, max: 5 }))),
  connectionId: maybe(mostly(["dxcon-fg5678gh", "dxlag-ab12cd34"], ["dxcon-zz"])),
  bandwidth: optional(bandwidth),
});

/** One run: which construct, its props, and the gateway its interfaces may use. */
export const runRecipe = fc.record({
  construct: fc.constantFrom(
    "MaximumResiliencyConnections",
    "HighResiliency",
    "DevTest",
    "ResilientConnections",
  ),
  props: maybe(
    fc.record({
      ...common,
      locations: maybe(locations),
      location: maybe(location),
      layouts: maybe(
        fc.uniqueArray(maybe(layout), { minLength: 1, maxLength: 3, selector: (l: any) => l?.location }),
      ),
      existingSlots: optional(
        fc.uniqueArray(maybe(existing), { maxLength: 2, selector: (e: any) => e?.connectionId }),
      ),
      model: optional(
        mostly(["CLASSIC", "HIGH", "DEVELOPMENT_AND_TEST"], ["MAXIMUM"]).map((m) => ({ $model: m })),
      ),
    }),
  ),
  gateway: gatewayRecipe,
  queries: fc.array(chaos, { maxLength: 2 }),
});

/** What `make` takes from the app under test. */
export interface MakeContext {
  gateway(): IDirectConnectGateway;
  /** A string or number token (a CloudFormation parameter of that type). */
  token(kind: string): unknown;
}

/** Turns a recipe into values, calling the factories. */
export function make(recipe: unknown, ctx: MakeContext): unknown {
  if (Array.isArray(recipe)) return recipe.map((r) => make(r, ctx));
  if (typeof recipe !== "object" || recipe === null) return recipe;
  const r = recipe as Record<string, any>;
  if ("$bw" in r) {
    return typeof r.$bw === "string" ? (ConnectionBandwidth as any)[r.$bw] : ConnectionBandwidth.gbps(r.$bw);
  }
  if ("$model" in r) return (ResiliencyModel as any)[r.$model];
  if ("$removal" in r) return (RemovalPolicy as any)[r.$removal];
  if ("$tunnel" in r) return (TunnelBandwidth as any)[r.$tunnel];
  if ("$secret" in r) {
    return r.$secret === "plain" ? SecretValue.unsafePlainText(r.value) : SecretValue.secretsManager(r.value);
  }
  if ("$token" in r) return ctx.token(r.$token);
  if ("$gateway" in r) return ctx.gateway();
  if ("$vif" in r) return (VirtualInterface as any)[r.$vif](make(r.options, ctx));
  if ("$vpn" in r) return (VpnBackup as any)[r.$vpn](make(r.options, ctx));
  if ("$macSecKeyArn" in r) return MacSecKey.fromDirectConnectSecretArn(r.$macSecKeyArn);
  return Object.fromEntries(Object.entries(r).map(([k, v]) => [k, make(v, ctx)]));
}
