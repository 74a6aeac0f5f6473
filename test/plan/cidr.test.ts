import * as fc from "fast-check";
import {
  checkCidrBlock,
  checkCidrList,
  formatCidr,
  normalizedCidrList,
  overlaps,
  parseCidr,
} from "../../src/rules/cidr-blocks";

const p = (text: string) => parseCidr(text)!;

test.each([
  ["2001:DB8:0:0:0:0:0:0/32", "2001:db8::/32"],
  ["2001:db8:0:0:1:0:0:1/128", "2001:db8::1:0:0:1/128"], // the first of two equal zero runs
  ["2001:0db8:0000:0000:0000:ff00:0042:8329/128", "2001:db8::ff00:42:8329/128"],
  ["0:0:0:0:0:0:0:0/0", "::/0"],
  ["2001:db8:1:1:1:1:1:0/128", "2001:db8:1:1:1:1:1:0/128"], // one zero word is not compressed (RFC 5952 4.2.2)
  ["fe80::/10", "fe80::/10"],
  ["10.0.0.0/8", "10.0.0.0/8"],
])("%s is written %s (RFC 5952: compressed, lower case)", (input, expected) => {
  expect(formatCidr(p(input))).toBe(expected);
});

test.each([
  "10.0.0/8",
  "10.0.0.256/24",
  "010.0.0.0/8",
  "10.0.0.0/33",
  "2001:db8::1::/64",
  "2001:db8/32",
  "x/1",
  "10.0.0.0",
])("%s is not a CIDR block", (text) => {
  expect(parseCidr(text)).toBeUndefined();
});

/** The messages of the findings of one block. */
const messagesOf = (text: string, maxIpv6PrefixLength?: number) =>
  checkCidrBlock(text, { prop: "allowedPrefixes", maxIpv6PrefixLength }).map((f) => f.message);

test("a host address is rejected with the network it meant", () => {
  expect(messagesOf("10.1.2.3/16")).toEqual([
    '`allowedPrefixes`: "10.1.2.3/16" is not a network address: its host bits are set. Did you mean 10.1.0.0/16?',
  ]);
  expect(messagesOf("2001:db8::1/64")).toEqual([expect.stringMatching(/Did you mean 2001:db8::\/64\?/)]);
  expect(messagesOf("10.1.0.0/16")).toEqual([]);
});

test("IPv6 longer than the limit is rejected", () => {
  expect(messagesOf("2001:db8::/96", 64)).toEqual([
    expect.stringMatching(/"2001:db8::\/96" is longer than \/64/),
  ]);
  expect(messagesOf("2001:db8::/64", 64)).toEqual([]);
});

test("normalisation sorts (IPv4 first), deduplicates and respells", () => {
  expect(
    normalizedCidrList([
      "2001:DB8::/56",
      "10.2.0.0/16",
      "10.1.0.0/16",
      "2001:0db8:0:0::/56",
      "10.1.0.0/16",
      "10.1.0.0/24",
    ]),
  ).toEqual(["10.1.0.0/16", "10.1.0.0/24", "10.2.0.0/16", "2001:db8::/56"]);
});

test("the findings of a list: every bad block, a host address longer than allowed twice", () => {
  const findings = checkCidrList(["10.0.0.0/16", "x", "2001:db8::1/96"], {
    prop: "allowedPrefixes",
    maxIpv6PrefixLength: 64,
  });
  expect(findings.map((f) => f.rule.id)).toEqual([
    "cidrBlock",
    "cidrNetworkAddress",
    "allowedPrefixIpv6Length",
  ]);
  expect(
    checkCidrBlock("2001:db8::/56", { prop: "addressPool", ipv4Only: true }).map((f) => f.message),
  ).toEqual(['`addressPool`: "2001:db8::/56" is IPv6; only IPv4 blocks are allowed here.']);
  expect(checkCidrBlock("10.0.0.0/16", { prop: "allowedPrefixes" })).toEqual([]);
});

test("normalising is total: a block that does not parse is left out", () => {
  expect(normalizedCidrList(["10.2.0.0/16", "x", "10.1.0.0/16", "10.2.0.0/16"])).toEqual([
    "10.1.0.0/16",
    "10.2.0.0/16",
  ]);
});

test("overlaps", () => {
  expect(overlaps(p("10.0.0.0/8"), p("10.1.0.0/16"))).toBe(true);
  expect(overlaps(p("10.1.0.0/16"), p("10.0.0.0/8"))).toBe(true);
  expect(overlaps(p("10.1.0.0/16"), p("10.2.0.0/16"))).toBe(false);
  expect(overlaps(p("0.0.0.0/0"), p("192.168.0.0/24"))).toBe(true);
  expect(overlaps(p("10.0.0.0/8"), p("::/0"))).toBe(false);
});

test("property: any IPv6 address written and parsed back is the same, and its text is canonical", () => {
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 0, max: 0xffff }), { minLength: 8, maxLength: 8 }),
      fc.integer({ min: 0, max: 128 }),
      (words, len) => {
        const text = `${words.map((w) => w.toString(16).toUpperCase()).join(":")}/${len}`;
        const once = formatCidr(p(text));
        expect(formatCidr(p(once))).toBe(once);
        expect(p(once).address).toBe(p(text).address);
        expect(once).toBe(once.toLowerCase());
        expect(once.split("::").length).toBeLessThanOrEqual(2);
      },
    ),
  );
});
