import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { App, Stack } from "aws-cdk-lib";
import { Annotations, Match } from "aws-cdk-lib/assertions";
import {
  ConnectionBandwidth,
  DevTest,
  DirectConnectGateway,
  FailureAnalysis,
  HighResiliency,
  PathVia,
  MaximumResiliencyConnections,
  PortHourPrices,
  ResiliencyModel,
  VirtualInterface,
  VpnBackup,
} from "../../src";
import { checkCapacity } from "../../src/analyse/checks";
import { raiseAll } from "../../src/core/fail";
import { planTopology } from "../../src/plan/planner";
import { newStack, templateOf, writeAppTemplates } from "../support/synth";

// Issue 9 on the constructs: sizing from requiredBandwidthGbps, the promise proven at construction, the
// expected-peak warning, the cost estimate, report() and the report file in the cloud assembly.

const TWO = ["EqDC2", "EqSE2"];
const portsOf = (stack: Stack) =>
  Object.values(templateOf(stack).findResources("AWS::DirectConnect::Connection"));

describe("sizing: requiredBandwidthGbps (what must survive the worst covered failure)", () => {
  test("Maximum in 2 locations, 30 Gbps after losing a location: 2 slots must carry 30, so 2 x 10 Gbps per slot (cheapest)", () => {
    const stack = newStack();
    const dx = new MaximumResiliencyConnections(stack, "Dx", { locations: TWO, requiredBandwidthGbps: 30 });
    // candidates keeping >= 15 Gbps per slot: 20 (8 x 10G, $13,140/month), 30, 40, 100 (4 x 100G, $65,700) ...
    expect(dx.bandwidth.toString()).toBe("20 Gbps (2 x 10 Gbps)");
    expect(portsOf(stack)).toHaveLength(8);
    expect(dx.costEstimate().monthlyUsd).toBe(8 * 2.25 * 730);
  });

  test("High in 3 locations, 50 Gbps after losing a location: 2 slots left must carry 50, so 3 x 10 Gbps", () => {
    const dx = new HighResiliency(newStack(), "Dx", {
      locations: [...TWO, "EqCH2"],
      requiredBandwidthGbps: 50,
    });
    expect(dx.bandwidth.toString()).toBe("30 Gbps (3 x 10 Gbps)");
  });

  test("Development and Test, 5 Gbps after losing a device: one 10 Gbps port per slot (4 x 1 Gbps is too little)", () => {
    const dx = new DevTest(newStack(), "Lab", { location: "EqDC2", requiredBandwidthGbps: 5 });
    expect(dx.bandwidth.toString()).toBe("10 Gbps (1 port)");
  });

  test("the sizing follows the prices: with cheap 100 Gbps ports it takes one 100 Gbps port", () => {
    const dx = new DevTest(newStack(), "Lab", {
      location: "EqDC2",
      requiredBandwidthGbps: 25,
      portHourPrices: PortHourPrices.of({ gbps100: 2 }),
    });
    expect(dx.bandwidth.toString()).toBe("100 Gbps (1 port)");
  });

  test("fails when no bandwidth can keep the requirement, saying the most any gives", () => {
    expect(
      () =>
        new MaximumResiliencyConnections(newStack(), "Dx", { locations: TWO, requiredBandwidthGbps: 2000 }),
    ).toThrow(
      /^`requiredBandwidthGbps` 2000 cannot be kept .* the most any bandwidth gives is 1600 Gbps \(800 Gbps \(2 x 400 Gbps\) per device slot\)/,
    );
  });

  test("fails when a given bandwidth cannot keep the requirement", () => {
    expect(
      () =>
        new HighResiliency(newStack(), "Dx", {
          locations: TWO,
          bandwidth: ConnectionBandwidth.GBPS_10,
          requiredBandwidthGbps: 20,
        }),
    ).toThrow(
      /^`requiredBandwidthGbps` 20: with `bandwidth` 10 Gbps \(1 port\) the worst failure the model covers leaves 10 Gbps\./,
    );
  });

  test.each([0, -5, NaN, "10"])("fails when requiredBandwidthGbps is %p", (value) => {
    expect(
      () => new HighResiliency(newStack(), "Dx", { locations: TWO, requiredBandwidthGbps: value as any }),
    ).toThrow(/^`requiredBandwidthGbps` .* is not allowed: a positive number of Gbps\. \[\w+\]$/);
  });

  test("fails when neither bandwidth nor requiredBandwidthGbps is given", () => {
    expect(() => new HighResiliency(newStack(), "Dx", { locations: TWO })).toThrow(
      /^`bandwidth` is required/,
    );
  });
});

describe("expectedPeakGbps", () => {
  test("warns when the worst covered failure leaves less than the expected peak (RECO: sufficient capacity)", () => {
    const stack = newStack();
    new HighResiliency(stack, "Dx", {
      locations: TWO,
      bandwidth: ConnectionBandwidth.GBPS_10,
      expectedPeakGbps: 15,
    });
    Annotations.fromStack(stack).hasWarning(
      "/TestStack/Dx",
      Match.stringLikeRegexp("`expectedPeakGbps` 15: the worst failure the model covers leaves 10 Gbps"),
    );
  });

  test("no warning when the peak fits after the worst covered failure", () => {
    const stack = newStack();
    new HighResiliency(stack, "Dx", {
      locations: TWO,
      bandwidth: ConnectionBandwidth.GBPS_10,
      expectedPeakGbps: 10,
    });
    Annotations.fromStack(stack).hasNoWarning("*", Match.anyValue());
  });
});

describe("the promise, proven", () => {
  test("fails when a High layout's slot in EqSE2 never carries (counter-example: the port in EqDC2)", () => {
    const { topology } = planTopology({
      model: ResiliencyModel.HIGH,
      bandwidth: ConnectionBandwidth.GBPS_10,
      namePrefix: "Dx",
      locations: [
        { location: "EqDC2", deviceSlots: 1 },
        { location: "EqSE2", deviceSlots: 1 },
      ],
    });
    // one port, but two must be up: the slot in EqSE2 is never up (the design rule modelPromise)
    const broken = {
      ...topology,
      locations: topology.locations.map((l) =>
        l.location !== "EqSE2"
          ? l
          : { ...l, deviceSlots: l.deviceSlots.map((s) => ({ ...s, minimumLinks: 2 })) },
      ),
    };
    // checkCapacity returns findings; raiseAll throws them as the construct does
    expect(checkCapacity(topology, { bandwidth: topology.bandwidth })).toEqual([]);
    expect(() => raiseAll(checkCapacity(broken, { bandwidth: topology.bandwidth }), "Dx")).toThrow(
      /^`model`: this layout does not meet High Resiliency: it promises to survive any 1 port failure, but failure of port EqDC2\/Slot1\/Port1 \(Dx-EqDC2-d1-p1\) leaves 0 Gbps\. \[\w+\]$/,
    );
  });
  test("the summary states the computed verdict of each model", () => {
    const lab = new DevTest(newStack(), "Lab", { location: "EqDC2", bandwidth: ConnectionBandwidth.GBPS_1 });
    expect(lab.summary().split("\n")[1]).toBe(
      "  Computed: survives any 1 device failure with >= 1 Gbps of Direct Connect left; worst: failure of device EqDC2/Slot1 (LAG Lab-EqDC2-d1).",
    );
  });

  test("failureAnalysis(2) has every scenario of up to two failures", () => {
    const dx = new HighResiliency(newStack(), "Dx", {
      locations: TWO,
      bandwidth: ConnectionBandwidth.GBPS_10,
    });
    // single failures: 2 locations, 2 slots, 2 ports. Within a location, location > slot > port all nest (no
    // pair); across the two locations every pair counts: 3 x 3 = 9.
    expect(dx.failureAnalysis(2).scenarioCount).toBe(6 + 9);
    expect(FailureAnalysis.countScenarios(dx.topology, 2)).toBe(15);
    expect(dx.failureAnalysis().scenarioCount).toBe(6);
  });
});

describe("the VPN backup backs only the gateway it terminates on", () => {
  const TGW = "tgw-0123456789abcdef0";
  function high(stack: Stack, gateway: DirectConnectGateway) {
    return new HighResiliency(stack, "Dx", {
      locations: TWO,
      bandwidth: ConnectionBandwidth.GBPS_10,
      virtualInterfaces: [VirtualInterface.transit({ name: "prod", gateway, vlan: 101, customerAsn: 65010 })],
      vpnBackup: VpnBackup.toTransitGateway({
        transitGatewayId: TGW,
        customerGateways: [{ name: "edge1", ipAddress: "203.0.113.10", bgpAsn: 65010 }],
      }),
    });
  }
  const bothLocations = (dx: HighResiliency) =>
    dx
      .failureAnalysis(2)
      .scenarios()
      .find((s) => s.failures.map((f) => f.id).join(" + ") === "EqDC2 + EqSE2")!;

  test("a Direct Connect gateway associated with another transit gateway has no VPN path", () => {
    // GIVEN
    const stack = newStack();
    const gateway = new DirectConnectGateway(stack, "Gateway");
    gateway.associateTransitGateway("Other", {
      transitGatewayId: "tgw-0fedcba9876543210",
      allowedPrefixes: ["10.0.0.0/16"],
    });
    // WHEN
    const dx = high(stack, gateway);
    // THEN
    expect(dx.topology.gatewayAssociations).toEqual([
      { directConnectGatewayId: gateway.gatewayId, associatedGatewayId: "tgw-0fedcba9876543210" },
    ]);
    expect(bothLocations(dx)).toMatchObject({ paths: [{ via: PathVia.NONE }], vpnOnly: false });
  });

  test("an association made after the construct counts: the VPN then backs the gateway", () => {
    // GIVEN
    const stack = newStack();
    const gateway = new DirectConnectGateway(stack, "Gateway");
    const dx = high(stack, gateway);
    expect(bothLocations(dx)).toMatchObject({ paths: [{ via: PathVia.NONE }] });
    // WHEN
    gateway.associateTransitGateway("Tgw", { transitGatewayId: TGW, allowedPrefixes: ["10.0.0.0/16"] });
    // THEN
    expect(bothLocations(dx)).toMatchObject({ paths: [{ via: PathVia.VPN }], vpnOnly: true });
    expect(dx.failureAnalysis().baseline.paths).toEqual([
      { target: gateway.gatewayId, via: PathVia.DIRECT_CONNECT, bgpSessions: 2 },
    ]);
  });
});

describe("the report", () => {
  function production(stack: Stack) {
    const gateway = new DirectConnectGateway(stack, "Gateway");
    gateway.associateTransitGateway("Tgw", {
      transitGatewayId: "tgw-0123456789abcdef0",
      allowedPrefixes: ["10.0.0.0/16"],
    });
    return new MaximumResiliencyConnections(stack, "Dx", {
      locations: TWO,
      bandwidth: ConnectionBandwidth.GBPS_10,
      virtualInterfaces: [VirtualInterface.transit({ name: "prod", gateway, vlan: 101, customerAsn: 65010 })],
    });
  }

  test("has the diagram, the verdicts, every single failure, the worst pairs, sizing and cost", () => {
    const report = production(newStack()).report();
    expect(report).toMatch(/^# Direct Connect report: TestStack\/Dx\n/);
    expect(report).toContain("```mermaid\nflowchart LR\n");
    expect(report).toContain('slot_EqDC2_2fSlot1 -->|"prod VLAN 101"| gw1');
    expect(report).toContain("| any 1 device failure | met | 30 Gbps | - |");
    expect(report).toContain("| any 1 location failure | met | 20 Gbps | - |");
    // 2 locations + 4 slots + 4 ports + 4 interfaces = 14 single failures
    const single = report.split("## Single failures")[1].split("## Up to 2")[0];
    expect(single.split("\n").filter((l) => l.startsWith("| ") && !l.startsWith("| Failure"))).toHaveLength(
      14,
    );
    expect(report).toContain(
      "| loss of location EqDC2 + loss of location EqSE2 | 0 Gbps | Direct Connect gateway TestStack/Gateway: **none** | - | beyond the model |",
    );
    expect(report).toContain("Estimated port-hour cost: **$6,570.00 per month** (4 port(s) x 730 hours)");
  });

  test("is written into the cloud assembly at synth, next to the templates", () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "dx-report-"));
    const app = new App({ outdir });
    const dx = production(new Stack(app, "Prod"));
    writeAppTemplates(app);
    expect(fs.readFileSync(path.join(outdir, "Prod.Dx.dx-report.md"), "utf8")).toBe(dx.report());
    expect(fs.existsSync(path.join(outdir, "Prod.template.json"))).toBe(true);
  });

  test.each([0, 1.5, "2"])("fails when reportMaxFailures is %p", (value) => {
    expect(
      () =>
        new HighResiliency(newStack(), "Dx", {
          locations: TWO,
          bandwidth: ConnectionBandwidth.GBPS_10,
          reportMaxFailures: value as any,
        }),
    ).toThrow(/^`reportMaxFailures` .* is not allowed: a whole number from 1 to 10\. \[\w+\]$/);
  });

  test("fails when portHourPrices is not a PortHourPrices", () => {
    expect(
      () =>
        new HighResiliency(newStack(), "Dx", {
          locations: TWO,
          bandwidth: ConnectionBandwidth.GBPS_10,
          portHourPrices: { gbps10: 1 } as any,
        }),
    ).toThrow(/^`portHourPrices` an object is not a PortHourPrices/);
  });
});
