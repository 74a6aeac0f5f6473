import * as fs from "fs";
import * as path from "path";
import { EstateDescribeOutputs } from "../../src";

/** The fixtures: saved outputs of the AWS CLI, one directory per estate (see each README.md). */
export const FIXTURES = path.join(__dirname, "fixtures");

/** The outputs of one fixture, as `DirectConnectEstate.fromDescribeOutputs` takes them. */
export function fixture(name: string): EstateDescribeOutputs {
  const dir = path.join(FIXTURES, name);
  const read = (file: string) =>
    fs.existsSync(path.join(dir, file))
      ? JSON.parse(fs.readFileSync(path.join(dir, file), "utf8"))
      : undefined;
  return {
    describeConnections: read("describe-connections.json"),
    describeLags: read("describe-lags.json"),
    describeVirtualInterfaces: read("describe-virtual-interfaces.json"),
    describeDirectConnectGateways: read("describe-direct-connect-gateways.json"),
    describeDirectConnectGatewayAssociations: read("describe-direct-connect-gateway-associations.json"),
    describeVpnConnections: read("describe-vpn-connections.json"),
    describeCustomerGateways: read("describe-customer-gateways.json"),
    listResiliencyGroups: read("list-resiliency-groups.json"),
    getResiliencyGroup: read("get-resiliency-group.json"),
    listResiliencyGroupAssociations: read("list-resiliency-group-associations.json"),
  };
}
