import { CfnParameter, RemovalPolicy, Stack } from "aws-cdk-lib";
import { Annotations, Match } from "aws-cdk-lib/assertions";
import { ISecret, Secret } from "aws-cdk-lib/aws-secretsmanager";
import {
  ConnectionBandwidth,
  HighResiliency,
  MacSecKey,
  MaximumResiliencyConnections,
  ResiliencyModel,
  ResilientConnections,
} from "../../src";
import { ruleIdsOf } from "../support/rule-ids";
import { newStack, templateOf } from "../support/synth";

const MY_SECRET = "arn:aws:secretsmanager:us-east-1:123456789012:secret:dx-key-AbCdEf";
const STORED = "arn:aws:secretsmanager:us-east-1:123456789012:secret:directconnect-stored-XyZ123";
const TYPE = "Custom::DirectConnectMacSecKey";

function mySecret(stack: Stack): ISecret {
  return Secret.fromSecretCompleteArn(stack, "Key", MY_SECRET);
}

function maximum(stack: Stack, macSecKey: MacSecKey, extra: { removalPolicy?: RemovalPolicy } = {}) {
  return new MaximumResiliencyConnections(stack, "Dx", {
    locations: ["EqDC2", "EqSE2"],
    bandwidth: ConnectionBandwidth.GBPS_10,
    requestMacSec: true,
    macSecKey,
    ...extra,
  });
}

describe("macSecKey: one association per LAG", () => {
  test("every LAG of the construct gets one Custom::DirectConnectMacSecKey, named by its location and slot", () => {
    const stack = newStack();
    const dx = maximum(stack, MacSecKey.fromSecret(mySecret(stack)));
    const template = templateOf(stack);
    const associations = template.findResources(TYPE);
    // 2 locations x 2 slots: 4 LAGs, 4 associations; logical ids from the construct path <id>/<location>/Slot<n>/MacSecKey
    expect(
      Object.keys(associations)
        .map((id) => id.replace(/[0-9A-F]{8}$/, ""))
        .sort(),
    ).toEqual([
      "DxEqDC2Slot1MacSecKey",
      "DxEqDC2Slot2MacSecKey",
      "DxEqSE2Slot1MacSecKey",
      "DxEqSE2Slot2MacSecKey",
    ]);
    const slot = dx.slotsAt("EqSE2")[1];
    expect(slot.macSecKeyAssociation!.node.path).toBe("TestStack/Dx/EqSE2/Slot2/MacSecKey");
    const lagId = stack.getLogicalId(slot.lag!);
    template.hasResource(TYPE, {
      Properties: {
        ServiceToken: {
          "Fn::GetAtt": [Match.stringLikeRegexp("^DirectConnectMacSecKeyProviderframeworkonEvent"), "Arn"],
        },
        ConnectionId: { "Fn::GetAtt": [lagId, "LagId"] },
        KeySource: "secret",
        SecretArn: MY_SECRET,
      },
      // the LAGs are retained (the default removalPolicy): so is their key; a replaced association is disassociated
      DeletionPolicy: "Retain",
      UpdateReplacePolicy: "Delete",
    });
  });

  test("with removalPolicy DESTROY the association is deleted (disassociated) with its LAG", () => {
    const stack = newStack();
    maximum(stack, MacSecKey.fromSecret(mySecret(stack)), { removalPolicy: RemovalPolicy.DESTROY });
    const associations = Object.values(templateOf(stack).findResources(TYPE));
    expect(associations.map((a) => [a.DeletionPolicy, a.UpdateReplacePolicy])).toEqual(
      Array(4).fill(["Delete", "Delete"]),
    );
  });

  test("one handler and one provider per stack, also for two constructs", () => {
    const stack = newStack();
    const key = MacSecKey.fromSecret(mySecret(stack));
    maximum(stack, key);
    new HighResiliency(stack, "Dx2", {
      locations: ["EqDC2", "EqSE2"],
      bandwidth: ConnectionBandwidth.GBPS_100,
      requestMacSec: true,
      macSecKey: key,
    });
    const template = templateOf(stack);
    template.resourceCountIs(TYPE, 6);
    // the handler and the provider framework's onEvent function
    template.resourceCountIs("AWS::Lambda::Function", 2);
    template.hasResourceProperties("AWS::Lambda::Function", {
      Handler: "index.onEvent",
      Runtime: "nodejs22.x",
      Code: { ZipFile: Match.stringLikeRegexp("AssociateMacSecKeyCommand") },
    });
  });

  test("the handler may associate and disassociate on each LAG, read your secret and create Direct Connect's service-linked role", () => {
    const stack = newStack();
    const dx = maximum(stack, MacSecKey.fromSecret(mySecret(stack)));
    const statements = Object.values(templateOf(stack).findResources("AWS::IAM::Policy"))
      .filter((p) => /MacSecKeyProviderHandler/.test(JSON.stringify(p.Properties.Roles)))
      .flatMap((p) => p.Properties.PolicyDocument.Statement);
    const lagArns = dx.lags.map((lag) => ({ "Fn::GetAtt": [stack.getLogicalId(lag), "LagArn"] }));
    const keyStatements = statements.filter((s) => JSON.stringify(s.Action).includes("MacSecKey"));
    expect(keyStatements.map((s) => s.Resource)).toEqual(lagArns);
    expect(
      keyStatements.every(
        (s) =>
          JSON.stringify(s.Action) ===
          '["directconnect:AssociateMacSecKey","directconnect:DisassociateMacSecKey"]',
      ),
    ).toBe(true);
    expect(statements).toContainEqual({
      Action: ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"],
      Effect: "Allow",
      Resource: MY_SECRET,
    });
    expect(statements).toContainEqual(
      expect.objectContaining({
        Action: "iam:CreateServiceLinkedRole",
        Condition: { StringLike: { "iam:AWSServiceName": "directconnect.amazonaws.com" } },
      }),
    );
    // only the read-only DescribeLags is on every resource (a rollback finds the old key still on the LAG)
    expect(statements.filter((s) => s.Resource === "*")).toEqual([
      { Action: "directconnect:DescribeLags", Effect: "Allow", Resource: "*" },
    ]);
  });

  test("no key material in the template: the associations carry the secret's ARN and version only", () => {
    const stack = newStack();
    // a secret made in the same stack (its value put there by you, outside the template)
    const secret = new Secret(stack, "Generated");
    maximum(stack, MacSecKey.fromSecret(secret, { versionId: "v-1" }));
    const template = templateOf(stack).toJSON();
    for (const association of Object.values<any>(template.Resources).filter((r) => r.Type === TYPE)) {
      expect(Object.keys(association.Properties).sort()).toEqual([
        "ConnectionId",
        "KeySource",
        "SecretArn",
        "ServiceToken",
        "VersionId",
      ]);
      expect(association.Properties.SecretArn).toEqual({
        Ref: stack.getLogicalId(secret.node.defaultChild as any),
      });
      expect(association.Properties.VersionId).toBe("v-1");
    }
    // Outside the handler's code, no property named ckn or cak and no dynamic reference resolving the secret.
    const withoutCode = JSON.stringify(template, (k, v) => (k === "ZipFile" ? undefined : v));
    expect(withoutCode).not.toMatch(/"(ckn|cak)"/i);
    expect(withoutCode).not.toContain("{{resolve:secretsmanager");
  });

  test("rotation: a new versionId changes the association's properties under the same logical id", () => {
    const associationsWith = (versionId: string) => {
      const stack = newStack();
      maximum(stack, MacSecKey.fromSecret(mySecret(stack), { versionId }));
      return templateOf(stack).findResources(TYPE);
    };
    const before = associationsWith("v-1");
    const after = associationsWith("v-2");
    expect(Object.keys(after)).toEqual(Object.keys(before));
    expect(Object.values(after).map((a) => a.Properties.VersionId)).toEqual(Array(4).fill("v-2"));
  });

  test("a key Direct Connect stores is associated by its ARN, and no secret is read", () => {
    const stack = newStack();
    maximum(stack, MacSecKey.fromDirectConnectSecretArn(STORED));
    const template = templateOf(stack);
    template.hasResourceProperties(TYPE, { KeySource: "directConnect", SecretArn: STORED });
    expect(JSON.stringify(template.findResources("AWS::IAM::Policy"))).not.toContain("secretsmanager:");
  });

  test("a token ARN is taken as it is", () => {
    const stack = newStack();
    const arn = new CfnParameter(stack, "KeyArn").valueAsString;
    maximum(stack, MacSecKey.fromDirectConnectSecretArn(arn));
    templateOf(stack).hasResourceProperties(TYPE, { SecretArn: { Ref: "KeyArn" } });
  });

  test("the report's turn-up says the deploy associates the key, and the router needs the same", () => {
    const stack = newStack();
    const dx = maximum(stack, MacSecKey.fromSecret(mySecret(stack)));
    const report = dx.report();
    expect(report).toContain(
      "MACsec: the deploy associates the key (CKN/CAK) with its LAG: configure the same key on your router",
    );
    expect(report).not.toContain("outside CloudFormation");
    expect(dx.topology.locations.flatMap((l) => l.deviceSlots.map((s) => s.macSecKey))).toEqual(
      Array(4).fill(true),
    );
  });

  test("without macSecKey there is no association and no function", () => {
    const stack = newStack();
    new MaximumResiliencyConnections(stack, "Dx", {
      locations: ["EqDC2", "EqSE2"],
      bandwidth: ConnectionBandwidth.GBPS_10,
      requestMacSec: true,
    });
    const template = templateOf(stack);
    template.resourceCountIs(TYPE, 0);
    template.resourceCountIs("AWS::Lambda::Function", 0);
  });
});

describe("macSecKey rules", () => {
  test("fails when macSecKey is given without requestMacSec", () => {
    const build = (requestMacSec?: boolean) => () => {
      const stack = newStack();
      new HighResiliency(stack, "Dx", {
        locations: ["EqDC2", "EqSE2"],
        bandwidth: ConnectionBandwidth.GBPS_10,
        requestMacSec,
        macSecKey: MacSecKey.fromSecret(mySecret(stack)),
      });
    };
    for (const requestMacSec of [undefined, false]) {
      expect(build(requestMacSec)).toThrow(
        new RegExp(
          `\`macSecKey\` is given but \`requestMacSec\` is ${requestMacSec}: a MACsec key can only be associated ` +
            "with ports and LAGs ordered with MACsec",
        ),
      );
      expect(ruleIdsOf(build(requestMacSec))).toEqual(["macSecKeyWithoutRequest"]);
    }
  });

  test("fails when the port speed has no MACsec (1 Gbps), with the speed rule of requestMacSec", () => {
    const build = () => {
      const stack = newStack();
      new HighResiliency(stack, "Dx", {
        locations: ["EqDC2", "EqSE2"],
        bandwidth: ConnectionBandwidth.GBPS_1,
        requestMacSec: true,
        macSecKey: MacSecKey.fromSecret(mySecret(stack)),
      });
    };
    expect(ruleIdsOf(build)).toEqual(["macsecSpeed"]);
  });

  test.each(["dx-key", "arn:aws:s3:::bucket/key", "arn:aws:secretsmanager:us-east-1:123:secret:x"])(
    "fails when fromDirectConnectSecretArn gets %p, which is not a secret ARN",
    (arn) => {
      expect(() => MacSecKey.fromDirectConnectSecretArn(arn)).toThrow(
        `\`macSecKey\`: "${arn}" is not a Secrets Manager secret ARN.`,
      );
      expect(ruleIdsOf(() => MacSecKey.fromDirectConnectSecretArn(arn))).toEqual(["macSecKeySecretArn"]);
    },
  );

  test("fails when macSecKey is not a MacSecKey (plain JavaScript)", () => {
    expect(
      () =>
        new HighResiliency(newStack(), "Dx", {
          locations: ["EqDC2", "EqSE2"],
          bandwidth: ConnectionBandwidth.GBPS_10,
          requestMacSec: true,
          macSecKey: MY_SECRET as any,
        }),
    ).toThrow(/`macSecKey` ".*" is not a MacSecKey: make it with MacSecKey.fromSecret\(\)/);
  });

  test("with existing slots, only the new LAGs get the key, and a warning says so", () => {
    const stack = newStack();
    const dx = new ResilientConnections(stack, "Dx", {
      model: ResiliencyModel.HIGH,
      locations: [{ location: "EqSE2" }],
      existingSlots: [{ location: "EqDC2", slotNumber: 1, connectionId: "dxlag-fg5678gh" }],
      bandwidth: ConnectionBandwidth.GBPS_10,
      requestMacSec: true,
      macSecKey: MacSecKey.fromSecret(mySecret(stack)),
    });
    expect(dx.slotsAt("EqDC2")[0].macSecKeyAssociation).toBeUndefined();
    expect(dx.slotsAt("EqSE2")[0].macSecKeyAssociation).toBeDefined();
    templateOf(stack).resourceCountIs(TYPE, 1);
    Annotations.fromStack(stack).hasWarning(
      "/TestStack/Dx",
      Match.stringLikeRegexp(
        "`macSecKey` is associated with the LAGs this construct creates, not with the 1 existing slot\\(s\\)",
      ),
    );
  });
});
