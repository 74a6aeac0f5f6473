import * as path from "path";
import { EstateDescribeOutputs } from "../../src";
import { readEstateDir } from "../../src/cli/files";

/** The fixtures: saved outputs of the AWS CLI, one directory per estate (see each README.md). */
export const FIXTURES = path.join(__dirname, "fixtures");

/** The outputs of one fixture, as `DirectConnectEstate.fromDescribeOutputs` takes them (read as `--from` reads them). */
export function fixture(name: string): EstateDescribeOutputs {
  return readEstateDir(path.join(FIXTURES, name)) as unknown as EstateDescribeOutputs;
}
