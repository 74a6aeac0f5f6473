import * as path from "path";
import * as ts from "typescript";
import {
  ConnectionBandwidth,
  DirectConnectGateway,
  HighResiliency,
  HighResiliencyProps,
  MaximumResiliencyConnections,
  MaximumResiliencyConnectionsProps,
  ResiliencyPresetProps,
  TunnelBandwidth,
  VirtualInterface,
  VpnBackup,
} from "../src";
import { newStack, templateOf } from "./support/synth";

// Issue 14, point 5: the public API (src/index.ts, what jsii publishes to npm and PyPI) is classes,
// interfaces and enums only. Free functions and constants are helpers of the library (jsii does not publish
// them either); users reach their public equivalents through the statics, e.g. `FailureAnalysis.analyse`.

const INDEX = path.join(__dirname, "..", "src", "index.ts");

/** Every name src/index.ts exports, with the kind of its declaration and whether it is `@internal`. */
function publicExports(): Array<{ name: string; kind: string; internal: boolean }> {
  const program = ts.createProgram([INDEX], {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.Node16,
    strict: true,
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  const module = checker.getSymbolAtLocation(program.getSourceFile(INDEX)!)!;
  return checker.getExportsOfModule(module).map((symbol) => {
    // eslint-disable-next-line no-bitwise
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    const declaration = target.declarations![0];
    return {
      name: symbol.name,
      kind: ts.SyntaxKind[declaration.kind],
      internal: ts.getJSDocTags(declaration).some((tag) => tag.tagName.text === "internal"),
    };
  });
}

const EXPORTS = publicExports();

test("src/index.ts exports only classes, interfaces and enums", () => {
  const kinds = ["ClassDeclaration", "InterfaceDeclaration", "EnumDeclaration"];
  expect(EXPORTS.filter((e) => !kinds.includes(e.kind)).map((e) => `${e.name} (${e.kind})`)).toEqual([]);
  expect(EXPORTS.length).toBeGreaterThan(60);
});

test("src/index.ts exports nothing marked @internal", () => {
  expect(EXPORTS.filter((e) => e.internal).map((e) => e.name)).toEqual([]);
});

test("the former helper exports stay internal", () => {
  const names = new Set(EXPORTS.map((e) => e.name));
  const helpers = [
    "gatewayUsage",
    "registerVpnAcrossApp",
    "analyseFailures",
    "countFailureScenarios",
    "MAX_FAILURE_SCENARIOS",
    "modelPromise",
    "maxLagMembers",
    "BANDWIDTH_WHOLE_GBPS",
    "BANDWIDTH_REALISABLE",
  ];
  expect(helpers.filter((h) => names.has(h))).toEqual([]);
});

describe("deprecated names still work", () => {
  const props: ResiliencyPresetProps = {
    locations: ["EqDC2", "EqSE2"],
    bandwidth: ConnectionBandwidth.GBPS_10,
  };

  test("the props of Maximum and High, under their former names", () => {
    const maximum: MaximumResiliencyConnectionsProps = props;
    const high: HighResiliencyProps = props;
    const [a, b, c, d] = [newStack("A"), newStack("B"), newStack("C"), newStack("D")];
    new MaximumResiliencyConnections(a, "Dx", maximum);
    new MaximumResiliencyConnections(b, "Dx", props);
    new HighResiliency(c, "Dx", high);
    new HighResiliency(d, "Dx", props);
    expect(templateOf(a).toJSON()).toEqual(templateOf(b).toJSON());
    expect(templateOf(c).toJSON()).toEqual(templateOf(d).toJSON());
  });

  test("the ports under their former names: ResilientConnections.connections, DeviceSlot.memberPorts", () => {
    const dx = new MaximumResiliencyConnections(newStack(), "Dx", {
      ...props,
      bandwidth: ConnectionBandwidth.gbps(20),
    });
    expect(dx.ports).toHaveLength(8);
    expect(dx.connections).toBe(dx.ports);
    expect(dx.ports).toEqual(dx.deviceSlots.flatMap((slot) => slot.ports));
    for (const slot of dx.deviceSlots) {
      expect(slot.memberPorts).toBe(slot.slotPorts);
      expect(slot.slotPorts.map((port) => port.connection)).toEqual(slot.ports);
    }
  });
});

describe("the VPN backup's tunnel bandwidth in the topology", () => {
  for (const bandwidth of [TunnelBandwidth.STANDARD, TunnelBandwidth.LARGE]) {
    test(`${bandwidth.value}: bandwidthPerTunnel is the TunnelBandwidth; tunnelBandwidth (deprecated) its value`, () => {
      const stack = newStack();
      const gateway = new DirectConnectGateway(stack, "Gw");
      const transitGatewayId = "tgw-0123456789abcdef0";
      gateway.associateTransitGateway("Tgw", { transitGatewayId, allowedPrefixes: ["10.0.0.0/16"] });
      const dx = new HighResiliency(stack, "Dx", {
        locations: ["EqDC2", "EqSE2"],
        bandwidth: ConnectionBandwidth.GBPS_10,
        virtualInterfaces: [
          VirtualInterface.transit({ name: "prod", gateway, vlan: 101, customerAsn: 65010 }),
        ],
        vpnBackup: VpnBackup.toTransitGateway({
          transitGatewayId,
          tunnelBandwidth: bandwidth,
          customerGateways: [
            { name: "edge1", ipAddress: "203.0.113.10", bgpAsn: 65010 },
            { name: "edge2", ipAddress: "203.0.113.20", bgpAsn: 65010 },
          ],
        }),
      });
      const vpn = dx.topology.vpnBackup!;
      expect(vpn.bandwidthPerTunnel).toBe(bandwidth);
      expect(vpn.tunnelBandwidth).toBe(bandwidth.value);
      expect(vpn.tunnelBandwidthGbps).toBe(bandwidth.gbps);
    });
  }
});
