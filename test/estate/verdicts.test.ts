import * as fs from "fs";
import { VERDICTS_FILE, verdicts } from "./verdicts";

test("test/estate/verdicts.json holds the verdicts of every fixture (npx projen estate:verdicts rewrites it)", () => {
  expect(JSON.parse(fs.readFileSync(VERDICTS_FILE, "utf8"))).toEqual(verdicts());
});
