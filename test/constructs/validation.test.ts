import { Annotations as CdkAnnotations, CfnParameter, RemovalPolicy } from "aws-cdk-lib";
import { Annotations, Match } from "aws-cdk-lib/assertions";
import {
  ConnectionBandwidth,
  DevTest,
  HighResiliency,
  MaximumResiliencyConnections,
  ResiliencyModel,
  ResilientConnections,
  VirtualInterface,
} from "../../src";
import { RuleError } from "../../src/core/fail";
import { newStack, templateOf } from "../support/synth";

const TWO = ["EqDC2", "EqSE2"];
const GBPS_10 = ConnectionBandwidth.GBPS_10;

// Validation rules and their facts (docs/facts.md sections in the names).

describe("locations (facts §1.2, §7)", () => {
  test("fails when Maximum Resiliency gets one location (§1.2: two or more)", () => {
    const stack = newStack();
    expect(
      () => new MaximumResiliencyConnections(stack, "Dx", { locations: ["EqDC2"], bandwidth: GBPS_10 }),
    ).toThrow(
      /^`locations`: Maximum Resiliency needs at least 2 distinct locations, got 1 \(EqDC2\): .*use DevTest/,
    );
  });

  test("fails when High Resiliency gets no location", () => {
    expect(() => new HighResiliency(newStack(), "Dx", { locations: [], bandwidth: GBPS_10 })).toThrow(
      /`locations`: High Resiliency needs at least 2 distinct locations, got 0 \(none\)/,
    );
  });

  test("fails when a location is listed twice", () => {
    expect(
      () =>
        new MaximumResiliencyConnections(newStack(), "Dx", {
          locations: ["EqDC2", "EqDC2"],
          bandwidth: GBPS_10,
        }),
    ).toThrow(/`locations`: "EqDC2" is listed twice\./);
  });

  test("fails when two location codes differ only in case (§7: case sensitivity unconfirmed)", () => {
    expect(
      () => new HighResiliency(newStack(), "Dx", { locations: ["EqDC2", "EQDC2"], bandwidth: GBPS_10 }),
    ).toThrow(
      /`locations`: "EQDC2" is listed twice \(as "EqDC2"; location codes that differ only in case are one location\)/,
    );
  });

  test.each(["Eq DC2", "EqDC2!", "Eq_DC2", ""])(
    "fails when the location code %p is outside ^[a-zA-Z0-9-]+$ (§7)",
    (code) => {
      expect(
        () => new HighResiliency(newStack(), "Dx", { locations: ["EqSE2", code], bandwidth: GBPS_10 }),
      ).toThrow(/`locations`: ".*" is not a Direct Connect location code: allowed are letters, digits and -/);
    },
  );

  test("fails when the DevTest location is outside the pattern, naming `location`", () => {
    expect(() => new DevTest(newStack(), "Lab", { location: "Eq/DC2", bandwidth: GBPS_10 })).toThrow(
      /^`location`: "Eq\/DC2" is not a Direct Connect location code/,
    );
  });

  test("fails when a location is an unresolved token: it names logical IDs", () => {
    const stack = newStack();
    const loc = new CfnParameter(stack, "Loc").valueAsString;
    expect(() => new HighResiliency(stack, "Dx", { locations: ["EqDC2", loc], bandwidth: GBPS_10 })).toThrow(
      /`locations`: \$\{Token\[.*\]\} is not a literal location code/,
    );
    expect(() => new DevTest(stack, "Lab", { location: loc, bandwidth: GBPS_10 })).toThrow(
      /`location`: .* is not a literal location code/,
    );
  });

  test("fails when locations is missing (plain JavaScript caller)", () => {
    expect(() => new HighResiliency(newStack(), "Dx", { bandwidth: GBPS_10 } as any)).toThrow(
      /`locations` is required: a list of Direct Connect locations, got undefined/,
    );
  });

  test("fails when a custom layout claims Maximum with one device slot in a location", () => {
    expect(
      () =>
        new ResilientConnections(newStack(), "Dx", {
          model: ResiliencyModel.MAXIMUM,
          locations: [{ location: "EqDC2", deviceSlots: 1 }, { location: "EqSE2" }],
          bandwidth: GBPS_10,
        }),
    ).toThrow(/`deviceSlots` of EqDC2 is 1: Maximum Resiliency needs at least 2 device slots/);
  });

  test.each([0, -1, 1.5, 11, 2 ** 53, 4294967295])(
    "fails when deviceSlots is %p: 1 to 10, the account quotas of connections per location and LAGs (facts §4.7)",
    (deviceSlots) => {
      expect(
        () =>
          new ResilientConnections(newStack(), "Dx", {
            locations: [{ location: "EqDC2", deviceSlots }],
            bandwidth: GBPS_10,
          }),
      ).toThrow(
        new RegExp(
          `^\`deviceSlots\` ${deviceSlots} is not allowed: a whole number from 1 to 10 \\(at EqDC2; each slot is at ` +
            "least one dedicated connection and one LAG, and the account quotas are 10 of each\\)\\. \\[\\w+\\]$",
        ),
      );
    },
  );

  test.each([0, 100, 2 ** 53])(
    "fails when firstSlotNumber is %p: slot numbers are 1 to 99",
    (firstSlotNumber) => {
      expect(
        () =>
          new ResilientConnections(newStack(), "Dx", {
            locations: [{ location: "EqDC2", firstSlotNumber }],
            bandwidth: GBPS_10,
          }),
      ).toThrow(
        new RegExp(
          `^\`firstSlotNumber\` ${firstSlotNumber} is not allowed: a whole number from 1 to 99\\. \\[\\w+\\]$`,
        ),
      );
    },
  );

  test("fails when the slots numbered from firstSlotNumber go past 99", () => {
    expect(
      () =>
        new ResilientConnections(newStack(), "Dx", {
          locations: [{ location: "EqDC2", firstSlotNumber: 98, deviceSlots: 3 }],
          bandwidth: GBPS_10,
        }),
    ).toThrow("`firstSlotNumber` 98 of EqDC2 numbers its 3 slots up to 100; slot numbers go up to 99.");
  });
});

describe("bandwidth (facts §4.1, §4.2)", () => {
  test("fails when the bandwidth cannot be built, naming the nearest values that can", () => {
    expect(() => ConnectionBandwidth.gbps(50)).toThrow(
      /`bandwidth`: 50 Gbps cannot be built .* Nearest that can: 40 Gbps \(4 x 10 Gbps\) or 100 Gbps \(1 port\)\./,
    );
  });

  test("fails when the bandwidth is missing (plain JavaScript caller)", () => {
    expect(() => new HighResiliency(newStack(), "Dx", { locations: TWO } as any)).toThrow(
      /`bandwidth` is required, got undefined: for example ConnectionBandwidth.GBPS_10/,
    );
  });
});

describe("MACsec (facts §4.3, §9.4)", () => {
  test("fails when MACsec is requested on 1 Gbps ports", () => {
    expect(
      () =>
        new HighResiliency(newStack(), "Dx", {
          locations: TWO,
          bandwidth: ConnectionBandwidth.gbps(2),
          requestMacSec: true,
        }),
    ).toThrow(/`requestMacSec`: MACsec is not offered on 1 Gbps ports \(bandwidth 2 Gbps \(2 x 1 Gbps\)\)/);
  });

  test("warns when MACsec is requested on 400 Gbps ports (unconfirmed by AWS prose)", () => {
    const stack = newStack();
    new HighResiliency(stack, "Dx", {
      locations: TWO,
      bandwidth: ConnectionBandwidth.GBPS_400,
      requestMacSec: true,
    });
    Annotations.fromStack(stack).hasWarning(
      "/TestStack/Dx",
      Match.stringLikeRegexp("`requestMacSec` on 400 Gbps ports"),
    );
    templateOf(stack);
  });

  test.each([ConnectionBandwidth.GBPS_10, ConnectionBandwidth.GBPS_100, ConnectionBandwidth.gbps(40)])(
    "accepts MACsec on %s without a warning",
    (bandwidth) => {
      const stack = newStack();
      new HighResiliency(stack, "Dx", { locations: TWO, bandwidth, requestMacSec: true });
      Annotations.fromStack(stack).hasNoWarning("*", Match.anyValue());
    },
  );
});

describe("names (facts §3.1–3.3)", () => {
  test.each(["acme.prod", "a*b", "dx:1"])(
    "fails when namePrefix %p has characters names do not allow",
    (namePrefix) => {
      expect(
        () => new HighResiliency(newStack(), "Dx", { locations: TWO, bandwidth: GBPS_10, namePrefix }),
      ).toThrow(/`namePrefix` ".*" has characters CloudFormation does not allow in connection and LAG names/);
    },
  );

  // "<prefix>-EqDC2-d1-p1": the suffix has 12 characters, so 188 is the longest prefix that fits
  test("fails when namePrefix makes names longer than 200 characters", () => {
    const namePrefix = "x".repeat(190);
    expect(
      () => new HighResiliency(newStack(), "Dx", { locations: TWO, bandwidth: GBPS_10, namePrefix }),
    ).toThrow(
      /`namePrefix` "x{60}\.\.\." makes connection names of 202 characters; CloudFormation allows at most 200. Use a prefix of at most 188 characters/,
    );
  });

  test("accepts the longest namePrefix that fits", () => {
    const stack = newStack();
    new HighResiliency(stack, "Dx", {
      locations: TWO,
      bandwidth: GBPS_10,
      namePrefix: "x".repeat(188),
      resiliencyGroupName: "g",
    });
    expect(
      Object.values(templateOf(stack).findResources("AWS::DirectConnect::Connection"))[0].Properties
        .ConnectionName,
    ).toHaveLength(200);
  });

  test.each(["my group", "a/b", "x".repeat(256)])(
    "fails when resiliencyGroupName %p is outside its pattern",
    (name) => {
      expect(
        () =>
          new HighResiliency(newStack(), "Dx", {
            locations: TWO,
            bandwidth: GBPS_10,
            resiliencyGroupName: name,
          }),
      ).toThrow(/`resiliencyGroupName` ".*" is not allowed: 1 to 255 letters, digits, _ and - \(no spaces/);
    },
  );
});

describe("resiliency group (facts §3.3)", () => {
  // 13 locations x 2 slots x 2 ports = 52 connections
  const THIRTEEN = Array.from({ length: 13 }, (_, i) => `Loc${i + 1}`);

  test("fails when the group would hold more than 50 connections", () => {
    expect(
      () =>
        new MaximumResiliencyConnections(newStack(), "Dx", {
          locations: THIRTEEN,
          bandwidth: ConnectionBandwidth.gbps(20),
        }),
    ).toThrow(
      /`locations`: the resiliency group would hold 52 connections \(26 device slots\); a resiliency group holds at most 50\..*`resiliencyGroup: false`/,
    );
  });

  test("accepts the same layout without a group, warning about the LAG and connection quotas", () => {
    const stack = newStack();
    new MaximumResiliencyConnections(stack, "Dx", {
      locations: THIRTEEN,
      bandwidth: ConnectionBandwidth.gbps(20),
      resiliencyGroup: false,
    });
    Annotations.fromStack(stack).hasWarning(
      "/TestStack/Dx",
      Match.stringLikeRegexp("26 LAGs; the Direct Connect quota is 10 LAGs per Region"),
    );
    templateOf(stack).resourceCountIs("AWS::DirectConnect::Connection", 52);
  });

  test("fails when a Classic layout asks for a resiliency group", () => {
    expect(
      () =>
        new ResilientConnections(newStack(), "Dx", {
          locations: [{ location: "EqDC2" }],
          bandwidth: GBPS_10,
          resiliencyGroup: true,
        }),
    ).toThrow(/`resiliencyGroup`: the Classic model has no IntendedResiliencyModel/);
  });

  test("fails when resiliencyGroupName is set but resiliencyGroup is false", () => {
    expect(
      () =>
        new HighResiliency(newStack(), "Dx", {
          locations: TWO,
          bandwidth: GBPS_10,
          resiliencyGroup: false,
          resiliencyGroupName: "g",
        }),
    ).toThrow(/`resiliencyGroupName` "g" is set, but there is no resiliency group/);
  });
});

describe("quotas (facts §4.7)", () => {
  test("warns when a location gets more than 10 dedicated connections", () => {
    const stack = newStack();
    new ResilientConnections(stack, "Dx", {
      locations: [{ location: "EqDC2", deviceSlots: 3 }],
      bandwidth: ConnectionBandwidth.gbps(40),
    });
    Annotations.fromStack(stack).hasWarning(
      "/TestStack/Dx",
      Match.stringLikeRegexp("EqDC2 gets 12 dedicated connections; the Direct Connect quota is 10"),
    );
    templateOf(stack);
  });

  test("counts the connections of existing circuits at the location too", () => {
    const stack = newStack();
    new ResilientConnections(stack, "Dx", {
      locations: [{ location: "EqDC2", deviceSlots: 2, firstSlotNumber: 3 }],
      existingSlots: [
        {
          location: "EqDC2",
          slotNumber: 1,
          connectionId: "dxlag-ab12cd34",
          bandwidth: ConnectionBandwidth.gbps(40),
        },
        { location: "EqDC2", slotNumber: 2, connectionId: "dxcon-fg5678gh" },
      ],
      bandwidth: ConnectionBandwidth.gbps(30),
    });
    Annotations.fromStack(stack).hasWarning(
      "/TestStack/Dx",
      Match.stringLikeRegexp(
        "EqDC2 gets 11 dedicated connections \\(6 new, 5 existing\\); the Direct Connect quota is 10",
      ),
    );
  });

  test("fails when an existing connection (one port) is given a LAG's bandwidth", () => {
    expect(
      () =>
        new ResilientConnections(newStack(), "Dx", {
          locations: [{ location: "EqSE2" }],
          existingSlots: [
            {
              location: "EqDC2",
              slotNumber: 1,
              connectionId: "dxcon-fg5678gh",
              bandwidth: ConnectionBandwidth.gbps(20),
            },
          ],
          bandwidth: GBPS_10,
        }),
    ).toThrow(
      "`bandwidth` of the existing connection dxcon-fg5678gh is 20 Gbps (2 x 10 Gbps): a connection is one port " +
        "(1, 10, 100 or 400 Gbps). For a LAG, give its dxlag- id.",
    );
  });

  test("does not warn at 10 connections in a location", () => {
    const stack = newStack();
    new ResilientConnections(stack, "Dx", {
      locations: [{ location: "EqDC2", deviceSlots: 5 }],
      bandwidth: ConnectionBandwidth.gbps(20),
    });
    Annotations.fromStack(stack).hasNoWarning("*", Match.anyValue());
  });
});

describe("minimumLinks (facts §3.2, §4.2)", () => {
  test.each([3, -1, 1.5])("fails when minimumLinks is %p with 2 ports per LAG", (minimumLinks) => {
    expect(
      () =>
        new HighResiliency(newStack(), "Dx", {
          locations: TWO,
          bandwidth: ConnectionBandwidth.gbps(20),
          minimumLinks,
        }),
    ).toThrow(
      /`minimumLinks` .* is not possible: each LAG has 2 port\(s\) .*allowed are whole numbers from 0 to 2/,
    );
  });

  test("warns that MinimumLinks cannot be set when the LAG is first created, and the warning can be acknowledged", () => {
    const stack = newStack();
    const dx = new HighResiliency(stack, "Dx", {
      locations: TWO,
      bandwidth: ConnectionBandwidth.gbps(20),
      minimumLinks: 1,
    });
    Annotations.fromStack(stack).hasWarning(
      "/TestStack/Dx",
      Match.stringLikeRegexp("cannot be set when CloudFormation first creates a LAG"),
    );
    CdkAnnotations.of(dx).acknowledgeWarning(
      "cdk-direct-connect-resiliency:minimumLinksOnCreate",
      "LAGs exist",
    );
    Annotations.fromStack(stack).hasNoWarning("*", Match.anyValue());
  });
});

describe("removalPolicy and providerName", () => {
  test("fails when removalPolicy is SNAPSHOT", () => {
    expect(
      () =>
        new HighResiliency(newStack(), "Dx", {
          locations: TWO,
          bandwidth: GBPS_10,
          removalPolicy: RemovalPolicy.SNAPSHOT,
        }),
    ).toThrow(/`removalPolicy` SNAPSHOT is not supported by Direct Connect connections and LAGs/);
  });

  test("warns when removalPolicy is DESTROY (facts §5: a deleted port is a removed cross-connect)", () => {
    const stack = newStack();
    new HighResiliency(stack, "Dx", {
      locations: TWO,
      bandwidth: GBPS_10,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    Annotations.fromStack(stack).hasWarning(
      "/TestStack/Dx",
      Match.stringLikeRegexp("`removalPolicy` DESTROY"),
    );
  });

  test("fails when providerName is empty", () => {
    expect(
      () => new HighResiliency(newStack(), "Dx", { locations: TWO, bandwidth: GBPS_10, providerName: " " }),
    ).toThrow(/`providerName` is empty/);
  });
});

describe("nothing half-built", () => {
  test("a failed construct leaves no resource in the stack", () => {
    const stack = newStack();
    expect(
      () =>
        new MaximumResiliencyConnections(stack, "Dx", { locations: ["EqDC2", "EqDC2"], bandwidth: GBPS_10 }),
    ).toThrow();
    expect(templateOf(stack).toJSON().Resources).toBeUndefined();
  });
});

describe("every error of a construct in one synth", () => {
  test("four independent mistakes are reported together, each with its rule id", () => {
    let error: RuleError | undefined;
    try {
      new HighResiliency(newStack(), "Dx", {
        locations: ["EqDC2", "eq dc2!"],
        bandwidth: GBPS_10,
        removalPolicy: RemovalPolicy.SNAPSHOT,
        virtualInterfaces: [
          VirtualInterface.publicInterface({
            name: "pub",
            vlan: 5000,
            customerAsn: 65000,
            routeFilterPrefixes: ["203.0.113.0/24"],
          }),
        ],
      });
    } catch (e) {
      error = e as RuleError;
    }
    expect(error?.message.split("\n")[0]).toBe("TestStack/Dx: 4 errors:");
    expect(error?.errors.map((e) => e.ruleId)).toEqual([
      "removalPolicySupported",
      "locationCodeFormat",
      "vlanRange",
      "publicPeerAddresses",
    ]);
    for (const e of error!.errors) expect(error!.message).toContain(e.message);
    expect(error?.ruleId).toBe("removalPolicySupported");
  });

  test("a bad location code, minimumLinks 9 and removalPolicy SNAPSHOT: all three in one error", () => {
    let error: RuleError | undefined;
    try {
      new MaximumResiliencyConnections(newStack(), "Dx", {
        locations: ["EqDC2", "Eq SE2"],
        bandwidth: ConnectionBandwidth.gbps(20),
        minimumLinks: 9,
        removalPolicy: RemovalPolicy.SNAPSHOT,
      });
    } catch (e) {
      error = e as RuleError;
    }
    expect(error?.message.split("\n")[0]).toBe("TestStack/Dx: 3 errors:");
    expect(error?.errors.map((e) => e.ruleId)).toEqual([
      "removalPolicySupported",
      "locationCodeFormat",
      "minimumLinksRange",
    ]);
    expect(error?.message).toContain('`locations`: "Eq SE2" is not a Direct Connect location code');
    expect(error?.message).toContain("`minimumLinks` 9 is not possible: each LAG has 2 port(s)");
  });

  test("DevTest names its `location` among the other mistakes", () => {
    let error: RuleError | undefined;
    try {
      new DevTest(newStack(), "Lab", {
        location: "Eq/DC2",
        bandwidth: GBPS_10,
        minimumLinks: 9,
        removalPolicy: RemovalPolicy.SNAPSHOT,
      });
    } catch (e) {
      error = e as RuleError;
    }
    expect(error?.errors.map((e) => e.ruleId)).toEqual([
      "removalPolicySupported",
      "locationCodeFormat",
      "minimumLinksRange",
    ]);
    expect(error?.message).toContain('  - `location`: "Eq/DC2" is not a Direct Connect location code');
  });

  test("one mistake is thrown as it is, its rule id in brackets at the end", () => {
    expect(
      () =>
        new HighResiliency(newStack(), "Dx", {
          locations: ["EqDC2", "EqSE2"],
          bandwidth: GBPS_10,
          namePrefix: "a#b",
        }),
    ).toThrow(/^`namePrefix` .* \[namePrefixCharacters\]$/);
  });
});

describe("the model's promise with existing circuits (mixedPortSpeeds, an error for a model construct)", () => {
  test("fails when a High layout of 10 Gbps ports has an existing 1 Gbps circuit", () => {
    expect(
      () =>
        new ResilientConnections(newStack(), "Dx", {
          model: ResiliencyModel.HIGH,
          locations: [{ location: "EqDC2" }],
          existingSlots: [
            {
              location: "EqSE2",
              slotNumber: 1,
              connectionId: "dxcon-abc12345",
              bandwidth: ConnectionBandwidth.GBPS_1,
            },
          ],
          bandwidth: GBPS_10,
        }),
    ).toThrow(
      /^`bandwidth` and `existingSlots`: EqSE2\/Slot1 \(existing dxcon-abc12345\) has 1 Gbps ports, .* \[mixedPortSpeeds\]$/,
    );
  });

  test("a Classic layout may mix speeds (it claims no model)", () => {
    expect(
      () =>
        new ResilientConnections(newStack(), "Dx", {
          model: ResiliencyModel.CLASSIC,
          locations: [{ location: "EqDC2", deviceSlots: 1 }],
          existingSlots: [
            {
              location: "EqSE2",
              slotNumber: 1,
              connectionId: "dxcon-abc12345",
              bandwidth: ConnectionBandwidth.GBPS_1,
            },
          ],
          bandwidth: GBPS_10,
        }),
    ).not.toThrow();
  });
});
