import * as fc from "fast-check";
import { ConnectionBandwidth, ResiliencyModel } from "../../src";
import { allPorts, allSlots, describeTopology, planTopology } from "../../src/plan/planner";

// The planner is pure TypeScript: these tests need no CDK app.

const base = { bandwidth: ConnectionBandwidth.GBPS_10, namePrefix: "Dx" };

test("a Maximum plan: locations sorted, slots and ports with stable ids and names", () => {
  const { topology, warnings } = planTopology({
    ...base,
    model: ResiliencyModel.MAXIMUM,
    bandwidth: ConnectionBandwidth.gbps(20),
    locations: [{ location: "EqSE2" }, { location: "EqDC2" }],
  });
  expect(warnings).toEqual([]);
  expect(topology.locations.map((l) => l.location)).toEqual(["EqDC2", "EqSE2"]);
  expect(allSlots(topology).map((s) => [s.id, s.lagName, s.capacityGbps])).toEqual([
    ["EqDC2/Slot1", "Dx-EqDC2-d1", 20],
    ["EqDC2/Slot2", "Dx-EqDC2-d2", 20],
    ["EqSE2/Slot1", "Dx-EqSE2-d1", 20],
    ["EqSE2/Slot2", "Dx-EqSE2-d2", 20],
  ]);
  expect(allSlots(topology)[0].ports).toEqual([
    {
      id: "EqDC2/Slot1/Port1",
      location: "EqDC2",
      slotNumber: 1,
      memberNumber: 1,
      connectionName: "Dx-EqDC2-d1-p1",
      bandwidth: "10Gbps",
      speedGbps: 10,
    },
    {
      id: "EqDC2/Slot1/Port2",
      location: "EqDC2",
      slotNumber: 1,
      memberNumber: 2,
      connectionName: "Dx-EqDC2-d1-p2",
      bandwidth: "10Gbps",
      speedGbps: 10,
    },
  ]);
  expect(topology.resiliencyGroupName).toBe("Dx");
});

test("the model table: locations, slots per location, IntendedResiliencyModel, SLA (facts §1.2, §1.3, §3.3)", () => {
  const row = (m: ResiliencyModel) => [
    m.name,
    m.minLocations,
    m.slotsPerLocation,
    m.intendedResiliencyModel,
    m.sla,
  ];
  expect(
    [
      ResiliencyModel.MAXIMUM,
      ResiliencyModel.HIGH,
      ResiliencyModel.DEVELOPMENT_AND_TEST,
      ResiliencyModel.CLASSIC,
    ].map(row),
  ).toEqual([
    ["Maximum Resiliency", 2, 2, "maximum-resiliency", "99.99%"],
    ["High Resiliency", 2, 1, "high-resiliency", "99.9%"],
    ["Development and Test", 1, 2, "basic-resiliency", "none"],
    ["Classic", 1, 1, undefined, "none"],
  ]);
});

test("a Classic plan has no resiliency group", () => {
  const { topology } = planTopology({
    ...base,
    model: ResiliencyModel.CLASSIC,
    locations: [{ location: "EqDC2" }],
  });
  expect(topology.resiliencyGroupName).toBeUndefined();
  expect(describeTopology("Dx", topology)).toContain("no resiliency group");
});

test("fails when the model is not a ResiliencyModel", () => {
  expect(() => planTopology({ ...base, model: "maximum" as any, locations: [] })).toThrow(
    /`model` "maximum" is not a ResiliencyModel/,
  );
});

const locationCode = fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,9}$/);
const layout = fc.uniqueArray(
  fc.record({ location: locationCode, deviceSlots: fc.integer({ min: 1, max: 4 }) }),
  {
    minLength: 1,
    maxLength: 6,
    selector: (l) => l.location.toLowerCase(),
  },
);
const bandwidth = fc
  .constantFrom(1, 2, 4, 10, 20, 40, 100, 200, 400, 800)
  .map((g) => ConnectionBandwidth.gbps(g));

test("property: any Classic layout plans to one LAG per slot, equal ports, unique ids and valid names", () => {
  fc.assert(
    fc.property(layout, bandwidth, (locations, bw) => {
      const { topology } = planTopology({
        ...base,
        bandwidth: bw,
        model: ResiliencyModel.CLASSIC,
        locations,
      });
      const slots = allSlots(topology);
      const ports = allPorts(topology);
      expect(slots).toHaveLength(locations.reduce((n, l) => n + l.deviceSlots, 0));
      expect(ports).toHaveLength(slots.length * bw.portCount);
      expect(new Set([...slots, ...ports].map((x) => x.id)).size).toBe(slots.length + ports.length);
      for (const s of slots) {
        expect(
          s.ports.every(
            (p) =>
              p.location === s.location && p.slotNumber === s.slotNumber && p.bandwidth === s.portBandwidth,
          ),
        ).toBe(true);
        expect(s.lagName).toMatch(/^[\w \-_,/]{1,200}$/);
      }
      for (const p of ports) {
        expect(p.connectionName).toMatch(/^[\w \-_,/]{1,200}$/);
      }
    }),
  );
});

test("property: the plan does not depend on the order of locations", () => {
  fc.assert(
    fc.property(layout, fc.integer(), (locations, seed) => {
      const shuffled = [...locations].sort(
        (a, b) => ((a.location.charCodeAt(0) * seed) % 7) - ((b.location.charCodeAt(0) * seed) % 7),
      );
      const plan = (l: typeof locations) =>
        planTopology({ ...base, model: ResiliencyModel.CLASSIC, locations: l }).topology;
      expect(plan(shuffled)).toEqual(plan(locations));
    }),
  );
});

test("property: a layout meets a model exactly when it has enough locations and slots in each", () => {
  const models = fc.constantFrom(
    ResiliencyModel.MAXIMUM,
    ResiliencyModel.HIGH,
    ResiliencyModel.DEVELOPMENT_AND_TEST,
  );
  fc.assert(
    fc.property(layout, models, (locations, model) => {
      const meets =
        locations.length >= model.minLocations &&
        locations.every((l) => l.deviceSlots >= model.slotsPerLocation);
      const attempt = () => planTopology({ ...base, model, locations });
      if (meets) {
        expect(attempt().topology.model).toBe(model);
      } else {
        expect(attempt).toThrow(/needs at least/);
      }
    }),
  );
});
