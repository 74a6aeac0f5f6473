import { errorRule, ruleFamily } from "./fail";

/** The rules of this family (the catalogue, analyse/catalogue.ts, gathers them). */
export const PROP_TYPE_RULES = ruleFamily({
  /**
   * The shape of prop values, for callers whose types nobody checked (plain JavaScript, or a value built
   * at run time; jsii checks the types of Python, Java, C# and Go callers first). One rule for every prop.
   */
  PROP_TYPE: errorRule({
    id: "propType",
    what:
      "a prop of the wrong type (plain JavaScript): not a list, not a string, not a number, not an object made by this " +
      "library (a SecretValue, a VirtualInterface, a VpnBackup, ...), a missing props object",
    why: "a value of another type fails deeper down with a message that names no prop, or makes a wrong template",
  }),
});
export const { PROP_TYPE } = PROP_TYPE_RULES;
