/**
 * The source of the Lambda function behind `MacSecKey`'s custom resource (`Custom::DirectConnectMacSecKey`),
 * inline in the template (no asset: the same for npm and PyPI users). Node.js 20 and later carry the AWS SDK
 * for JavaScript v3, which it uses.
 *
 * Create associates the key with the LAG (AssociateMacSecKey); delete disassociates it
 * (DisassociateMacSecKey); an update that changes the key or the LAG associates the new one under a new
 * physical id, and CloudFormation then deletes the old one: disassociates the old key.
 * https://docs.aws.amazon.com/directconnect/latest/APIReference/API_AssociateMacSecKey.html
 * https://docs.aws.amazon.com/directconnect/latest/APIReference/API_DisassociateMacSecKey.html
 *
 * The key material (CKN and CAK) is read from your secret at deploy and goes only into AssociateMacSecKey:
 * it is in no property, no response `Data`, no log line and no error message (an SDK error that echoes it is
 * scrubbed). The physical id is `<dxlag- id>/<secretARN Direct Connect stores>`; `Data.SecretArn` is that ARN.
 *
 * `exports.handler(clients)` makes the handler from given SDK clients and modules (the tests give mocks);
 * `exports.onEvent` is the Lambda entry point, with the runtime's SDK.
 */
export const MACSEC_KEY_HANDLER = `"use strict";
const HEX64 = /^[0-9a-fA-F]{64}$/;
// Direct Connect's messages for a LAG or key that is gone are not documented; on delete these count as done.
const GONE = /not found|could not find|does not exist|not associated|is deleted|has been deleted|no such/i;
const KEYS = ["ConnectionId", "KeySource", "SecretArn", "VersionId", "VersionStage"];

function handler(clients) {
  const { dx, sm, DX, SM } = clients;

  function scrubbed(error, secrets) {
    let text = String((error && error.message) || error);
    for (const s of secrets) text = text.replace(new RegExp(s, "gi"), "***");
    return (error && error.name ? error.name + ": " : "") + text;
  }

  async function readKey(p) {
    const input = { SecretId: p.SecretArn };
    if (p.VersionId) input.VersionId = p.VersionId;
    if (p.VersionStage) input.VersionStage = p.VersionStage;
    let value;
    try {
      value = await sm.send(new SM.GetSecretValueCommand(input));
    } catch (e) {
      throw new Error("GetSecretValue of " + p.SecretArn + " failed: " + ((e && e.name) || "error"));
    }
    let parsed;
    try {
      parsed = JSON.parse(value.SecretString || "");
    } catch (e) {
      parsed = undefined;
    }
    const ckn = parsed && parsed.ckn;
    const cak = parsed && parsed.cak;
    if (!HEX64.test(typeof ckn === "string" ? ckn : "") || !HEX64.test(typeof cak === "string" ? cak : "")) {
      throw new Error(
        "The SecretString of " + p.SecretArn + ' must be JSON {"ckn": "...", "cak": "..."}, each 64 hexadecimal characters',
      );
    }
    return { ckn, cak };
  }

  async function associate(p) {
    const key = p.KeySource === "secret" ? await readKey(p) : undefined;
    const input = key
      ? { connectionId: p.ConnectionId, ckn: key.ckn, cak: key.cak }
      : { connectionId: p.ConnectionId, secretARN: p.SecretArn };
    const mineIn = (keys) =>
      key
        ? keys.find((k) => typeof k.ckn === "string" && k.ckn.toLowerCase() === key.ckn.toLowerCase())
        : keys.find((k) => k.secretARN === p.SecretArn);
    let keys;
    try {
      keys = ((await dx.send(new DX.AssociateMacSecKeyCommand(input))) || {}).macSecKeys || [];
    } catch (e) {
      // The key may be on the LAG already (a rollback re-associates the old key, a retry the new one):
      // whether Direct Connect refuses a second association of the same key is not documented.
      const held = await keyOnLag(p.ConnectionId, mineIn);
      if (!held) {
        throw new Error("AssociateMacSecKey on " + p.ConnectionId + " failed: " + scrubbed(e, key ? [key.ckn, key.cak] : []));
      }
      keys = [held];
    }
    const mine = mineIn(keys);
    const arn = (mine || keys[keys.length - 1] || {}).secretARN;
    if (!arn) throw new Error("AssociateMacSecKey on " + p.ConnectionId + " returned no secretARN");
    return { PhysicalResourceId: p.ConnectionId + "/" + arn, Data: { SecretArn: arn } };
  }

  async function keyOnLag(lagId, mineIn) {
    try {
      const lags = ((await dx.send(new DX.DescribeLagsCommand({ lagId }))) || {}).lags || [];
      const held = mineIn(((lags[0] || {}).macSecKeys || []).filter((k) => !/^disassociat/.test(k.state || "")));
      return held && held.secretARN ? held : undefined;
    } catch (e) {
      return undefined;
    }
  }

  async function disassociate(physicalId) {
    const cut = physicalId.indexOf("/");
    if (!physicalId.startsWith("dx") || cut < 0) return; // no association was made (a failed create)
    const connectionId = physicalId.slice(0, cut);
    const secretARN = physicalId.slice(cut + 1);
    try {
      await dx.send(new DX.DisassociateMacSecKeyCommand({ connectionId, secretARN }));
    } catch (e) {
      if (e && e.name === "DirectConnectClientException" && GONE.test(e.message || "")) {
        console.log("The key or LAG " + connectionId + " is gone already: nothing to disassociate");
        return;
      }
      throw new Error("DisassociateMacSecKey on " + connectionId + " failed: " + scrubbed(e, []));
    }
  }

  return async function onEvent(event) {
    const p = event.ResourceProperties || {};
    const id = event.PhysicalResourceId;
    console.log(event.RequestType + " the MACsec key association of " + p.ConnectionId);
    if (event.RequestType === "Delete") {
      await disassociate(id);
      return { PhysicalResourceId: id };
    }
    const old = event.OldResourceProperties || {};
    if (event.RequestType === "Update" && KEYS.every((k) => p[k] === old[k])) {
      return { PhysicalResourceId: id, Data: { SecretArn: id.slice(id.indexOf("/") + 1) } };
    }
    return associate(p);
  };
}

let live;
exports.handler = handler;
exports.onEvent = (event) => {
  if (!live) {
    const DX = require("@aws-sdk/client-direct-connect");
    const SM = require("@aws-sdk/client-secrets-manager");
    live = handler({ DX, SM, dx: new DX.DirectConnectClient({}), sm: new SM.SecretsManagerClient({}) });
  }
  return live(event);
};
`;
