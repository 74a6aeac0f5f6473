import { CfnParameter, SecretValue } from "aws-cdk-lib";
import { Annotations, Match } from "aws-cdk-lib/assertions";
import {
  AddressFamily,
  ConnectionBandwidth,
  DirectConnectGateway,
  HighResiliency,
  PrivateVirtualInterfaceOptions,
  VirtualInterface,
} from "../../src";
import { RuleError } from "../../src/core/fail";
import { ruleIdsOf } from "../support/rule-ids";
import { newStack, templateOf } from "../support/synth";

// Virtual interface rules, with their section of docs/facts.md in the test names.

const VGW = "vgw-0123456789abcdef0";
const base: PrivateVirtualInterfaceOptions = {
  name: "prod",
  virtualGatewayId: VGW,
  vlan: 101,
  customerAsn: 65010,
};
const privateVif = (options: Partial<PrivateVirtualInterfaceOptions> = {}) =>
  VirtualInterface.privateInterface({ ...base, ...options });

function build(virtualInterfaces: VirtualInterface[]) {
  const stack = newStack();
  new HighResiliency(stack, "Dx", {
    locations: ["EqDC2", "EqSE2"],
    bandwidth: ConnectionBandwidth.GBPS_10,
    virtualInterfaces,
  });
  return stack;
}

test.each([0, 4095, 1.5])("fails when the VLAN is %p (§4.4: 1 to 4094)", (vlan) => {
  expect(() => build([privateVif({ vlan })])).toThrow(
    new RegExp(`^\`vlan\` ${vlan} of prod is not allowed: a whole number from 1 to 4094`),
  );
});

test("fails when two specs use one VLAN: both land on every slot (§4.4: unique per connection)", () => {
  expect(() => build([privateVif(), privateVif({ name: "test" })])).toThrow(
    /^`vlan` 101 of test is also the VLAN of prod: both land on every device slot/,
  );
});

test.each([0, 4294967295, -1])("fails when the customer ASN is %p (§4.5: 1 to 4294967294)", (customerAsn) => {
  expect(() => build([privateVif({ customerAsn })])).toThrow(
    new RegExp(
      `^\`customerAsn\` ${customerAsn} of prod is not allowed: a whole number from 1 to 4294967294\\. \\[\\w+\\]$`,
    ),
  );
});

test("warns when the customer ASN needs long ASN support (§4.5)", () => {
  const stack = build([privateVif({ customerAsn: 4200000001 })]);
  Annotations.fromStack(stack).hasWarning("/TestStack/Dx", Match.stringLikeRegexp("long \\(4-byte\\) ASN"));
});

test.each([
  ["transit", 9001, "1500, 8500"],
  ["transit", 1400, "1500, 8500"],
  ["private", 8000, "1500, 8500, 9001"],
])("fails when a %s interface has MTU %p (§4.6, §9.1)", (type, mtu, allowed) => {
  const stack = newStack();
  const gateway = new DirectConnectGateway(stack, "Gw");
  const vif =
    type === "transit"
      ? VirtualInterface.transit({ name: "prod", gateway, vlan: 101, customerAsn: 65010, mtu })
      : VirtualInterface.privateInterface({ name: "prod", gateway, vlan: 101, customerAsn: 65010, mtu });
  expect(
    () =>
      new HighResiliency(stack, "Dx", {
        locations: ["EqDC2", "EqSE2"],
        bandwidth: ConnectionBandwidth.GBPS_10,
        virtualInterfaces: [vif],
      }),
  ).toThrow(`\`mtu\` ${mtu} of prod is not allowed for a ${type} virtual interface: ${allowed}.`);
});

test("warns on private MTU 9001: sources conflict (§9.1), 8500 is current", () => {
  const stack = build([privateVif({ mtu: 9001 })]);
  Annotations.fromStack(stack).hasWarning("/TestStack/Dx", Match.stringLikeRegexp("`mtu` 9001 of prod"));
});

test("fails with more than 4 transit interfaces per slot (§4.7)", () => {
  const stack = newStack();
  const gateway = new DirectConnectGateway(stack, "Gw");
  const specs = [1, 2, 3, 4, 5].map((i) =>
    VirtualInterface.transit({ name: `t${i}`, gateway, vlan: 100 + i, customerAsn: 65010 }),
  );
  expect(
    () =>
      new HighResiliency(stack, "Dx", {
        locations: ["EqDC2", "EqSE2"],
        bandwidth: ConnectionBandwidth.GBPS_10,
        virtualInterfaces: specs,
      }),
  ).toThrow(
    "`virtualInterfaces`: 5 transit virtual interfaces on every device slot; a connection or LAG carries at most 4.",
  );
});

test("fails with more than 50 private or public interfaces per slot (§4.7, §9.2)", () => {
  const specs = Array.from({ length: 51 }, (_, i) => privateVif({ name: `p${i}`, vlan: 100 + i }));
  expect(() => build(specs)).toThrow(
    /^`virtualInterfaces`: 51 virtual interfaces \(51 private or public\) on every device slot; .* at most 50 private or public and 51 in all\. \[\w+\]$/,
  );
});

test("fails when a public interface has no route filter prefixes, or no IPv4 peer addresses", () => {
  const pub = { name: "pub", vlan: 201, customerAsn: 65010 };
  expect(() =>
    build([
      VirtualInterface.publicInterface({ ...pub, routeFilterPrefixes: [], addressPool: "198.51.100.0/24" }),
    ]),
  ).toThrow(/^`routeFilterPrefixes` of pub is empty: a public virtual interface needs the public prefixes/);
  expect(() =>
    build([VirtualInterface.publicInterface({ ...pub, routeFilterPrefixes: ["203.0.113.0/24"] })]),
  ).toThrow(
    /^`peerAddresses` of pub: a public virtual interface needs public IPv4 peer addresses for every device slot/,
  );
  expect(() =>
    build([
      VirtualInterface.publicInterface({
        ...pub,
        routeFilterPrefixes: ["203.0.113.0/24"],
        peerAddresses: [
          {
            location: "EqDC2",
            slotNumber: 1,
            amazonAddress: "198.51.100.1/30",
            customerAddress: "198.51.100.2/30",
          },
        ],
      }),
    ]),
  ).toThrow("`peerAddresses` of pub: a public virtual interface needs IPv4 peer addresses for EqSE2/Slot1.");
});

test("fails when a route filter prefix is not a network address", () => {
  expect(() =>
    build([
      VirtualInterface.publicInterface({
        name: "pub",
        vlan: 201,
        customerAsn: 65010,
        routeFilterPrefixes: ["203.0.113.7/24"],
        addressPool: "198.51.100.0/24",
      }),
    ]),
  ).toThrow(
    /`routeFilterPrefixes`: "203.0.113.7\/24" is not a network address.*Did you mean 203.0.113.0\/24\?/,
  );
});

test("fails when one address family is given twice (§3.6: one peer per family)", () => {
  expect(() => build([privateVif({ addressFamilies: [AddressFamily.IPV4, AddressFamily.IPV4] })])).toThrow(
    "`addressFamilies` of prod lists ipv4 twice: a virtual interface has at most one BGP peer per address family.",
  );
  expect(() => build([privateVif({ addressFamilies: [] })])).toThrow(
    "`addressFamilies` of prod is empty: give ipv4, ipv6 or both.",
  );
});

test.each([
  [
    { amazonAddress: "169.254.0.1/30", customerAddress: "169.254.0.5/30" },
    /must be the two different host addresses of one \/30 \(here 169.254.0.1 and 169.254.0.2\)/,
  ],
  [
    { amazonAddress: "169.254.0.0/30", customerAddress: "169.254.0.1/30" },
    /must be the two different host addresses/,
  ],
  [
    { amazonAddress: "169.254.0.1/29", customerAddress: "169.254.0.2/29" },
    /both addresses must be in one \/30 or \/31/,
  ],
  [
    { amazonAddress: "169.254.0.1", customerAddress: "169.254.0.2" },
    /must be IPv4 host addresses with a prefix/,
  ],
])("fails when explicit peer addresses are %p", (addresses, message) => {
  expect(() =>
    build([privateVif({ peerAddresses: [{ location: "EqDC2", slotNumber: 1, ...addresses }] })]),
  ).toThrow(message);
});

test("fails when peer addresses give one slot twice", () => {
  const pair = {
    location: "EqDC2",
    slotNumber: 1,
    amazonAddress: "169.254.0.1/30",
    customerAddress: "169.254.0.2/30",
  };
  expect(() => build([privateVif({ peerAddresses: [pair, pair] })])).toThrow(
    "`peerAddresses` of prod give EqDC2/Slot1 twice.",
  );
});

test("accepts a /31 pair", () => {
  build([
    privateVif({
      peerAddresses: [
        {
          location: "EqDC2",
          slotNumber: 1,
          amazonAddress: "169.254.0.0/31",
          customerAddress: "169.254.0.1/31",
        },
      ],
    }),
  ]);
});

test("fails when peer addresses name a slot the construct does not have", () => {
  expect(() =>
    build([
      privateVif({
        peerAddresses: [
          {
            location: "EqDC2",
            slotNumber: 2,
            amazonAddress: "169.254.0.1/30",
            customerAddress: "169.254.0.2/30",
          },
        ],
      }),
    ]),
  ).toThrow(
    /`peerAddresses` of prod name EqDC2\/Slot2, which is not a device slot of this construct: EqDC2\/Slot1, EqSE2\/Slot1\./,
  );
});

test.each(["10.0.0.0/31", "2001:db8::/64", "10.0.0.1/24"])(
  "fails when the address pool is %p",
  (addressPool) => {
    expect(() => build([privateVif({ addressPool })])).toThrow(/`addressPool`/);
  },
);

test.each(["", "-prod", "prod_a", "x".repeat(33)])("fails when the spec name is %p", (name) => {
  expect(() => build([privateVif({ name })])).toThrow(
    /^`name` ".*" of a virtual interface is not allowed: 1 to 32 letters, digits and -/,
  );
});

test("fails when two specs have names that make one logical ID", () => {
  expect(() => build([privateVif({ name: "prod-a" }), privateVif({ name: "proda", vlan: 102 })])).toThrow(
    '`name` "proda" is used by two virtual interfaces (also "prod-a"): give each its own.',
  );
});

test("fails when the interface name would pass 100 characters", () => {
  const stack = newStack();
  expect(
    () =>
      new HighResiliency(stack, "Dx", {
        locations: ["EqDC2", "EqSE2"],
        bandwidth: ConnectionBandwidth.GBPS_10,
        namePrefix: "n".repeat(80),
        virtualInterfaces: [privateVif({ name: "production-workloads" })],
      }),
  ).toThrow(
    /`namePrefix` "n+" makes the virtual interface name ".*" of 110 characters; CloudFormation allows at most 100\./,
  );
});

test("fails when a private spec has both or neither target", () => {
  const gateway = new DirectConnectGateway(newStack(), "Gw");
  // The factory records; the construct that takes the spec checks it.
  const taken = (spec: VirtualInterface) => () =>
    new HighResiliency(newStack(), "Dx", {
      locations: ["EqDC2", "EqSE2"],
      bandwidth: ConnectionBandwidth.GBPS_10,
      virtualInterfaces: [spec],
    });
  expect(taken(VirtualInterface.privateInterface({ ...base, gateway }))).toThrow(
    "`gateway` and `virtualGatewayId` of the private virtual interface prod: give exactly one (got both).",
  );
  expect(taken(VirtualInterface.privateInterface({ ...base, virtualGatewayId: undefined }))).toThrow(
    /give exactly one \(got neither\)/,
  );
  expect(taken(VirtualInterface.privateInterface({ ...base, virtualGatewayId: "vpc-123" }))).toThrow(
    /`virtualGatewayId` "vpc-123" is not allowed/,
  );
});

describe("BGP auth keys (no plain text in templates)", () => {
  test("a Secrets Manager key becomes a dynamic reference", () => {
    const stack = build([privateVif({ authKey: SecretValue.secretsManager("dx/bgp-key") })]);
    Annotations.fromStack(stack).hasNoWarning("*", Match.anyValue());
  });

  test("warns when the key is plain text, and fails when it has the wrong form", () => {
    // (an App the cfn-lint step does not see: its template carries a plain-text key on purpose)
    const { App, Stack } = jest.requireActual("aws-cdk-lib");
    const stack = new Stack(new App(), "Plain");
    new HighResiliency(stack, "Dx", {
      locations: ["EqDC2", "EqSE2"],
      bandwidth: ConnectionBandwidth.GBPS_10,
      virtualInterfaces: [privateVif({ authKey: SecretValue.unsafePlainText("s3cret-key") })],
    });
    Annotations.fromStack(stack).hasWarning(
      "/Plain/Dx",
      Match.stringLikeRegexp("`authKey` of prod is plain text"),
    );
    expect(() => build([privateVif({ authKey: SecretValue.unsafePlainText("short") })])).toThrow(
      "`authKey` of prod is not allowed: 6 to 80 printable ASCII characters without spaces.",
    );
  });

  test("fails on a Systems Manager SecureString: CloudFormation does not resolve ssm-secure in a BGP peer (cfn-lint E1027)", () => {
    const build_ = () => build([privateVif({ authKey: SecretValue.ssmSecure("/dx/bgp-key", "3") })]);
    expect(ruleIdsOf(build_)).toEqual(["authKeySsmSecure"]);
    expect(build_).toThrow(/^`authKey` of prod is a Systems Manager SecureString \(SecretValue\.ssmSecure\)/);
  });
});

describe("every mistake of a spec in one error", () => {
  /** The RuleError a construct throws. */
  function errorOf(construct: () => unknown): RuleError {
    try {
      construct();
    } catch (e) {
      return e as RuleError;
    }
    throw new Error("no error");
  }

  test("a public spec with a bad VLAN, customer ASN and route filter prefix reports all three", () => {
    const error = errorOf(() =>
      build([
        VirtualInterface.publicInterface({
          name: "pub",
          vlan: 5000,
          customerAsn: 0,
          routeFilterPrefixes: ["203.0.113.7/24"],
          addressPool: "198.51.100.0/24",
        }),
      ]),
    );
    expect(error.message.split("\n")[0]).toBe("TestStack/Dx: 3 errors:");
    expect(error.errors.map((e) => e.ruleId)).toEqual([
      "vlanRange",
      "customerAsnRange",
      "cidrNetworkAddress",
    ]);
    expect(error.message).toContain(
      "`vlan` 5000 of pub is not allowed: a whole number from 1 to 4094 (802.1Q).",
    );
    expect(error.message).toContain(
      "`customerAsn` 0 of pub is not allowed: a whole number from 1 to 4294967294.",
    );
    expect(error.message).toContain('`routeFilterPrefixes`: "203.0.113.7/24" is not a network address');
  });

  test("peer addresses for a slot the construct does not have and for one slot twice are both reported", () => {
    const pair = (slotNumber: number) => ({
      location: "EqDC2",
      slotNumber,
      amazonAddress: `169.254.0.${4 * slotNumber + 1}/30`,
      customerAddress: `169.254.0.${4 * slotNumber + 2}/30`,
    });
    const error = errorOf(() => build([privateVif({ peerAddresses: [pair(2), pair(1), pair(1)] })]));
    expect(error.errors.map((e) => e.ruleId)).toEqual(["peerAddressesSlot", "peerAddressesSlot"]);
    expect(error.message).toContain("`peerAddresses` of prod name EqDC2/Slot2, which is not a device slot");
    expect(error.message).toContain("`peerAddresses` of prod give EqDC2/Slot1 twice.");
  });

  test("the options a factory records are reported together by the construct", () => {
    const error = errorOf(() =>
      build([privateVif({ tags: { "aws:owner": "me" }, enableSiteLink: "true" } as any)]),
    );
    expect(error.errors.map((e) => e.ruleId)).toEqual(["tagKey", "propType"]);
  });
});

test("values known only at deploy (tokens) are not checked, and reach the template as they are", () => {
  const stack = newStack();
  const number = (id: string) => new CfnParameter(stack, id, { type: "Number" }).valueAsNumber;
  new HighResiliency(stack, "Dx", {
    locations: ["EqDC2", "EqSE2"],
    bandwidth: ConnectionBandwidth.GBPS_10,
    virtualInterfaces: [
      privateVif({
        vlan: number("Vlan"),
        customerAsn: number("Asn"),
        mtu: number("Mtu"),
        tags: { team: new CfnParameter(stack, "Team", { type: "String" }).valueAsString },
      }),
    ],
  });
  templateOf(stack).hasResourceProperties("AWS::DirectConnect::PrivateVirtualInterface", {
    Vlan: { Ref: "Vlan" },
    Mtu: { Ref: "Mtu" },
    Tags: [{ Key: "team", Value: { Ref: "Team" } }],
  });
});
