import { Match } from "aws-cdk-lib/assertions";
import {
  ConnectionBandwidth,
  DirectConnectGateway,
  MaximumResiliencyConnections,
  RateLimit,
  ResilientConnections,
  RuleCatalogue,
  VirtualInterface,
} from "../../src";
import { newStack, templateOf } from "../support/synth";

describe("RateLimit", () => {
  test.each([
    [RateLimit.mbps(50), "50Mbps", 0.05, "50 Mbps"],
    [RateLimit.mbps(500), "500Mbps", 0.5, "500 Mbps"],
    [RateLimit.gbps(1), "1Gbps", 1, "1 Gbps"],
    [RateLimit.gbps(5), "5Gbps", 5, "5 Gbps"],
    [RateLimit.gbps(1600), "1600Gbps", 1600, "1600 Gbps"],
  ])("%s: the CloudFormation value, its Gbps and its text", (limit, value, gbps, text) => {
    expect(limit.value).toBe(value);
    expect(limit.value).toMatch(/^[0-9]+\.?[0-9]*(Mbps|Gbps|Tbps)$/); // the registry schemas' pattern
    expect(limit.rateGbps).toBe(gbps);
    expect(limit.toString()).toBe(text);
  });

  test.each([0, 25, 150, 600, 1000, 1.5])("RateLimit.mbps(%p) is refused with what is allowed", (n) => {
    expect(() => RateLimit.mbps(n)).toThrow(
      `\`rateLimit\`: RateLimit.mbps(${n}) is not a rate Direct Connect takes. Allowed: RateLimit.mbps(n) with n ` +
        "50, 100, 200, 300, 400 or 500, or RateLimit.gbps(n) with n a whole number from 1 to 1600",
    );
  });

  test("RateLimit.mbps(2000) points at RateLimit.gbps(2)", () => {
    expect(() => RateLimit.mbps(2000)).toThrow("(use RateLimit.gbps(2)).");
  });

  test.each([0, -1, 2.5, 1601, NaN])("RateLimit.gbps(%p) is refused with its rule id", (n) => {
    expect(() => RateLimit.gbps(n)).toThrow(`RateLimit.gbps(${n}) is not a rate Direct Connect takes.`);
    try {
      RateLimit.gbps(n);
    } catch (e) {
      expect(RuleCatalogue.ruleIdsOf((e as Error).message)).toEqual(["rateLimitValue"]);
    }
  });
});

describe("rateLimit on virtual interface specs", () => {
  function build(bandwidth: ConnectionBandwidth, vifs: (g: DirectConnectGateway) => VirtualInterface[]) {
    const stack = newStack();
    const gateway = new DirectConnectGateway(stack, "Gw", { amazonSideAsn: 64512 });
    new MaximumResiliencyConnections(stack, "Dx", {
      locations: ["EqDC2", "EqSE2"],
      bandwidth,
      virtualInterfaces: vifs(gateway),
    });
    return stack;
  }

  test("every interface of a spec has RateLimit in the template, on every interface type", () => {
    const stack = build(ConnectionBandwidth.gbps(20), (gateway) => [
      VirtualInterface.transit({
        name: "prod",
        gateway,
        vlan: 101,
        customerAsn: 65010,
        rateLimit: RateLimit.gbps(5),
      }),
      VirtualInterface.privateInterface({
        name: "priv",
        virtualGatewayId: "vgw-0123456789abcdef0",
        vlan: 102,
        customerAsn: 65010,
        rateLimit: RateLimit.mbps(500),
      }),
      VirtualInterface.publicInterface({
        name: "pub",
        vlan: 103,
        customerAsn: 65010,
        routeFilterPrefixes: ["203.0.113.0/24"],
        addressPool: "198.51.100.0/24",
        rateLimit: RateLimit.gbps(20),
      }),
      VirtualInterface.transit({ name: "free", gateway, vlan: 104, customerAsn: 65010 }),
    ]);
    const template = templateOf(stack);
    const of = (type: string, rate: unknown) =>
      template.resourcePropertiesCountIs(type, { RateLimit: rate }, 4);
    of("AWS::DirectConnect::TransitVirtualInterface", "5Gbps");
    of("AWS::DirectConnect::PrivateVirtualInterface", "500Mbps");
    of("AWS::DirectConnect::PublicVirtualInterface", "20Gbps");
    template.resourcePropertiesCountIs(
      "AWS::DirectConnect::TransitVirtualInterface",
      { VirtualInterfaceName: Match.stringLikeRegexp("free$"), RateLimit: Match.absent() },
      4,
    );
  });

  test("a rate limit above the slot's capacity is an error naming the spec, the slot and the capacity", () => {
    expect(() =>
      build(ConnectionBandwidth.GBPS_10, (gateway) => [
        VirtualInterface.transit({
          name: "prod",
          gateway,
          vlan: 101,
          customerAsn: 65010,
          rateLimit: RateLimit.gbps(20),
        }),
      ]),
    ).toThrow(
      "`rateLimit` of prod: 20Gbps is above the 10 Gbps of its LAG on EqDC2/Slot1; a rate limit is at most the " +
        "capacity of the connection or LAG: 10 Gbps or less. [rateLimitAboveSlot]",
    );
  });

  test("an existing circuit: its bandwidth is the cap", () => {
    const stack = newStack();
    const gateway = new DirectConnectGateway(stack, "Gw", { amazonSideAsn: 64512 });
    expect(
      () =>
        new ResilientConnections(stack, "Dx", {
          locations: [],
          existingSlots: [{ location: "EqDC2", slotNumber: 1, connectionId: "dxcon-fg5678gh" }],
          bandwidth: ConnectionBandwidth.GBPS_1,
          virtualInterfaces: [
            VirtualInterface.transit({
              name: "prod",
              gateway,
              vlan: 101,
              customerAsn: 65010,
              rateLimit: RateLimit.gbps(2),
            }),
          ],
        }),
    ).toThrow(
      "`rateLimit` of prod: 2Gbps is above the 1 Gbps of the existing circuit dxcon-fg5678gh on EqDC2/Slot1",
    );
  });

  test("more than 10 specs with a rate limit is an error", () => {
    expect(() =>
      build(ConnectionBandwidth.GBPS_10, (gateway) =>
        Array.from({ length: 11 }, (_, i) =>
          VirtualInterface.privateInterface({
            name: `p${i}`,
            gateway,
            vlan: 200 + i,
            customerAsn: 65010,
            rateLimit: RateLimit.gbps(1),
          }),
        ),
      ),
    ).toThrow(
      "`rateLimit`: 11 virtual interfaces with a rate limit on every device slot (p0, p1, p2, p3, p4, p5, p6, p7, " +
        "p8, p9, p10); a dedicated connection or LAG takes at most 10. [rateLimitsPerSlot]",
    );
  });

  test("a rateLimit that is not a RateLimit (plain JavaScript) names the prop", () => {
    expect(() =>
      build(ConnectionBandwidth.GBPS_10, (gateway) => [
        VirtualInterface.transit({
          name: "prod",
          gateway,
          vlan: 101,
          customerAsn: 65010,
          rateLimit: "5Gbps" as any,
        }),
      ]),
    ).toThrow(
      '`rateLimit` of prod must be a RateLimit (RateLimit.mbps(n) or RateLimit.gbps(n)), got "5Gbps".',
    );
  });
});

test("the report's slot table shows each interface's rate limit and a slot capped by them", () => {
  const stack = newStack();
  const gateway = new DirectConnectGateway(stack, "Gw", { amazonSideAsn: 64512 });
  const dx = new MaximumResiliencyConnections(stack, "Dx", {
    locations: ["EqDC2", "EqSE2"],
    bandwidth: ConnectionBandwidth.gbps(20),
    virtualInterfaces: [
      VirtualInterface.transit({
        name: "prod",
        gateway,
        vlan: 101,
        customerAsn: 65010,
        rateLimit: RateLimit.gbps(5),
      }),
    ],
  });
  const report = dx.report();
  expect(report).toContain(
    "| EqDC2 | 1 | LAG Dx-EqDC2-d1, 2 x 10Gbps | 20 Gbps (rate-limited to 5 Gbps) | prod (transit, VLAN 101, rate limit 5 Gbps) to ",
  );
  // 4 slots of 5 Gbps: 20 Gbps with nothing failed
  expect(report).toContain("20 Gbps of Direct Connect");
});
