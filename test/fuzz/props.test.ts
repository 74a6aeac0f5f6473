import * as fs from "fs";
import * as path from "path";
import { App, CfnParameter, Stack } from "aws-cdk-lib";
import * as fc from "fast-check";
import { MakeContext, make, runRecipe } from "./recipes";
import * as lib from "../../src";
import { writeAppTemplates } from "../support/synth";

// Property-based fuzzing of every public prop of every construct and factory (issue 8): whatever a caller
// passes, also from plain JavaScript, the construct synthesizes (and its template goes through cfn-lint with
// the other test templates) or the constructor throws an `Error` that names a prop in backticks. Never a
// TypeError, RangeError or hang. FUZZ_RUNS and FUZZ_SEED explore more (e.g. FUZZ_RUNS=20000 locally).

const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261128);
const root = path.join(__dirname, "..", "..");

/**
 * Every input name of the public API: the parameters of its constructors and methods and the properties
 * of the structs they take (transitively), read from the jsii assembly the build compiles.
 */
function inputNames(): Set<string> {
  const file = path.join(root, ".jsii");
  if (!fs.existsSync(file)) throw new Error("no .jsii: compile first (npx projen compile)");
  const types: Record<string, any> = JSON.parse(fs.readFileSync(file, "utf8")).types;
  const names = new Set<string>();
  const seen = new Set<string>();
  const visitType = (ref: any): void => {
    const fqn: string | undefined = ref?.fqn ?? ref?.collection?.elementtype?.fqn;
    if (fqn === undefined || seen.has(fqn) || !types[fqn]) return;
    seen.add(fqn);
    if (!types[fqn].datatype) return;
    for (const p of types[fqn].properties ?? []) {
      names.add(p.name);
      visitType(p.type);
    }
    for (const parent of types[fqn].interfaces ?? []) visitType({ fqn: parent });
  };
  for (const t of Object.values(types)) {
    for (const m of [t.initializer, ...(t.methods ?? [])]) {
      for (const p of m?.parameters ?? []) {
        names.add(p.name);
        visitType(p.type);
      }
    }
  }
  return names;
}

const NAMES = inputNames();
const outcomes = new Map<string, number>();
const examples = new Map<string, string>();
const JS_ERRORS = [TypeError, RangeError, ReferenceError, SyntaxError, EvalError, URIError];

/** `refused: <prop>` for an Error naming a prop; anything else fails the property with the reason. */
function classify(e: unknown): string {
  if (!(e instanceof Error)) throw new Error(`threw a non-Error: ${String(e)}`);
  if (JS_ERRORS.some((type) => e instanceof type)) throw new Error(`threw a ${e.name}: ${e.stack}`);
  const named = [...e.message.matchAll(/`([A-Za-z][A-Za-z0-9]*)`/g)]
    .map((m) => m[1])
    .filter((n) => NAMES.has(n));
  if (named.length === 0) throw new Error(`an Error that names no prop: ${e.message}`);
  if (e.message.includes("[object Object]")) {
    throw new Error(`a message showing [object Object]: ${e.message}`);
  }
  const outcome = `refused: ${named[0]}`;
  if (!examples.has(outcome)) examples.set(outcome, e.message);
  return outcome;
}

function runOnce(recipe: typeof runRecipe extends fc.Arbitrary<infer T> ? T : never): string {
  const app = new App();
  const stack = new Stack(app, "Fuzz");
  let parameters = 0;
  let gateway: lib.IDirectConnectGateway | undefined;
  const ctx: MakeContext = {
    gateway: () => gateway!,
    token: (kind) => {
      const p = new CfnParameter(stack, `P${++parameters}`, {
        type: kind === "number" ? "Number" : "String",
      });
      return kind === "number" ? p.valueAsNumber : p.valueAsString;
    },
  };
  try {
    gateway = buildGateway(stack, recipe.gateway, ctx);
    const built = new (lib as any)[recipe.construct](
      stack,
      "Dx",
      propsFor(recipe.construct, make(recipe.props, ctx)),
    );
    built.summary();
    for (const q of recipe.queries) {
      built.slotsAt(q);
      built.virtualInterfacesNamed(q);
    }
    app.synth();
  } catch (e) {
    return classify(e);
  }
  writeAppTemplates(app, "fuzz");
  return "synthesized";
}

function buildGateway(stack: Stack, r: any, ctx: MakeContext): lib.IDirectConnectGateway {
  const gateway = r.imported
    ? lib.DirectConnectGateway.fromGatewayAttributes(stack, "Gateway", {
        gatewayId: r.gatewayId,
        amazonSideAsn: r.props?.amazonSideAsn,
      })
    : new lib.DirectConnectGateway(stack, "Gateway", make(r.props, ctx) as any);
  if (r.association) {
    (gateway as any)[r.association.kind]("Association", make(r.association.options, ctx));
  }
  return gateway;
}

/** The construct's own props from the shared recipe: `locations` as codes, `location`, or layouts. */
function propsFor(construct: string, props: unknown): unknown {
  if (typeof props !== "object" || props === null) return props;
  const { locations, location, layouts, ...rest } = props as Record<string, unknown>;
  switch (construct) {
    case "DevTest":
      return { ...rest, location };
    case "ResilientConnections":
      return { ...rest, locations: layouts };
    default:
      return { ...rest, locations };
  }
}

afterAll(() => {
  const report = Object.fromEntries([...outcomes.entries()].sort((a, b) => b[1] - a[1]));
  fs.mkdirSync(path.join(root, "test-reports"), { recursive: true });
  fs.writeFileSync(
    path.join(root, "test-reports", "fuzz-outcomes.json"),
    JSON.stringify(
      { runs: RUNS, seed: SEED, outcomes: report, examples: Object.fromEntries(examples) },
      undefined,
      2,
    ),
  );
});

test(`${RUNS} fuzzed prop sets: each synthesizes, or is refused with an Error naming a prop`, () => {
  fc.assert(
    fc.property(runRecipe, (recipe) => {
      const outcome = runOnce(recipe);
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    }),
    { numRuns: RUNS, seed: SEED },
  );
  // the fuzz reaches both outcomes, and refusals of many props (a generator that only ever hits one check
  // would prove little)
  expect(outcomes.get("synthesized") ?? 0).toBeGreaterThan(RUNS / 10);
  expect([...outcomes.keys()].filter((o) => o.startsWith("refused")).length).toBeGreaterThan(20);
}, 1_800_000);

test("the classifier accepts only Errors that name a prop", () => {
  expect(classify(new Error("`vlan` 5000 of prod is not allowed"))).toBe("refused: vlan");
  expect(() => classify(new TypeError("`vlan` x"))).toThrow(/threw a TypeError/);
  expect(() => classify(new Error("Cannot read properties of undefined"))).toThrow(/names no prop/);
  expect(() => classify(new Error("`notAProp` is bad"))).toThrow(/names no prop/);
  expect(() => classify(new Error("`vlan` [object Object] is bad"))).toThrow(/object Object/);
  expect(() => classify("a string")).toThrow(/non-Error/);
});
