import { CfnParameter, RemovalPolicy, Stack, Tags } from "aws-cdk-lib";
import { Match } from "aws-cdk-lib/assertions";
import {
  ConnectionBandwidth,
  DevTest,
  HighResiliency,
  MaximumResiliencyConnections,
  ResiliencyModel,
  ResilientConnections,
} from "../../src";
import { newStack, portsAndLags, templateOf } from "../support/synth";

const RG = "AWS::DirectConnect::ResiliencyGroup";

/** Counts of LAGs and ports per location, checking that every port's LAG is at the port's location. */
function layoutOf(stack: Stack) {
  const { lags, ports } = portsAndLags(templateOf(stack));
  const lagById = new Map(lags.map((l) => [l.logicalId, l]));
  const perLocation: Record<string, { lags: number; ports: number }> = {};
  for (const lag of lags) {
    const loc = lag.properties.Location;
    perLocation[loc] = perLocation[loc] ?? { lags: 0, ports: 0 };
    perLocation[loc].lags++;
  }
  for (const port of ports) {
    const lag = lagById.get(port.lag);
    expect(lag).toBeDefined();
    expect(lag!.properties.Location).toBe(port.properties.Location);
    expect(lag!.properties.ConnectionsBandwidth).toBe(port.properties.Bandwidth);
    perLocation[port.properties.Location].ports++;
  }
  return { lags, ports, perLocation };
}

describe("MaximumResiliencyConnections", () => {
  test("two device slots per location, one 10 Gbps port each, on separate LAGs", () => {
    // GIVEN
    const stack = newStack();
    // WHEN
    const dx = new MaximumResiliencyConnections(stack, "Dx", {
      locations: ["EqDC2", "EqSE2"],
      bandwidth: ConnectionBandwidth.GBPS_10,
    });
    // THEN
    const { lags, ports, perLocation } = layoutOf(stack);
    expect(perLocation).toEqual({ EqDC2: { lags: 2, ports: 2 }, EqSE2: { lags: 2, ports: 2 } });
    expect(new Set(ports.map((p) => p.lag)).size).toBe(4); // no two ports share a LAG (device)
    expect(lags.map((l) => l.properties.ConnectionsBandwidth)).toEqual(Array(4).fill("10Gbps"));
    expect(ports.map((p) => p.properties.ConnectionName).sort()).toEqual([
      "Dx-EqDC2-d1-p1",
      "Dx-EqDC2-d2-p1",
      "Dx-EqSE2-d1-p1",
      "Dx-EqSE2-d2-p1",
    ]);
    expect(lags.map((l) => l.properties.LagName).sort()).toEqual([
      "Dx-EqDC2-d1",
      "Dx-EqDC2-d2",
      "Dx-EqSE2-d1",
      "Dx-EqSE2-d2",
    ]);
    expect(dx.model).toBe(ResiliencyModel.MAXIMUM);
    expect(dx.deviceSlots.map((s) => `${s.location}/${s.slotNumber}`)).toEqual([
      "EqDC2/1",
      "EqDC2/2",
      "EqSE2/1",
      "EqSE2/2",
    ]);
    expect(dx.lags).toHaveLength(4);
    expect(dx.ports).toHaveLength(4);
  });

  test("an aggregate speed becomes a LAG of equal ports in every slot: 40 Gbps is 4 x 10 Gbps", () => {
    const stack = newStack();
    new MaximumResiliencyConnections(stack, "Dx", {
      locations: ["EqDC2", "EqSE2", "EqCH2"],
      bandwidth: ConnectionBandwidth.gbps(40),
    });
    const { lags, ports, perLocation } = layoutOf(stack);
    expect(perLocation).toEqual({
      EqCH2: { lags: 2, ports: 8 },
      EqDC2: { lags: 2, ports: 8 },
      EqSE2: { lags: 2, ports: 8 },
    });
    for (const lag of lags) {
      expect(ports.filter((p) => p.lag === lag.logicalId)).toHaveLength(4);
    }
    expect(new Set(ports.map((p) => p.properties.Bandwidth))).toEqual(new Set(["10Gbps"]));
  });

  test("800 Gbps is 2 x 400 Gbps per slot", () => {
    const stack = newStack();
    new MaximumResiliencyConnections(stack, "Dx", {
      locations: ["EqDC2", "EqSE2"],
      bandwidth: ConnectionBandwidth.gbps(800),
    });
    const { perLocation, ports } = layoutOf(stack);
    expect(perLocation.EqDC2).toEqual({ lags: 2, ports: 4 });
    expect(new Set(ports.map((p) => p.properties.Bandwidth))).toEqual(new Set(["400Gbps"]));
  });

  test("one resiliency group, maximum-resiliency, with every port's ARN", () => {
    const stack = newStack();
    const dx = new MaximumResiliencyConnections(stack, "Dx", {
      locations: ["EqDC2", "EqSE2"],
      bandwidth: ConnectionBandwidth.gbps(20),
    });
    const template = templateOf(stack);
    template.resourceCountIs(RG, 1);
    const [group] = Object.values(template.findResources(RG));
    expect(group.Properties.IntendedResiliencyModel).toBe("maximum-resiliency");
    expect(group.Properties.ResiliencyGroupName).toBe("Dx");
    const arns = group.Properties.ConnectionArns.map((a: any) => a.Ref).sort();
    expect(arns).toEqual(dx.ports.map((c) => stack.resolve(c.ref).Ref).sort());
    expect(arns).toHaveLength(8);
    expect(dx.resiliencyGroup).toBeDefined();
  });
});

describe("HighResiliency", () => {
  test("one device slot per location", () => {
    const stack = newStack();
    new HighResiliency(stack, "Dx", {
      locations: ["EqDC2", "EqSE2"],
      bandwidth: ConnectionBandwidth.GBPS_100,
    });
    const { perLocation, ports } = layoutOf(stack);
    expect(perLocation).toEqual({ EqDC2: { lags: 1, ports: 1 }, EqSE2: { lags: 1, ports: 1 } });
    expect(ports.map((p) => p.properties.Bandwidth)).toEqual(["100Gbps", "100Gbps"]);
    templateOf(stack).hasResourceProperties(RG, { IntendedResiliencyModel: "high-resiliency" });
  });

  test("200 Gbps is 2 x 100 Gbps in each location's LAG", () => {
    const stack = newStack();
    new HighResiliency(stack, "Dx", {
      locations: ["EqDC2", "EqSE2"],
      bandwidth: ConnectionBandwidth.gbps(200),
    });
    const { perLocation } = layoutOf(stack);
    expect(perLocation).toEqual({ EqDC2: { lags: 1, ports: 2 }, EqSE2: { lags: 1, ports: 2 } });
  });
});

describe("DevTest", () => {
  test("two device slots in one location", () => {
    const stack = newStack();
    const lab = new DevTest(stack, "Lab", { location: "EqDC2", bandwidth: ConnectionBandwidth.GBPS_1 });
    const { perLocation, ports } = layoutOf(stack);
    expect(perLocation).toEqual({ EqDC2: { lags: 2, ports: 2 } });
    expect(ports.map((p) => p.properties.Bandwidth)).toEqual(["1Gbps", "1Gbps"]);
    templateOf(stack).hasResourceProperties(RG, { IntendedResiliencyModel: "basic-resiliency" });
    expect(lab.model.slaPercent).toBeUndefined();
  });

  test("3 Gbps is 3 x 1 Gbps per slot", () => {
    const stack = newStack();
    new DevTest(stack, "Lab", { location: "EqDC2", bandwidth: ConnectionBandwidth.gbps(3) });
    expect(layoutOf(stack).perLocation).toEqual({ EqDC2: { lags: 2, ports: 6 } });
  });
});

describe("ResilientConnections (Classic and custom layouts)", () => {
  test("a Classic layout with three slots in one location and one in another, no resiliency group", () => {
    const stack = newStack();
    const dx = new ResilientConnections(stack, "Dx", {
      locations: [{ location: "EqDC2", deviceSlots: 3 }, { location: "EqSE2" }],
      bandwidth: ConnectionBandwidth.GBPS_10,
    });
    expect(layoutOf(stack).perLocation).toEqual({
      EqDC2: { lags: 3, ports: 3 },
      EqSE2: { lags: 1, ports: 1 },
    });
    templateOf(stack).resourceCountIs(RG, 0);
    expect(dx.model).toBe(ResiliencyModel.CLASSIC);
    expect(dx.resiliencyGroup).toBeUndefined();
    expect(dx.slotsAt("EqDC2").map((s) => s.slotNumber)).toEqual([1, 2, 3]);
  });

  test("a custom layout that claims Maximum gets the model's slots by default and its resiliency group", () => {
    const stack = newStack();
    new ResilientConnections(stack, "Dx", {
      model: ResiliencyModel.MAXIMUM,
      locations: [{ location: "EqDC2", deviceSlots: 3 }, { location: "EqSE2" }],
      bandwidth: ConnectionBandwidth.GBPS_10,
    });
    expect(layoutOf(stack).perLocation).toEqual({
      EqDC2: { lags: 3, ports: 3 },
      EqSE2: { lags: 2, ports: 2 },
    });
    templateOf(stack).hasResourceProperties(RG, { IntendedResiliencyModel: "maximum-resiliency" });
  });
});

describe("common options", () => {
  test.each([
    [undefined, "Retain", "Retain"],
    [RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE, "RetainExceptOnCreate", "Retain"],
    [RemovalPolicy.DESTROY, "Delete", "Delete"],
  ])(
    "removalPolicy %p gives every port and LAG DeletionPolicy %s and UpdateReplacePolicy %s",
    (removalPolicy, deletion, replace) => {
      const stack = newStack();
      new HighResiliency(stack, "Dx", {
        locations: ["EqDC2", "EqSE2"],
        bandwidth: ConnectionBandwidth.gbps(20),
        removalPolicy,
      });
      const { lags, ports } = portsAndLags(templateOf(stack));
      expect(lags.length + ports.length).toBe(6);
      for (const r of [...lags, ...ports]) {
        expect([r.deletionPolicy, r.updateReplacePolicy]).toEqual([deletion, replace]);
      }
    },
  );

  test("providerName, requestMacSec and namePrefix reach every port and LAG", () => {
    const stack = newStack();
    new MaximumResiliencyConnections(stack, "Dx", {
      locations: ["EqDC2", "EqSE2"],
      bandwidth: ConnectionBandwidth.gbps(20),
      providerName: "Example Carrier",
      requestMacSec: true,
      namePrefix: "acme prod",
      resiliencyGroupName: "acme-prod-dx",
    });
    const template = templateOf(stack);
    const { lags, ports } = portsAndLags(template);
    for (const r of [...lags, ...ports]) {
      expect(r.properties).toMatchObject({ ProviderName: "Example Carrier", RequestMACSec: true });
    }
    expect(lags.map((l) => l.properties.LagName)).toContain("acme prod-EqSE2-d2");
    expect(ports.map((p) => p.properties.ConnectionName)).toContain("acme prod-EqSE2-d2-p2");
    template.hasResourceProperties(RG, { ResiliencyGroupName: "acme-prod-dx" });
  });

  test("the default resiliency group name replaces characters its pattern does not allow", () => {
    const stack = newStack();
    new HighResiliency(stack, "Dx", {
      locations: ["EqDC2", "EqSE2"],
      bandwidth: ConnectionBandwidth.GBPS_10,
      namePrefix: "acme prod/dx",
    });
    templateOf(stack).hasResourceProperties(RG, { ResiliencyGroupName: "acme-prod-dx" });
  });

  test("resiliencyGroup: false leaves the group out", () => {
    const stack = newStack();
    const dx = new HighResiliency(stack, "Dx", {
      locations: ["EqDC2", "EqSE2"],
      bandwidth: ConnectionBandwidth.GBPS_10,
      resiliencyGroup: false,
    });
    templateOf(stack).resourceCountIs(RG, 0);
    expect(dx.resiliencyGroup).toBeUndefined();
  });

  test("minimumLinks is set on every LAG, and MACsec is absent unless requested", () => {
    const stack = newStack();
    new HighResiliency(stack, "Dx", {
      locations: ["EqDC2", "EqSE2"],
      bandwidth: ConnectionBandwidth.gbps(40),
      minimumLinks: 2,
    });
    const { lags, ports } = portsAndLags(templateOf(stack));
    expect(lags.map((l) => l.properties.MinimumLinks)).toEqual([2, 2]);
    for (const r of [...lags, ...ports]) {
      expect(r.properties.RequestMACSec).toBeUndefined();
    }
  });

  test("the default name prefix is the construct id with other characters replaced", () => {
    const stack = newStack();
    new HighResiliency(stack, "Core.Dx", {
      locations: ["EqDC2", "EqSE2"],
      bandwidth: ConnectionBandwidth.GBPS_10,
    });
    templateOf(stack).hasResourceProperties("AWS::DirectConnect::Lag", { LagName: "Core-Dx-EqDC2-d1" });
  });

  test("an unresolved namePrefix is passed through unvalidated", () => {
    const stack = newStack();
    const prefix = new CfnParameter(stack, "Prefix", { type: "String" }).valueAsString;
    new HighResiliency(stack, "Dx", {
      locations: ["EqDC2", "EqSE2"],
      bandwidth: ConnectionBandwidth.GBPS_10,
      namePrefix: prefix,
    });
    templateOf(stack).hasResourceProperties("AWS::DirectConnect::Lag", {
      LagName: { "Fn::Join": ["", [{ Ref: "Prefix" }, "-EqDC2-d1"]] },
    });
    templateOf(stack).hasResourceProperties(RG, { ResiliencyGroupName: { Ref: "Prefix" } });
  });

  test("Tags.of() reaches every LAG, port and the resiliency group", () => {
    const stack = newStack();
    const dx = new MaximumResiliencyConnections(stack, "Dx", {
      locations: ["EqDC2", "EqSE2"],
      bandwidth: ConnectionBandwidth.GBPS_10,
    });
    Tags.of(dx).add("cost-centre", "network");
    const template = templateOf(stack);
    const tagged = Match.objectLike({ Tags: Match.arrayWith([{ Key: "cost-centre", Value: "network" }]) });
    for (const type of ["AWS::DirectConnect::Lag", "AWS::DirectConnect::Connection", RG]) {
      const all = Object.values(template.findResources(type));
      expect(all.length).toBeGreaterThan(0);
      expect(Object.keys(template.findResources(type, { Properties: tagged }))).toHaveLength(all.length);
    }
  });

  test("summary() names the model, SLA, survived failures and ports per location", () => {
    const stack = newStack();
    const dx = new MaximumResiliencyConnections(stack, "Dx", {
      locations: ["EqSE2", "EqDC2"],
      bandwidth: ConnectionBandwidth.gbps(20),
    });
    expect(dx.summary()).toBe(
      [
        `TestStack/Dx: Maximum Resiliency, SLA 99.99%. Survives ${ResiliencyModel.MAXIMUM.survives}.`,
        // 4 slots of 20 Gbps in 2 locations: losing a location leaves 2 slots, 40 Gbps
        "  Computed: survives any 1 device or location failure with >= 40 Gbps of Direct Connect left; worst: loss of location EqDC2.",
        "  EqDC2: 4 x 10 Gbps ports in 2 device slots, 20 Gbps per slot",
        "  EqSE2: 4 x 10 Gbps ports in 2 device slots, 20 Gbps per slot",
        "  resiliency group Dx (maximum-resiliency), 8 connections",
      ].join("\n"),
    );
  });
});

describe.each([
  [
    "MaximumResiliencyConnections",
    (s: Stack) =>
      new MaximumResiliencyConnections(s, "Dx", {
        locations: ["EqDC2", "EqSE2"],
        bandwidth: ConnectionBandwidth.gbps(20),
      }),
    "maximum-resiliency",
  ],
  [
    "HighResiliency",
    (s: Stack) =>
      new HighResiliency(s, "Dx", { locations: ["EqDC2", "EqSE2"], bandwidth: ConnectionBandwidth.gbps(20) }),
    "high-resiliency",
  ],
  [
    "DevTest",
    (s: Stack) => new DevTest(s, "Dx", { location: "EqDC2", bandwidth: ConnectionBandwidth.gbps(20) }),
    "basic-resiliency",
  ],
])("%s", (_name, make, intended) => {
  test("names follow <prefix>-<location>-d<slot>[-p<member>], ports and LAGs are retained, the group holds every port", () => {
    const stack = newStack();
    const dx = make(stack);
    const template = templateOf(stack);
    const { lags, ports } = portsAndLags(template);
    for (const lag of lags) {
      expect(lag.properties.LagName).toMatch(new RegExp(`^Dx-${lag.properties.Location}-d[12]$`));
      expect([lag.deletionPolicy, lag.updateReplacePolicy]).toEqual(["Retain", "Retain"]);
    }
    const lagNames = new Map(lags.map((l) => [l.logicalId, l.properties.LagName]));
    for (const port of ports) {
      expect(port.properties.ConnectionName).toMatch(new RegExp(`^${lagNames.get(port.lag)}-p[12]$`));
      expect([port.deletionPolicy, port.updateReplacePolicy]).toEqual(["Retain", "Retain"]);
    }
    const [group] = Object.values(template.findResources(RG));
    expect(group.Properties.IntendedResiliencyModel).toBe(intended);
    expect(group.Properties.ConnectionArns).toHaveLength(ports.length);
    expect(dx.deviceSlots.every((s) => s.ports.length === 2 && s.capacityGbps === 20)).toBe(true);
  });
});
