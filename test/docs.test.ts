import { userDocuments } from "./support/docs";
import { typeScriptBlocks } from "./support/typescript-blocks";

// The alarms the docs show alarm on the bad side: a light level when it is low, an error count when it is
// high. CloudWatch's createAlarm without a comparison operator means ">= threshold", which on a light level
// alarms on healthy light.

/**
 * Each `createAlarm(...)` call of a code text, with the statement it is part of; when it is called on a
 * variable (`rx.createAlarm(...)`), with the variable's declaration in front, which names the metric.
 */
function alarmStatements(code: string): string[] {
  const statements: string[] = [];
  for (const match of code.matchAll(/\.createAlarm\(/g)) {
    const start = Math.max(code.lastIndexOf(";", match.index!) + 1, 0);
    let depth = 0;
    let end = match.index! + match[0].length - 1;
    for (; end < code.length; end++) {
      if (code[end] === "(") depth++;
      if (code[end] === ")" && --depth === 0) break;
    }
    const statement = code.slice(start, end + 1);
    const variable = /^\s*(\w+)\s*\.createAlarm\(/.exec(statement)?.[1];
    const declaration =
      variable === undefined
        ? undefined
        : new RegExp(`(?:const|let)\\s+${variable}\\b[^;]*;`).exec(code)?.[0];
    statements.push(declaration === undefined ? statement : `${declaration}\n${statement}`);
  }
  return statements;
}

/** What is wrong with an alarm statement: it must name the operator its metric needs. */
function alarmProblem(statement: string): string | undefined {
  const operator = /ComparisonOperator\.(\w+)/.exec(statement)?.[1];
  if (operator === undefined) return "names no comparisonOperator (the default is >= threshold)";
  if (/LightLevel/.test(statement) && !operator.startsWith("LESS_THAN")) {
    return `alarms on a light level with ${operator}: light is bad when it is LOW (LESS_THAN_THRESHOLD)`;
  }
  if (/ErrorCount/.test(statement) && !operator.startsWith("GREATER_THAN")) {
    return `alarms on an error count with ${operator}: errors are bad when they are HIGH (GREATER_THAN_THRESHOLD)`;
  }
  return undefined;
}

const statements = userDocuments().flatMap(({ file, text }) =>
  typeScriptBlocks(text, file).flatMap((block) =>
    alarmStatements(block.code).map((statement) => ({ where: `${file} line ${block.line}`, statement })),
  ),
);

test("every alarm in the docs names its comparison operator, on the bad side of its metric", () => {
  const problems = statements.flatMap(({ where, statement }) => {
    const problem = alarmProblem(statement);
    return problem === undefined ? [] : [`${where}: ${problem}`];
  });
  expect(problems).toEqual([]);
});

test("the docs show a light-level alarm with LESS_THAN and an error-count alarm with GREATER_THAN", () => {
  const light = statements.filter(({ statement }) => /metricConnectionLightLevelRx/.test(statement));
  const errors = statements.filter(({ statement }) => /metricConnectionErrorCount/.test(statement));
  expect(light.length).toBeGreaterThan(0);
  expect(errors.length).toBeGreaterThan(0);
  for (const { statement } of light) expect(statement).toMatch(/ComparisonOperator\.LESS_THAN_THRESHOLD/);
  for (const { statement } of errors) expect(statement).toMatch(/ComparisonOperator\.GREATER_THAN_THRESHOLD/);
});

test("the check fails the light-level alarm the README once had (no operator: >= -12 dBm)", () => {
  const old =
    "const rx = port.metricConnectionLightLevelRx({ period: Duration.minutes(1) });\n" +
    "rx.createAlarm(this, 'EqDC2Port2Rx', { threshold: -12, evaluationPeriods: 3 });";
  const [statement] = alarmStatements(old);
  expect(statement).toMatch(/^const rx = port\.metricConnectionLightLevelRx/);
  expect(alarmProblem(statement)).toMatch(/names no comparisonOperator/);
  const [wrong] = alarmStatements(
    old.replace(
      "evaluationPeriods: 3",
      "comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD",
    ),
  );
  expect(alarmProblem(wrong)).toMatch(/light is bad when it is LOW/);
  expect(
    alarmProblem(
      "port.metricConnectionLightLevelRx().createAlarm(this, 'A', { threshold: -12, " +
        "comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD })",
    ),
  ).toMatch(/light is bad when it is LOW/);
  expect(
    alarmProblem(
      "port.metricConnectionErrorCount().createAlarm(this, 'E', { threshold: 0, " +
        "comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD })",
    ),
  ).toMatch(/errors are bad when they are HIGH/);
});
