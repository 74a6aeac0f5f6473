import { Stack } from "aws-cdk-lib";
import { Annotations, Match } from "aws-cdk-lib/assertions";
import {
  ConnectionBandwidth,
  DevTest,
  DirectConnectAudit,
  DirectConnectEstate,
  DirectConnectGateway,
  HighResiliency,
  IDirectConnectGateway,
  MaximumResiliencyConnections,
  PortHourPrices,
  RuleCatalogue,
  VirtualInterface,
} from "../../src";
import { MAXIMUM, rawLayout } from "../audit/raw";
import { fixture } from "../estate/load";
import { newApp, newStack, templateOf } from "../support/synth";

const PRIVATE = "AWS::DirectConnect::PrivateVirtualInterface";
const TRANSIT = "AWS::DirectConnect::TransitVirtualInterface";
const PUBLIC = "AWS::DirectConnect::PublicVirtualInterface";
const GW = "5f294f92-bafb-4011-916d-9b0b0e1a2b3c";
const PRIVATE_GW = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

/** The rule ids an error message names. */
function idsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    return RuleCatalogue.ruleIdsOf((e as Error).message);
  }
  throw new Error("did not throw");
}

/** Maximum resiliency at EqDC2 and EqSE2 (2 slots each: 4 slots), 10 Gbps per slot (one 10G port). */
function maximum(vifs: (transit: IDirectConnectGateway, priv: IDirectConnectGateway) => VirtualInterface[]) {
  const stack = newStack();
  // a Direct Connect gateway takes transit or private interfaces, not both: one of each
  const transit = DirectConnectGateway.fromGatewayId(stack, "Gw", GW);
  const priv = DirectConnectGateway.fromGatewayId(stack, "PrivateGw", PRIVATE_GW);
  const dx = new MaximumResiliencyConnections(stack, "Dx", {
    locations: ["EqDC2", "EqSE2"],
    bandwidth: ConnectionBandwidth.GBPS_10,
    virtualInterfaces: vifs(transit, priv),
  });
  return { stack, dx };
}

const siteLinkTransit = (gateway: IDirectConnectGateway) =>
  VirtualInterface.transit({ name: "wan", gateway, vlan: 101, customerAsn: 65010, enableSiteLink: true });
const plainPrivate = () =>
  VirtualInterface.privateInterface({
    name: "apps",
    virtualGatewayId: "vgw-0123456789abcdef0",
    vlan: 102,
    customerAsn: 65010,
  });

describe("enableSiteLink in the template", () => {
  test("EnableSiteLink is on the interfaces of the specs that ask for it, and only there", () => {
    // GIVEN / WHEN
    const { stack } = maximum((transit, priv) => [
      siteLinkTransit(transit),
      VirtualInterface.privateInterface({
        name: "dc",
        gateway: priv,
        vlan: 103,
        customerAsn: 65010,
        enableSiteLink: true,
      }),
      plainPrivate(),
    ]);
    // THEN: each spec lands on the 4 slots
    const template = templateOf(stack);
    template.resourcePropertiesCountIs(TRANSIT, { EnableSiteLink: true }, 4);
    template.resourcePropertiesCountIs(
      PRIVATE,
      { VirtualInterfaceName: Match.stringLikeRegexp("-dc$"), EnableSiteLink: true },
      4,
    );
    template.resourcePropertiesCountIs(
      PRIVATE,
      { VirtualInterfaceName: Match.stringLikeRegexp("-apps$"), EnableSiteLink: Match.absent() },
      4,
    );
  });

  test("the topology marks the SiteLink interfaces", () => {
    const { dx } = maximum((gateway) => [siteLinkTransit(gateway), plainPrivate()]);
    const vifs = dx.topology.locations.flatMap((l) => l.deviceSlots).flatMap((s) => s.virtualInterfaces);
    expect(vifs.filter((v) => v.siteLink === true).map((v) => v.id)).toEqual([
      "EqDC2/Slot1/Vif-wan",
      "EqDC2/Slot2/Vif-wan",
      "EqSE2/Slot1/Vif-wan",
      "EqSE2/Slot2/Vif-wan",
    ]);
    expect(vifs.filter((v) => v.name === "apps").every((v) => v.siteLink === undefined)).toBe(true);
  });
});

/** High resiliency at EqDC2 and EqSE2 (one slot each) with these specs. */
function high(stack: ReturnType<typeof newStack>, vifs: VirtualInterface[]) {
  return new HighResiliency(stack, "Dx", {
    locations: ["EqDC2", "EqSE2"],
    bandwidth: ConnectionBandwidth.GBPS_10,
    virtualInterfaces: vifs,
  });
}

/** A public spec with what it needs, and `extra` options. */
const publicSpec = (extra: object = {}) =>
  VirtualInterface.publicInterface({
    name: "pub",
    vlan: 101,
    customerAsn: 65010,
    routeFilterPrefixes: ["203.0.113.0/24"],
    addressPool: "198.51.100.0/24",
    ...extra,
  });

describe("SiteLink rules", () => {
  test("fails when a private interface with SiteLink lands on a virtual private gateway", () => {
    const build = () =>
      high(newStack(), [
        VirtualInterface.privateInterface({
          name: "vpc",
          virtualGatewayId: "vgw-0123456789abcdef0",
          vlan: 101,
          customerAsn: 65010,
          enableSiteLink: true,
        }),
      ]);
    expect(build).toThrow(
      "`enableSiteLink` of the private virtual interface vpc: it lands on a virtual private gateway " +
        "(`virtualGatewayId`), and SiteLink links the interfaces of one Direct Connect gateway",
    );
    expect(idsOf(build)).toEqual(["siteLinkVirtualGateway"]);
  });

  test("fails when a public interface is given enableSiteLink (plain JavaScript)", () => {
    // (not in PublicVirtualInterfaceOptions: only a caller without static types can pass it)
    const build = () => high(newStack(), [publicSpec({ enableSiteLink: true })]);
    expect(build).toThrow(
      "`enableSiteLink` of the public virtual interface pub: SiteLink works on private and transit virtual " +
        "interfaces only",
    );
    expect(idsOf(build)).toEqual(["siteLinkInterfaceType"]);
  });

  test("a public interface without enableSiteLink has no EnableSiteLink", () => {
    const stack = newStack();
    high(stack, [publicSpec()]);
    templateOf(stack).resourcePropertiesCountIs(PUBLIC, { EnableSiteLink: Match.absent() }, 2);
  });

  test("warns when every SiteLink interface is at one location (nothing to link)", () => {
    const stack = newStack();
    const gateway = DirectConnectGateway.fromGatewayId(stack, "Gw", GW);
    new DevTest(stack, "Dx", {
      location: "EqDC2",
      bandwidth: ConnectionBandwidth.GBPS_10,
      virtualInterfaces: [siteLinkTransit(gateway)],
    });
    Annotations.fromStack(stack).hasWarning(
      "/TestStack/Dx",
      Match.stringLikeRegexp(
        "`enableSiteLink` of wan: every interface is at EqDC2, so SiteLink has no other Direct Connect location",
      ),
    );
    Annotations.fromStack(stack).hasWarning(
      "/TestStack/Dx",
      Match.stringLikeRegexp("cdk-direct-connect-resiliency:siteLinkOneLocation"),
    );
  });

  test("two locations: no SiteLink warning", () => {
    const { stack } = maximum((gateway) => [siteLinkTransit(gateway)]);
    Annotations.fromStack(stack).hasNoWarning("*", Match.stringLikeRegexp("SiteLink"));
  });

  test("the three rules are in the catalogue with an AWS source", () => {
    for (const id of ["siteLinkInterfaceType", "siteLinkVirtualGateway", "siteLinkOneLocation"]) {
      const rule = RuleCatalogue.all().find((r) => r.id === id);
      expect(rule?.source).toMatch(
        /^https:\/\/aws\.amazon\.com\/blogs\/networking-and-content-delivery\/.*sitelink/,
      );
      expect(rule?.prop).toBe("enableSiteLink");
    }
  });
});

describe("SiteLink in the report", () => {
  test("the SiteLink paths: the location pairs of the gateway, and the slot table marks the interfaces", () => {
    const { dx } = maximum((gateway) => [siteLinkTransit(gateway), plainPrivate()]);
    const report = dx.report();
    expect(report).toContain("### SiteLink paths");
    // 2 locations x 2 slots: 4 SiteLink interfaces, one pair of locations
    expect(report).toMatch(
      /\| [^|]*5f294f92-bafb-4011-916d-9b0b0e1a2b3c[^|]* \| EqDC2, EqSE2 \| 4 \| EqDC2 <-> EqSE2 \|/,
    );
    expect(report).toContain("wan (transit, VLAN 101, SiteLink) to ");
    expect(report).toContain("apps (private, VLAN 102) to ");
    // the diagram labels the SiteLink interfaces
    expect(report).toContain('"wan VLAN 101 SiteLink"');
  });

  test("three locations: every pair of them", () => {
    const stack = newStack();
    const gateway = DirectConnectGateway.fromGatewayId(stack, "Gw", GW);
    const dx = new HighResiliency(stack, "Dx", {
      locations: ["EqSE2", "EqDC2", "EqNY5"],
      bandwidth: ConnectionBandwidth.GBPS_10,
      virtualInterfaces: [siteLinkTransit(gateway)],
    });
    expect(dx.report()).toMatch(
      /\| EqDC2, EqNY5, EqSE2 \| 3 \| EqDC2 <-> EqNY5<br>EqDC2 <-> EqSE2<br>EqNY5 <-> EqSE2 \|/,
    );
  });

  test("no SiteLink: no SiteLink section and no SiteLink cost line", () => {
    const { dx } = maximum(() => [plainPrivate()]);
    const report = dx.report();
    expect(report).not.toContain("SiteLink");
    expect(dx.costEstimate().siteLink).toBeUndefined();
  });
});

describe("SiteLink in the cost estimate", () => {
  test("4 SiteLink interfaces x $0.50 x 730 hours = $1,460.00 a month, on top of the ports", () => {
    const { dx } = maximum((gateway) => [siteLinkTransit(gateway), plainPrivate()]);
    const cost = dx.costEstimate();
    // ports: 4 slots x one 10 Gbps port x $2.25 x 730 = $6,570.00
    expect(cost.monthlyUsd).toBe(6570);
    expect(cost.siteLink).toEqual({
      interfaces: 4,
      hourlyUsd: 0.5,
      monthlyUsd: 1460,
      source: expect.stringContaining(
        "SiteLink per interface hour (https://aws.amazon.com/directconnect/pricing/)",
      ),
    });
    const report = dx.report();
    expect(report).toContain(
      "SiteLink: 4 interface(s) x $0.50 per interface hour x 730 hours = **$1,460.00 per month**, so " +
        "**$8,030.00 per month** with the ports. SiteLink data transfer is billed per GB on top and is not estimated.",
    );
  });

  test("siteLinkVifHour overrides the price: 4 x $0.25 x 730 = $730.00", () => {
    const stack = newStack();
    const gateway = DirectConnectGateway.fromGatewayId(stack, "Gw", GW);
    const dx = new MaximumResiliencyConnections(stack, "Dx", {
      locations: ["EqDC2", "EqSE2"],
      bandwidth: ConnectionBandwidth.GBPS_10,
      virtualInterfaces: [siteLinkTransit(gateway)],
      portHourPrices: PortHourPrices.of({ siteLinkVifHour: 0.25, source: "our contract" }),
    });
    expect(dx.costEstimate().siteLink).toEqual({
      interfaces: 4,
      hourlyUsd: 0.25,
      monthlyUsd: 730,
      source: "our contract",
    });
    // the port prices left out stay the list prices
    expect(dx.costEstimate().monthlyUsd).toBe(6570);
  });

  test("prices given without siteLinkVifHour keep the SiteLink list price and its source", () => {
    const prices = PortHourPrices.of({ gbps10: 2, source: "our contract" });
    expect(prices.siteLinkVifHour).toBe(0.5);
    expect(prices.siteLinkSource).toBe(PortHourPrices.AWS_LIST_PRICES.siteLinkSource);
  });

  test.each([-0.5, NaN, Infinity])("fails when siteLinkVifHour is %p", (price) => {
    expect(() => PortHourPrices.of({ siteLinkVifHour: price })).toThrow(
      `\`siteLinkVifHour\` ${price} is not a price: a number of US dollars per SiteLink interface hour, 0 or more.`,
    );
    expect(idsOf(() => PortHourPrices.of({ siteLinkVifHour: price }))).toEqual(["portHourPrice"]);
  });
});

describe("SiteLink read from a live estate", () => {
  test("the estate reader: siteLinkEnabled of DescribeVirtualInterfaces marks the interfaces, and the report shows the path", () => {
    // GIVEN the Maximum fixture (4 interfaces to one gateway, 2 at EqDC2 and 2 at EqSE2), SiteLink on
    const outputs = fixture("maximum");
    const vifs = JSON.parse(JSON.stringify(outputs.describeVirtualInterfaces));
    for (const v of vifs.virtualInterfaces) v.siteLinkEnabled = true;
    // WHEN
    const estate = DirectConnectEstate.fromDescribeOutputs(
      { ...outputs, describeVirtualInterfaces: vifs },
      { title: "maximum" },
    );
    // THEN
    const topology = estate.gateways[0].topology;
    const all = topology.locations.flatMap((l) => l.deviceSlots).flatMap((s) => s.virtualInterfaces);
    expect(all.map((v) => v.siteLink)).toEqual([true, true, true, true]);
    expect(estate.report()).toMatch(/\| EqDC2, EqSE2 \| 4 \| EqDC2 <-> EqSE2 \|/);
  });

  test("the estate reader: siteLinkEnabled false leaves no mark", () => {
    const topology = DirectConnectEstate.fromDescribeOutputs(fixture("maximum"), { title: "maximum" })
      .gateways[0].topology;
    const all = topology.locations.flatMap((l) => l.deviceSlots).flatMap((s) => s.virtualInterfaces);
    expect(all.every((v) => v.siteLink === undefined)).toBe(true);
  });
});

describe("SiteLink read from an app's L1 resources (the audit)", () => {
  test("EnableSiteLink: true on raw transit interfaces marks them in the audit's topology", () => {
    // GIVEN a raw Maximum layout (4 LAGs, a transit interface on each), SiteLink on the EqDC2 ones
    const app = newApp();
    const built = rawLayout(new Stack(app, "Dx"), { slots: MAXIMUM });
    built.vifs.slice(0, 2).forEach((v) => (v.enableSiteLink = true));
    // WHEN
    const [topology] = DirectConnectAudit.topologies(app, {});
    // THEN
    const marked = topology.locations.map((l) =>
      l.deviceSlots.flatMap((s) => s.virtualInterfaces).map((v) => v.siteLink === true),
    );
    expect(marked).toEqual([
      [true, true],
      [false, false],
    ]);
  });
});
