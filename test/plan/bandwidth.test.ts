import * as fc from "fast-check";
import { ConnectionBandwidth } from "../../src";

// Facts §4.1 (dedicated speeds 1/10/100/400 Gbps) and §4.2 (LAG members: 4 below 100G, 2 at 100G/400G).

test.each([
  [1, 1, 1],
  [10, 10, 1],
  [100, 100, 1],
  [400, 400, 1],
  [2, 1, 2],
  [4, 1, 4],
  [20, 10, 2],
  [30, 10, 3],
  [40, 10, 4],
  [200, 100, 2],
  [800, 400, 2],
])("%p Gbps per slot is %p Gbps ports x %p", (capacity, speed, count) => {
  const bw = ConnectionBandwidth.gbps(capacity);
  expect([bw.capacityGbps, bw.portSpeedGbps, bw.portCount, bw.portBandwidth]).toEqual([
    capacity,
    speed,
    count,
    `${speed}Gbps`,
  ]);
});

test("the named speeds are single ports", () => {
  expect(
    [
      ConnectionBandwidth.GBPS_1,
      ConnectionBandwidth.GBPS_10,
      ConnectionBandwidth.GBPS_100,
      ConnectionBandwidth.GBPS_400,
    ].map((b) => `${b}`),
  ).toEqual(["1 Gbps (1 port)", "10 Gbps (1 port)", "100 Gbps (1 port)", "400 Gbps (1 port)"]);
});

test.each([
  [5, "4 Gbps (4 x 1 Gbps) or 10 Gbps (1 port)"],
  [50, "40 Gbps (4 x 10 Gbps) or 100 Gbps (1 port)"],
  [300, "200 Gbps (2 x 100 Gbps) or 400 Gbps (1 port)"],
  [1000, "800 Gbps (2 x 400 Gbps)"],
])("fails when %p Gbps cannot be built, naming %s", (capacity, nearest) => {
  expect(() => ConnectionBandwidth.gbps(capacity)).toThrow(`Nearest that can: ${nearest}.`);
});

test.each([0, -10, 2.5, NaN, Infinity])(
  "fails when the capacity %p is not a whole positive number",
  (capacity) => {
    expect(() => ConnectionBandwidth.gbps(capacity)).toThrow(
      /`bandwidth`: ConnectionBandwidth.gbps\(.*\) is not a whole positive number of Gbps .* Allowed: 1, 2, 3, 4, 10, 20, 30, 40, 100, 200, 400, 800\./,
    );
  },
);

test("property: every capacity either builds within the LAG limits or names buildable neighbours", () => {
  const limit = (speed: number) => (speed >= 100 ? 2 : 4);
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 2000 }), (capacity) => {
      let bw: ConnectionBandwidth;
      try {
        bw = ConnectionBandwidth.gbps(capacity);
      } catch (e) {
        const nearest = /Nearest that can: (.*?)\. Allowed/.exec((e as Error).message)![1];
        const values = [...nearest.matchAll(/(\d+) Gbps \(/g)].map((m) => Number(m[1]));
        expect(values.length).toBeGreaterThan(0);
        for (const v of values) {
          expect(ConnectionBandwidth.gbps(v).capacityGbps).toBe(v);
        }
        return;
      }
      expect([1, 10, 100, 400]).toContain(bw.portSpeedGbps);
      expect(bw.portCount * bw.portSpeedGbps).toBe(capacity);
      expect(bw.portCount).toBeLessThanOrEqual(limit(bw.portSpeedGbps));
    }),
    { numRuns: 500 },
  );
});

test("ConnectionBandwidth.all(): every realisable slot capacity, ascending (LAG limits: 4 below 100 Gbps, 2 above)", () => {
  expect(ConnectionBandwidth.all().map((b) => b.toString())).toEqual([
    "1 Gbps (1 port)",
    "2 Gbps (2 x 1 Gbps)",
    "3 Gbps (3 x 1 Gbps)",
    "4 Gbps (4 x 1 Gbps)",
    "10 Gbps (1 port)",
    "20 Gbps (2 x 10 Gbps)",
    "30 Gbps (3 x 10 Gbps)",
    "40 Gbps (4 x 10 Gbps)",
    "100 Gbps (1 port)",
    "200 Gbps (2 x 100 Gbps)",
    "400 Gbps (1 port)",
    "800 Gbps (2 x 400 Gbps)",
  ]);
});
