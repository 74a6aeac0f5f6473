/* eslint-disable no-bitwise -- FNV-1a hashing and /30 arithmetic */
import { SecretValue, Stack } from "aws-cdk-lib";
import { Annotations, Match } from "aws-cdk-lib/assertions";
import {
  AddressFamily,
  ConnectionBandwidth,
  DevTest,
  DirectConnectGateway,
  HighResiliency,
  MaximumResiliencyConnections,
  ResiliencyModel,
  ResilientConnections,
  PrivateVirtualInterfaceOptions,
  VirtualInterface,
} from "../../src";
import { newStack, templateOf } from "../support/synth";

const TRANSIT = "AWS::DirectConnect::TransitVirtualInterface";
const PRIVATE = "AWS::DirectConnect::PrivateVirtualInterface";
const PUBLIC = "AWS::DirectConnect::PublicVirtualInterface";
const KEY = SecretValue.secretsManager("dx/bgp-key");

type Make = (stack: Stack, vifs: VirtualInterface[]) => ResilientConnections;
const MODELS: Array<[string, Make, number]> = [
  [
    "Maximum",
    (s, v) =>
      new MaximumResiliencyConnections(s, "Dx", {
        locations: ["EqDC2", "EqSE2"],
        bandwidth: ConnectionBandwidth.gbps(20),
        virtualInterfaces: v,
      }),
    4,
  ],
  [
    "High",
    (s, v) =>
      new HighResiliency(s, "Dx", {
        locations: ["EqDC2", "EqSE2"],
        bandwidth: ConnectionBandwidth.GBPS_10,
        virtualInterfaces: v,
      }),
    2,
  ],
  [
    "DevTest",
    (s, v) =>
      new DevTest(s, "Dx", {
        location: "EqDC2",
        bandwidth: ConnectionBandwidth.GBPS_1,
        virtualInterfaces: v,
      }),
    2,
  ],
  [
    "Classic",
    (s, v) =>
      new ResilientConnections(s, "Dx", {
        locations: [{ location: "EqDC2", deviceSlots: 3 }],
        bandwidth: ConnectionBandwidth.GBPS_10,
        virtualInterfaces: v,
      }),
    3,
  ],
];

type Spec = [string, string, (stack: Stack) => VirtualInterface, (props: any) => void];
const SPECS: Spec[] = [
  [
    "transit",
    TRANSIT,
    (s) =>
      VirtualInterface.transit({
        name: "prod",
        gateway: new DirectConnectGateway(s, "Gw"),
        vlan: 101,
        customerAsn: 65010,
        authKey: KEY,
      }),
    (p) =>
      expect(p.DirectConnectGatewayId).toEqual({
        "Fn::GetAtt": [expect.stringMatching(/^Gw/), "DirectConnectGatewayId"],
      }),
  ],
  [
    "private to a Direct Connect gateway",
    PRIVATE,
    (s) =>
      VirtualInterface.privateInterface({
        name: "prod",
        gateway: new DirectConnectGateway(s, "Gw"),
        vlan: 101,
        customerAsn: 65010,
        authKey: KEY,
      }),
    (p) =>
      expect(p.DirectConnectGatewayId).toEqual({
        "Fn::GetAtt": [expect.stringMatching(/^Gw/), "DirectConnectGatewayId"],
      }),
  ],
  [
    "private to a virtual private gateway",
    PRIVATE,
    () =>
      VirtualInterface.privateInterface({
        name: "prod",
        virtualGatewayId: "vgw-0123456789abcdef0",
        vlan: 101,
        customerAsn: 65010,
        authKey: KEY,
      }),
    (p) =>
      expect([p.VirtualGatewayId, p.DirectConnectGatewayId]).toEqual(["vgw-0123456789abcdef0", undefined]),
  ],
  [
    "public",
    PUBLIC,
    () =>
      VirtualInterface.publicInterface({
        name: "prod",
        vlan: 101,
        customerAsn: 65010,
        authKey: KEY,
        routeFilterPrefixes: ["203.0.113.0/24"],
        addressPool: "198.51.100.0/24",
      }),
    (p) => expect(p.RouteFilterPrefixes).toEqual(["203.0.113.0/24"]),
  ],
];

describe.each(MODELS)("%s", (_model, make, slots) => {
  test.each(SPECS)(
    "a %s spec becomes one interface on every device slot, on the slot's LAG",
    (_kind, type, spec, target) => {
      const stack = newStack();
      const dx = make(stack, [spec(stack)]);
      const template = templateOf(stack);
      const vifs = Object.entries(template.findResources(type));
      expect(vifs).toHaveLength(slots);
      const lagIds = dx.deviceSlots.map((s) => stack.getLogicalId(s.lag!)).sort();
      expect(vifs.map(([, v]) => v.Properties.ConnectionId.Ref).sort()).toEqual(lagIds);
      for (const [logicalId, vif] of vifs) {
        const slot = dx.deviceSlots.find(
          (s) => stack.getLogicalId(s.lag!) === vif.Properties.ConnectionId.Ref,
        )!;
        expect(logicalId).toMatch(new RegExp(`^Dx${slot.location}Slot${slot.slotNumber}Vifprod[0-9A-F]{8}$`));
        expect(vif.Properties).toMatchObject({
          Vlan: 101,
          VirtualInterfaceName: `Dx-${slot.location}-d${slot.slotNumber}-prod`,
          BgpPeers: [
            {
              AddressFamily: "ipv4",
              Asn: "65010",
              AuthKey: "{{resolve:secretsmanager:dx/bgp-key:SecretString:::}}",
            },
          ],
        });
        target(vif.Properties);
      }
      expect(dx.virtualInterfaces).toHaveLength(slots);
      expect(dx.virtualInterfacesNamed("prod").map((v) => `${v.location}/${v.slotNumber}`)).toEqual(
        dx.deviceSlots.map((s) => `${s.location}/${s.slotNumber}`),
      );
    },
  );
});

test("an IPv4 and an IPv6 session per interface; MTU, SiteLink and tags", () => {
  const stack = newStack();
  const gateway = new DirectConnectGateway(stack, "Gw");
  new HighResiliency(stack, "Dx", {
    locations: ["EqDC2", "EqSE2"],
    bandwidth: ConnectionBandwidth.GBPS_10,
    virtualInterfaces: [
      VirtualInterface.transit({
        name: "prod",
        gateway,
        vlan: 101,
        customerAsn: 65010,
        addressFamilies: [AddressFamily.IPV4, AddressFamily.IPV6],
        mtu: 8500,
        enableSiteLink: true,
        tags: { purpose: "prod" },
      }),
    ],
  });
  const vifs = Object.values(templateOf(stack).findResources(TRANSIT));
  expect(vifs).toHaveLength(2);
  for (const vif of vifs) {
    expect(vif.Properties).toMatchObject({
      Mtu: 8500,
      EnableSiteLink: true,
      Tags: [{ Key: "purpose", Value: "prod" }],
      BgpPeers: [
        { AddressFamily: "ipv4", Asn: "65010" },
        { AddressFamily: "ipv6", Asn: "65010" },
      ],
    });
    expect(vif.Properties.BgpPeers[1].AmazonAddress).toBeUndefined(); // AWS assigns IPv6 peers
    expect(vif.Properties.BgpPeers[0].AuthKey).toBeUndefined(); // AWS generates a key
  }
});

describe("peer addresses", () => {
  /** FNV-1a 32-bit, as README and the addressPool doc define the carving. */
  function fnv1a(text: string): number {
    let h = 0x811c9dc5;
    for (const ch of text) {
      h ^= ch.charCodeAt(0);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h;
  }
  const peersOf = (stack: Stack) =>
    Object.fromEntries(
      Object.values(templateOf(stack).findResources(PRIVATE)).map((v) => [
        v.Properties.VirtualInterfaceName,
        v.Properties.BgpPeers[0],
      ]),
    );
  const build = (
    locations: string[],
    pool: string,
    extra: VirtualInterface[] = [],
    props: Partial<PrivateVirtualInterfaceOptions> = {},
  ) => {
    const stack = newStack();
    new MaximumResiliencyConnections(stack, "Dx", {
      locations,
      bandwidth: ConnectionBandwidth.GBPS_10,
      virtualInterfaces: [
        VirtualInterface.privateInterface({
          name: "prod",
          virtualGatewayId: "vgw-0123456789abcdef0",
          vlan: 101,
          customerAsn: 65010,
          addressPool: pool,
          ...props,
        }),
        ...extra,
      ],
    });
    return peersOf(stack);
  };

  test("each slot gets the /30 of the pool that FNV-1a of <name>/<location>/Slot<n> picks", () => {
    const peers = build(["EqDC2", "EqSE2"], "169.254.0.0/20");
    expect(Object.keys(peers)).toHaveLength(4);
    for (const [name, peer] of Object.entries<any>(peers)) {
      const [, location, slot] = /^Dx-(\w+)-d(\d)-prod$/.exec(name)!;
      const index = fnv1a(`prod/${location}/Slot${slot}`) % 1024; // a /20 has 1024 /30s
      const third = Math.floor((index * 4) / 256);
      const fourth = (index * 4) % 256;
      expect(peer).toMatchObject({
        AmazonAddress: `169.254.${third}.${fourth + 1}/30`,
        CustomerAddress: `169.254.${third}.${fourth + 2}/30`,
      });
    }
  });

  test("adding a location or a spec moves no existing session's addresses", () => {
    const before = build(["EqDC2", "EqSE2"], "169.254.0.0/20");
    const more = build(["EqCH2", "EqDC2", "EqSE2"], "169.254.0.0/20", [
      VirtualInterface.privateInterface({
        name: "test",
        virtualGatewayId: "vgw-0123456789abcdef0",
        vlan: 102,
        customerAsn: 65010,
        addressPool: "169.254.0.0/20",
      }),
    ]);
    expect(Object.keys(more)).toHaveLength(6 + 6);
    for (const [name, peer] of Object.entries(before)) {
      expect(more[name]).toEqual(peer);
    }
  });

  test("peerAddresses pin a slot and take precedence over the pool", () => {
    const peers = build(["EqDC2", "EqSE2"], "169.254.0.0/20", [], {
      peerAddresses: [
        { location: "EqSE2", slotNumber: 2, amazonAddress: "192.0.2.9/30", customerAddress: "192.0.2.10/30" },
      ],
    });
    expect(peers["Dx-EqSE2-d2-prod"]).toMatchObject({
      AmazonAddress: "192.0.2.9/30",
      CustomerAddress: "192.0.2.10/30",
    });
    expect(peers["Dx-EqSE2-d1-prod"].AmazonAddress).toMatch(/^169\.254\./);
  });

  test("without a pool or peerAddresses, AWS assigns the IPv4 addresses", () => {
    const stack = newStack();
    new HighResiliency(stack, "Dx", {
      locations: ["EqDC2", "EqSE2"],
      bandwidth: ConnectionBandwidth.GBPS_10,
      virtualInterfaces: [
        VirtualInterface.privateInterface({
          name: "prod",
          virtualGatewayId: "vgw-0123456789abcdef0",
          vlan: 101,
          customerAsn: 65010,
        }),
      ],
    });
    for (const peer of Object.values<any>(peersOf(stack))) {
      expect([peer.AmazonAddress, peer.CustomerAddress]).toEqual([undefined, undefined]);
    }
  });

  test("fails when two sessions land on one /30, naming both", () => {
    // a /29 has two /30s: the third of three slots must share one
    expect(
      () =>
        new ResilientConnections(newStack(), "Dx", {
          locations: [{ location: "EqDC2", deviceSlots: 3 }],
          bandwidth: ConnectionBandwidth.GBPS_10,
          virtualInterfaces: [
            VirtualInterface.privateInterface({
              name: "prod",
              virtualGatewayId: "vgw-0123456789abcdef0",
              vlan: 101,
              customerAsn: 65010,
              addressPool: "169.254.0.0/29",
            }),
          ],
        }),
    ).toThrow(
      /^`addressPool`: prod on EqDC2\/Slot\d and prod on EqDC2\/Slot\d both get the peer addresses 169\.254\.0\.[04]\/30\. Give a larger pool, or pin one of them with `peerAddresses`\. \[\w+\]$/,
    );
  });
});

describe("existing circuits as device slots", () => {
  test("virtual interfaces land on existing connections and LAGs; nothing is ordered for them", () => {
    const stack = newStack();
    const gateway = new DirectConnectGateway(stack, "Gw");
    const dx = new ResilientConnections(stack, "Dx", {
      model: ResiliencyModel.MAXIMUM,
      locations: [{ location: "EqSE2" }],
      existingSlots: [
        { location: "EqDC2", slotNumber: 1, connectionId: "dxcon-fg5678gh" },
        {
          location: "EqDC2",
          slotNumber: 2,
          connectionId: "dxlag-ffrz71kw",
          bandwidth: ConnectionBandwidth.gbps(20),
        },
      ],
      bandwidth: ConnectionBandwidth.GBPS_10,
      virtualInterfaces: [VirtualInterface.transit({ name: "prod", gateway, vlan: 101, customerAsn: 65010 })],
    });
    const template = templateOf(stack);
    template.resourceCountIs("AWS::DirectConnect::Lag", 2); // EqSE2 only
    template.resourceCountIs("AWS::DirectConnect::Connection", 2);
    const vifs = Object.entries(template.findResources(TRANSIT));
    expect(vifs).toHaveLength(4);
    const connectionIds = vifs.map(([, v]) => v.Properties.ConnectionId);
    expect(connectionIds).toContain("dxcon-fg5678gh");
    expect(connectionIds).toContain("dxlag-ffrz71kw");
    expect(vifs.map(([id]) => id.replace(/[0-9A-F]{8}$/, "")).sort()).toEqual([
      "DxEqDC2Slot1Vifprod",
      "DxEqDC2Slot2Vifprod",
      "DxEqSE2Slot1Vifprod",
      "DxEqSE2Slot2Vifprod",
    ]);
    // the existing connection joins the resiliency group by ARN; the existing LAG does not (warning)
    const [group] = Object.values(template.findResources("AWS::DirectConnect::ResiliencyGroup"));
    expect(group.Properties.ConnectionArns).toHaveLength(3);
    expect(JSON.stringify(group.Properties.ConnectionArns)).toContain(":dxcon/dxcon-fg5678gh");
    Annotations.fromStack(stack).hasWarning(
      "/TestStack/Dx",
      Match.stringLikeRegexp("dxlag-ffrz71kw are existing LAGs"),
    );
    expect(dx.slotsAt("EqDC2").map((s) => [s.connectionId, s.lag, s.capacityGbps])).toEqual([
      ["dxcon-fg5678gh", undefined, 10],
      ["dxlag-ffrz71kw", undefined, 20],
    ]);
    expect(dx.summary()).toContain(
      "EqDC2: existing dxcon-fg5678gh (slot 1, 10 Gbps), dxlag-ffrz71kw (slot 2, 20 Gbps)",
    );
  });

  test("new slots can be numbered after the existing ones", () => {
    const stack = newStack();
    new ResilientConnections(stack, "Dx", {
      locations: [{ location: "EqDC2", deviceSlots: 1, firstSlotNumber: 2 }],
      existingSlots: [{ location: "EqDC2", slotNumber: 1, connectionId: "dxcon-fg5678gh" }],
      bandwidth: ConnectionBandwidth.GBPS_10,
    });
    expect(Object.keys(templateOf(stack).findResources("AWS::DirectConnect::Lag"))[0]).toMatch(
      /^DxEqDC2Slot2Lag/,
    );
  });

  test("fails when an existing slot takes a new slot's number", () => {
    expect(
      () =>
        new ResilientConnections(newStack(), "Dx", {
          locations: [{ location: "EqDC2" }],
          existingSlots: [{ location: "EqDC2", slotNumber: 1, connectionId: "dxcon-fg5678gh" }],
          bandwidth: ConnectionBandwidth.GBPS_10,
        }),
    ).toThrow(
      /`slotNumber` 1 of the existing slot dxcon-fg5678gh at EqDC2 is taken by another slot there.*`firstSlotNumber`/,
    );
  });

  test.each(["dxvif-fg5678gh", "dxcon-FG5678GH", "dxcon-123"])(
    "fails when the connection id %p is not a dxcon-/dxlag- id",
    (connectionId) => {
      expect(
        () =>
          new ResilientConnections(newStack(), "Dx", {
            locations: [],
            existingSlots: [{ location: "EqDC2", slotNumber: 1, connectionId }],
            bandwidth: ConnectionBandwidth.GBPS_10,
          }),
      ).toThrow(
        /`connectionId` ".*" of an existing slot at EqDC2 is not a connection or LAG id: dxcon-\.\.\. or dxlag-\.\.\./,
      );
    },
  );

  test("fails when an existing slot's location differs from a listed one only in case", () => {
    expect(
      () =>
        new ResilientConnections(newStack(), "Dx", {
          locations: [{ location: "EqDC2" }],
          existingSlots: [{ location: "EQDC2", slotNumber: 2, connectionId: "dxcon-fg5678gh" }],
          bandwidth: ConnectionBandwidth.GBPS_10,
        }),
    ).toThrow('`existingSlots`: "EQDC2" differs from "EqDC2" only in case');
  });

  test("fails when an existing circuit is listed twice", () => {
    expect(
      () =>
        new ResilientConnections(newStack(), "Dx", {
          locations: [],
          existingSlots: [
            { location: "EqDC2", slotNumber: 1, connectionId: "dxcon-fg5678gh" },
            { location: "EqSE2", slotNumber: 1, connectionId: "dxcon-fg5678gh" },
          ],
          bandwidth: ConnectionBandwidth.GBPS_10,
        }),
    ).toThrow("`existingSlots`: dxcon-fg5678gh is listed twice.");
  });

  test("existing slots count toward the model: one existing circuit per location meets High", () => {
    const stack = newStack();
    new ResilientConnections(stack, "Dx", {
      model: ResiliencyModel.HIGH,
      locations: [],
      existingSlots: [
        { location: "EqDC2", slotNumber: 1, connectionId: "dxcon-fg5678gh" },
        { location: "EqSE2", slotNumber: 1, connectionId: "dxcon-ab1234cd" },
      ],
      bandwidth: ConnectionBandwidth.GBPS_10,
    });
    templateOf(stack).hasResourceProperties("AWS::DirectConnect::ResiliencyGroup", {
      IntendedResiliencyModel: "high-resiliency",
    });
  });
});

describe("logical IDs of virtual interfaces (design.md: a renamed VIF is a replaced BGP session)", () => {
  /** The transit interfaces of a construct of `Model` at EqDC2 and EqSE2 with the given specs. */
  const vifsOf = (
    Model: typeof HighResiliency | typeof MaximumResiliencyConnections,
    specs: (gw: DirectConnectGateway) => VirtualInterface[],
  ) => {
    const stack = newStack();
    const gateway = new DirectConnectGateway(stack, "Gw");
    new Model(stack, "Dx", {
      locations: ["EqDC2", "EqSE2"],
      bandwidth: ConnectionBandwidth.GBPS_10,
      virtualInterfaces: specs(gateway),
    });
    return templateOf(stack).findResources(TRANSIT);
  };
  const prod = (gateway: DirectConnectGateway) =>
    VirtualInterface.transit({ name: "prod", gateway, vlan: 101, customerAsn: 65010 });
  const test2 = (gateway: DirectConnectGateway) =>
    VirtualInterface.transit({ name: "test", gateway, vlan: 102, customerAsn: 65010 });
  const expectKept = (before: Record<string, any>, after: Record<string, any>, total: number) => {
    for (const [id, vif] of Object.entries(before)) {
      expect(after[id]).toEqual(vif);
    }
    expect(Object.keys(after)).toHaveLength(total);
  };

  test("replacing High by Maximum keeps every interface and adds those of slot 2", () => {
    const high = vifsOf(HighResiliency, (gw) => [prod(gw)]);
    expect(Object.keys(high)).toHaveLength(2);
    expectKept(
      high,
      vifsOf(MaximumResiliencyConnections, (gw) => [prod(gw)]),
      4,
    );
  });

  test("adding a spec keeps every existing interface", () => {
    expectKept(
      vifsOf(HighResiliency, (gw) => [prod(gw)]),
      vifsOf(HighResiliency, (gw) => [test2(gw), prod(gw)]),
      4,
    );
  });
});
