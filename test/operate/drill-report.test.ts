import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { App, Stack } from "aws-cdk-lib";
import {
  ConnectionBandwidth,
  DirectConnectGateway,
  FailoverDrill,
  HighResiliency,
  MaximumResiliencyConnections,
  ResilientConnections,
  VirtualInterface,
  VpnBackup,
} from "../../src";
import { newStack, writeAppTemplates } from "../support/synth";

// Issue 11: "the report of the failure analysis names the drills that cover each scenario". A drill step
// takes one virtual interface's BGP sessions down (the failover test,
// https://docs.aws.amazon.com/directconnect/latest/UserGuide/resiliency_failover.html): it rehearses the BGP
// side of the failures that lose that interface, never a port's optics, a device or the VPN.

const TWO = ["EqDC2", "EqSE2"];
/** The report tests need no guard alarms. */
const UNGUARDED = "report tests: no traffic";

function connections(
  stack: Stack,
  props: { specs?: string[]; bandwidth?: ConnectionBandwidth; minimumLinks?: number; vpn?: boolean } = {},
  id = "Dx",
): ResilientConnections {
  const gateway = stack.node.tryFindChild("Gateway") as DirectConnectGateway | undefined;
  const gw = gateway ?? new DirectConnectGateway(stack, "Gateway");
  return new HighResiliency(stack, id, {
    locations: id === "Dx" ? TWO : ["EqCH2", "EqDA2"],
    bandwidth: props.bandwidth ?? ConnectionBandwidth.GBPS_10,
    minimumLinks: props.minimumLinks,
    virtualInterfaces: (props.specs ?? ["prod"]).map((name, i) =>
      VirtualInterface.transit({ name, gateway: gw, vlan: 101 + i, customerAsn: 65010 }),
    ),
    vpnBackup: props.vpn
      ? VpnBackup.toTransitGateway({
          transitGatewayId: "tgw-0123456789abcdef0",
          customerGateways: [{ name: "edge1", ipAddress: "203.0.113.10", bgpAsn: 65010 }],
        })
      : undefined,
  });
}

/** The Drill cell of a single failure's row, by the failure's text. */
function drillCell(report: string, failure: string): string {
  const row = report.split("\n").find((line) => line.startsWith(`| ${failure} |`));
  if (row === undefined) throw new Error(`no row for ${failure}`);
  const cells = row.split(" | ");
  return cells[cells.length - 1].replace(/ \|$/, "");
}

describe("the report names the drill steps that rehearse each single failure", () => {
  test("without a drill, the report says nothing of drills", () => {
    const report = connections(newStack()).report();
    expect(report).not.toContain("| Drill |");
    expect(report).not.toContain("## Failover drills");
  });

  test("a location, device, port (of a one-port slot) and interface: the steps that take its BGP sessions down", () => {
    const stack = newStack();
    const dx = connections(stack, { vpn: true });
    new FailoverDrill(stack, "Drill", { connections: [dx], unguardedReason: UNGUARDED });
    const report = dx.report();
    expect(report).toContain("| Failure | Direct Connect left | Paths per gateway | VPN | Verdict | Drill |");
    expect(drillCell(report, "loss of location EqDC2")).toBe("step 1 (its BGP side)");
    expect(drillCell(report, "failure of device EqSE2/Slot1 (LAG Dx-EqSE2-d1)")).toBe(
      "step 2 (its BGP side)",
    );
    expect(drillCell(report, "failure of port EqSE2/Slot1/Port1 (Dx-EqSE2-d1-p1)")).toBe(
      "step 2 (its BGP side)",
    );
    expect(
      drillCell(report, "loss of the BGP session of virtual interface EqDC2/Slot1/Vif-prod (transit)"),
    ).toBe("step 1");
    expect(drillCell(report, "failure of customer gateway edge1 (both its tunnels)")).toBe(
      "not drillable: the failover test acts on Direct Connect BGP sessions, not on the VPN",
    );
    expect(report).toContain(
      "No failover drill rehearses these: a drill takes one interface's BGP sessions down at a time.",
    );
    expect(report).toContain(
      "| 1 | EqDC2/Slot1/Vif-prod (transit, VLAN 101) | Direct Connect gateway TestStack/Gateway |",
    );
    expect(report).toContain("Of the 11 single failures, 8 are rehearsed by drill steps");
  });

  test("a location of several slots: its steps, one at a time", () => {
    const stack = newStack();
    const gateway = new DirectConnectGateway(stack, "Gateway");
    const dx = new MaximumResiliencyConnections(stack, "Dx", {
      locations: TWO,
      bandwidth: ConnectionBandwidth.GBPS_10,
      virtualInterfaces: [VirtualInterface.transit({ name: "prod", gateway, vlan: 101, customerAsn: 65010 })],
    });
    new FailoverDrill(stack, "Drill", { connections: [dx], unguardedReason: UNGUARDED });
    expect(drillCell(dx.report(), "loss of location EqSE2")).toBe("steps 3, 4, one at a time (its BGP side)");
  });

  test("a port of a LAG that stays up loses no BGP session: not drillable; below minimum links it takes the slot down", () => {
    const stack = newStack();
    const dx = connections(stack, { bandwidth: ConnectionBandwidth.gbps(20) });
    new FailoverDrill(stack, "Drill", { connections: [dx], unguardedReason: UNGUARDED });
    expect(drillCell(dx.report(), "failure of port EqDC2/Slot1/Port2 (Dx-EqDC2-d1-p2)")).toBe(
      "not drillable: no BGP session is lost; the failover test acts on BGP sessions, not on optics or devices",
    );

    const other = newStack();
    const strict = connections(other, { bandwidth: ConnectionBandwidth.gbps(20), minimumLinks: 2 });
    new FailoverDrill(other, "Drill", { connections: [strict], unguardedReason: UNGUARDED });
    expect(drillCell(strict.report(), "failure of port EqDC2/Slot1/Port2 (Dx-EqDC2-d1-p2)")).toBe(
      "step 1 (its BGP side)",
    );
  });

  test("a drill of some specs: a device failure is rehearsed in part, an interface of another spec not at all", () => {
    const stack = newStack();
    const dx = connections(stack, { specs: ["prod", "dev"] });
    new FailoverDrill(stack, "Drill", {
      connections: [dx],
      virtualInterfaceNames: ["prod"],
      unguardedReason: UNGUARDED,
    });
    const report = dx.report();
    expect(drillCell(report, "failure of device EqDC2/Slot1 (LAG Dx-EqDC2-d1)")).toBe(
      "step 1 (its BGP side); not drilled: EqDC2/Slot1/Vif-dev",
    );
    expect(
      drillCell(report, "loss of the BGP session of virtual interface EqDC2/Slot1/Vif-dev (transit)"),
    ).toBe("none: no drill tests EqDC2/Slot1/Vif-dev");
    expect(report).toMatch(/Of the \d+ single failures, \d+ \(\d+ of them partly\) are rehearsed/);
  });

  test("two drills: each step is named by its drill", () => {
    const stack = newStack();
    const dx = connections(stack, { specs: ["prod", "dev"] });
    new FailoverDrill(stack, "ProdDrill", {
      connections: [dx],
      virtualInterfaceNames: ["prod"],
      unguardedReason: UNGUARDED,
    });
    new FailoverDrill(stack, "DevDrill", {
      connections: [dx],
      virtualInterfaceNames: ["dev"],
      unguardedReason: UNGUARDED,
    });
    const report = dx.report();
    expect(drillCell(report, "failure of device EqDC2/Slot1 (LAG Dx-EqDC2-d1)")).toBe(
      "steps TestStack/ProdDrill 1, TestStack/DevDrill 1, one at a time (its BGP side)",
    );
    expect(report).toContain("TestStack/ProdDrill tests 2 virtual interface(s)");
    expect(report).toContain("TestStack/DevDrill tests 2 virtual interface(s)");
  });

  test("a drill over two constructs numbers its steps across both; each report lists its own", () => {
    const stack = newStack();
    const east = connections(stack, {}, "Dx");
    const west = connections(stack, {}, "West");
    new FailoverDrill(stack, "Drill", { connections: [west, east], unguardedReason: UNGUARDED });
    // the drill's order: location code, then slot (EqCH2, EqDA2, EqDC2, EqSE2)
    expect(drillCell(west.report(), "loss of location EqCH2")).toBe("step 1 (its BGP side)");
    expect(drillCell(east.report(), "loss of location EqDC2")).toBe("step 3 (its BGP side)");
    expect(west.report()).toContain("TestStack/Drill tests 4 virtual interface(s)");
    expect(west.report()).toContain("| 2 | EqDA2/Slot1/Vif-prod (transit, VLAN 101) |");
    expect(east.report()).toContain("| 4 | EqSE2/Slot1/Vif-prod (transit, VLAN 101) |");
    expect(east.report()).not.toContain("EqDA2/Slot1/Vif-prod");
  });

  test("the report written into the cloud assembly has the drill", () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "dx-report-"));
    const app = new App({ outdir });
    const stack = new Stack(app, "Prod");
    const dx = connections(stack);
    new FailoverDrill(stack, "Drill", { connections: [dx], unguardedReason: UNGUARDED });
    writeAppTemplates(app);
    const written = fs.readFileSync(path.join(outdir, "Prod.Dx.dx-report.md"), "utf8");
    expect(written).toBe(dx.report());
    expect(written).toContain("## Failover drills");
  });
});
