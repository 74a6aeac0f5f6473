import * as fs from "fs";
import * as path from "path";
import { App } from "aws-cdk-lib";
import * as fc from "fast-check";
import { plan, vif, withVpn } from "./topologies";
import { buildExampleStacks } from "../../examples/typescript/stacks";
import { ConnectionBandwidth, ConnectionTopology, DirectConnectEstate, ResiliencyModel } from "../../src";
import { mermaidDiagram, nodeId } from "../../src/analyse/diagram";
import { VirtualInterfaceType } from "../../src/core/topology";
import { FIXTURES, fixture } from "../estate/load";
import { MermaidParse, mermaidBlocks, parseMermaid } from "../support/mermaid";

// Every picture the reports draw is parsed by Mermaid's own flowchart parser (test/support/mermaid.ts), and
// every node and box it declares is a node or subgraph of its own there: no id is a keyword, none is shared.

/**
 * Words of the flowchart grammar (mermaid's flow.jison) that break or change a picture as a bare id, as far
 * as they are location codes (letters, digits and -).
 */
const KEYWORDS = [
  "default",
  "end",
  "graph",
  "flowchart",
  "flowchart-elk",
  "subgraph",
  "style",
  "linkStyle",
  "classDef",
  "class",
  "click",
  "call",
  "href",
  "direction",
  "interpolate",
  "accTitle",
  "accDescr",
  "o",
  "x",
];

/** The ids a picture declares with a label (`id["..."]`, `id(["..."])`, `id[["..."]]`, `subgraph id["..."]`). */
function declared(picture: string): string[] {
  return [...picture.matchAll(/(?:^|\s)([A-Za-z0-9_]+)(?:\[\[|\(\[|\[)"/gm)].map((m) => m[1]);
}

/** Parses the pictures and checks each: a flowchart, every declared id its own node or subgraph. */
function expectParsed(pictures: string[]): Array<Extract<MermaidParse, { vertices: string[] }>> {
  expect(pictures.length).toBeGreaterThan(0);
  return parseMermaid(pictures).map((result, i) => {
    if ("error" in result) {
      throw new Error(`Mermaid cannot parse picture ${i}:\n${pictures[i]}\n\n${result.error}`);
    }
    expect(result.type).toBe("flowchart-v2");
    const ids = declared(pictures[i]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(result.subgraphs.filter((s) => result.vertices.includes(s))).toEqual([]);
    expect([...result.vertices, ...result.subgraphs].sort()).toEqual([...ids].sort());
    return result;
  });
}

const vifs = {
  virtualInterfaces: [vif("prod", "dxgw-1", 100), vif("test", "dxgw-2", 101, VirtualInterfaceType.PRIVATE)],
};
const label = (target: string) => `Direct Connect gateway ${target}`;

/**
 * A topology on hostile location codes: on every slot a transit, a private and a public virtual interface
 * (the public one added after planning, as its peer addresses do not matter here), and a VPN backup of two
 * customer gateway devices.
 */
function hostile(model: ResiliencyModel, locations: string[]): ConnectionTopology {
  const planned = plan(model, locations, ConnectionBandwidth.GBPS_10, vifs);
  return withVpn(
    {
      ...planned,
      locations: planned.locations.map((l) => ({
        ...l,
        deviceSlots: l.deviceSlots.map((s) => ({
          ...s,
          virtualInterfaces: [
            ...s.virtualInterfaces,
            {
              ...s.virtualInterfaces[0],
              id: `${s.id}/Vif-public`,
              name: "public",
              vlan: 102,
              interfaceType: VirtualInterfaceType.PUBLIC,
              target: "",
            },
          ],
        })),
      })),
    },
    2,
  );
}

describe("node ids", () => {
  test("are letters, digits and _ and never equal for two texts", () => {
    expect(nodeId("EqDC2-Slot1")).toBe("EqDC2_2dSlot1");
    expect(nodeId("EqDC2/Slot1")).toBe("EqDC2_2fSlot1");
    expect(nodeId("a_b")).toBe("a__b");
    expect(nodeId("Zürich 1")).toBe("Z_fcrich_201");
    expect(nodeId("東京")).toBe("_u6771__u4eac_");
    fc.assert(
      fc.property(fc.fullUnicodeString(), fc.fullUnicodeString(), (a, b) => {
        expect(nodeId(a)).toMatch(/^[A-Za-z0-9_]*$/);
        if (a !== b) expect(nodeId(a)).not.toBe(nodeId(b));
      }),
    );
  });

  test("a box and a slot never share an id (locations EqDC2 and EqDC2-Slot1)", () => {
    const topology = hostile(ResiliencyModel.MAXIMUM, ["EqDC2", "EqDC2-Slot1"]);
    const picture = mermaidDiagram(topology, label);
    expect(picture).toContain('subgraph loc_EqDC2_2dSlot1["EqDC2-Slot1"]');
    expect(picture).toContain('slot_EqDC2_2fSlot1["Slot 1:');
    const [parsed] = expectParsed([picture]);
    const slots = topology.locations.flatMap((l) => l.deviceSlots);
    const targets = 3; // dxgw-1, dxgw-2, public; the VPN's transit gateway is a fourth
    expect(parsed.subgraphs).toHaveLength(2);
    expect(parsed.vertices).toHaveLength(1 + slots.length + targets + 1 + 2);
    expect(parsed.edges).toBe(slots.length * (1 + 3) + 2 * 2);
  });

  test(`location codes that are Mermaid keywords are boxes of their own: ${KEYWORDS.join(", ")}`, () => {
    const pictures = KEYWORDS.map((code) =>
      mermaidDiagram(hostile(ResiliencyModel.HIGH, [code, "EqSE2"]), label),
    );
    expectParsed(pictures).forEach((parsed, i) =>
      expect(parsed.subgraphs.sort()).toEqual([`loc_${nodeId(KEYWORDS[i])}`, "loc_EqSE2"].sort()),
    );
  });

  test("location codes default and end, together and as a name prefix of each other", () => {
    expectParsed([
      mermaidDiagram(hostile(ResiliencyModel.MAXIMUM, ["default", "end"]), label),
      mermaidDiagram(hostile(ResiliencyModel.HIGH, ["end", "end-1"]), label),
      mermaidDiagram(hostile(ResiliencyModel.DEVELOPMENT_AND_TEST, ["default"]), label),
    ]);
  });
});

describe("every picture the reports draw parses", () => {
  test("the example app's constructs", () => {
    const reports = buildExampleStacks(new App()).map((c) => c.report());
    expectParsed(reports.flatMap(mermaidBlocks));
  });

  test("every estate fixture's report", () => {
    const names = fs.readdirSync(FIXTURES).filter((n) => fs.statSync(path.join(FIXTURES, n)).isDirectory());
    expect(names.length).toBeGreaterThan(0);
    const pictures = names.flatMap((name) =>
      mermaidBlocks(DirectConnectEstate.fromDescribeOutputs(fixture(name), { title: name }).report()),
    );
    expectParsed(pictures);
  });
});

describe("Cloud WAN core networks", () => {
  const CORE = "core-network-0123456789abcdef0";

  /** The hostile topology with both gateways attached to one core network (labels with quotes and |). */
  function attached(locations: string[]): ConnectionTopology {
    return {
      ...hostile(ResiliencyModel.MAXIMUM, locations),
      coreNetworkAttachments: [
        { directConnectGatewayId: "dxgw-1", coreNetworkId: CORE, edgeLocations: ["us-east-1", "eu-west-1"] },
        {
          directConnectGatewayId: "dxgw-2",
          coreNetworkId: CORE,
          edgeLocations: ["us-west-2"],
          routingPolicyLabel: 'say "end" | default',
        },
        // a gateway the picture does not draw: nothing of it is drawn
        {
          directConnectGatewayId: "dxgw-9",
          coreNetworkId: "core-network-0fedcba987654321f",
          edgeLocations: ["us-east-1"],
        },
      ],
    };
  }

  test("one node per core network, one edge per attachment of a drawn gateway; it parses", () => {
    const picture = mermaidDiagram(attached(["EqDC2", "end"]), (t) =>
      t === CORE ? `Cloud WAN core network ${t}` : label(t),
    );
    const node = `cn_${nodeId(CORE)}`;
    expect(picture.split("\n").filter((l) => l.includes(`${node}[[`))).toEqual([
      `  ${node}[["Cloud WAN core network ${CORE}"]]`,
    ]);
    expect(picture).toContain(`===|"attachment, edges us-east-1, eu-west-1"| ${node}`);
    expect(picture).toContain(
      `===|"attachment, edges us-west-2<br/>routing policy label say #quot;end#quot; | default"| ${node}`,
    );
    expect(picture).not.toContain("0fedcba987654321f");
    const [parsed] = expectParsed([picture]);
    const slots = 4;
    // your routers, 4 slots, 3 targets, the VPN's gateway, 2 customer gateways, 1 core network
    expect(parsed.vertices).toHaveLength(1 + slots + 3 + 1 + 2 + 1);
    // the edges of the hostile picture, and 2 attachments
    expect(parsed.edges).toBe(slots * (1 + 3) + 2 * 2 + 2);
  });
});
