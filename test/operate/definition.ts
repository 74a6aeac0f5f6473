import { Stack } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";

/** A state of an Amazon States Language definition, as far as the tests read it. */
export interface AslState {
  readonly Type: string;
  readonly Next?: string;
  readonly End?: boolean;
  readonly Default?: string;
  readonly Choices?: { Condition: string; Next: string; Assign?: Record<string, unknown> }[];
  readonly Catch?: { ErrorEquals: string[]; Next: string; Assign?: Record<string, unknown> }[];
  readonly Retry?: { ErrorEquals: string[] }[];
  readonly Resource?: string;
  readonly Arguments?: Record<string, any>;
  readonly Assign?: Record<string, any>;
  readonly Items?: any;
  readonly MaxConcurrency?: number;
  readonly ItemProcessor?: AslBlock;
  readonly Seconds?: number;
  readonly Error?: string;
  readonly Cause?: string;
}

/** A block of states: the definition itself or a Map's item processor. */
export interface AslBlock {
  readonly StartAt: string;
  readonly States: Record<string, AslState>;
  readonly QueryLanguage?: string;
}

/** A CloudFormation value (a string, or Fn::Join of strings, Ref and Fn::GetAtt) as one string. */
function flatten(value: any): string {
  if (typeof value === "string") return value;
  if (value["Fn::Join"]) return value["Fn::Join"][1].map(flatten).join(value["Fn::Join"][0]);
  if (value.Ref) return `<Ref ${value.Ref}>`;
  if (value["Fn::GetAtt"]) return `<GetAtt ${value["Fn::GetAtt"].join(".")}>`;
  throw new Error(`unexpected value in the definition: ${JSON.stringify(value)}`);
}

/** The definition of the only state machine of a stack, deploy-time values shown as `<Ref X>`. */
export function definitionOf(stack: Stack): AslBlock {
  const machines = Object.values(Template.fromStack(stack).findResources("AWS::StepFunctions::StateMachine"));
  expect(machines).toHaveLength(1);
  return JSON.parse(flatten(machines[0].Properties.DefinitionString));
}

/** The item processor of the drill's Map: the states of one interface's test. */
export function interfaceStates(definition: AslBlock): AslBlock {
  return definition.States["Drill each interface"].ItemProcessor!;
}

/** Every transition of a state: Next, the choices, Default, the catches. */
export function successors(state: AslState): string[] {
  return [
    ...(state.Next ? [state.Next] : []),
    ...(state.Choices ?? []).map((c) => c.Next),
    ...(state.Default ? [state.Default] : []),
    ...(state.Catch ?? []).map((c) => c.Next),
  ];
}

/** The states reachable from `from` in a block (`from` included). */
export function reachable(block: AslBlock, from: string): Set<string> {
  const seen = new Set<string>();
  const todo = [from];
  while (todo.length > 0) {
    const name = todo.pop()!;
    if (seen.has(name)) continue;
    seen.add(name);
    todo.push(...successors(block.States[name]));
  }
  return seen;
}

/** The names of the states of a block with a transition to `to`. */
export function predecessors(block: AslBlock, to: string): string[] {
  return Object.entries(block.States)
    .filter(([, state]) => successors(state).includes(to))
    .map(([name]) => name);
}
