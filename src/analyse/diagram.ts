import { ConnectionTopology, TopologyDeviceSlot } from "../core/topology";

/**
 * The topology as a Mermaid flowchart: your routers on the left; per location a box with its device
 * slots (one AWS device each: the LAG and its ports); each slot's virtual interfaces as edges to the
 * gateways they land on; the VPN backup from the customer gateway devices to its gateway; the Cloud WAN
 * core networks those gateways are attached to, with their edge locations. Pure: it
 * reads the topology value only. `label` names a gateway target (an id may be a deploy-time token).
 *
 * Node ids never collide and are never a Mermaid keyword (`end`, `default`, `subgraph`, ...): each kind has
 * its prefix (`loc_` a location's box, `slot_` a device slot, `gwN` a gateway target, `cgw_` a customer
 * gateway device, `cn_` a Cloud WAN core network, `onprem` your routers) and the text after it is escaped injectively (`nodeId`). The
 * labels show the text as it is.
 */
export function mermaidDiagram(topology: ConnectionTopology, label: (target: string) => string): string {
  const lines = ["flowchart LR", '  onprem(["Your routers"])'];
  const targets = new Map<string, string>();
  const targetNode = (target: string) => {
    const key = target === "" ? "public" : target;
    if (!targets.has(key)) targets.set(key, `gw${targets.size + 1}`);
    return targets.get(key)!;
  };
  for (const location of topology.locations) {
    lines.push(`  subgraph loc_${nodeId(location.location)}["${escape(location.location)}"]`);
    for (const slot of location.deviceSlots) {
      lines.push(`    ${slotNode(slot)}["${escape(slotLabel(slot))}"]`);
    }
    lines.push("  end");
  }
  for (const slot of topology.locations.flatMap((l) => l.deviceSlots)) {
    lines.push(`  onprem --- ${slotNode(slot)}`);
    for (const vif of slot.virtualInterfaces) {
      lines.push(
        `  ${slotNode(slot)} -->|"${escape(`${vif.name} VLAN ${vif.vlan}${vif.siteLink === true ? " SiteLink" : ""}`)}"| ${targetNode(vif.target)}`,
      );
    }
  }
  const vpn = topology.vpnBackup;
  if (vpn) {
    const gateway = targetNode(vpn.targetId);
    for (const c of vpn.connections) {
      const node = `cgw_${nodeId(c.name)}`;
      lines.push(`  onprem --- ${node}(["${escape(`${c.name} ${c.customerGatewayIp}`)}"])`);
      lines.push(`  ${node} -.->|"VPN ${c.tunnels} tunnels"| ${gateway}`);
    }
  }
  const cores = coreNetworkNodes(topology, targets, label);
  for (const [target, node] of targets) {
    lines.push(`  ${node}[["${escape(target === "public" ? "AWS public endpoints" : label(target))}"]]`);
  }
  lines.push(...cores);
  return lines.join("\n");
}

/**
 * The Cloud WAN core networks of the topology's attachments whose Direct Connect gateway is drawn: one
 * node per core network, an edge from each of its gateways labelled with the attachment's edge locations
 * and routing policy label.
 */
function coreNetworkNodes(
  topology: ConnectionTopology,
  targets: ReadonlyMap<string, string>,
  label: (target: string) => string,
): string[] {
  const nodes: string[] = [];
  const edges: string[] = [];
  for (const a of topology.coreNetworkAttachments ?? []) {
    const gateway = targets.get(a.directConnectGatewayId);
    if (gateway === undefined) continue;
    const node = `cn_${nodeId(a.coreNetworkId)}`;
    const line = `  ${node}[["${escape(label(a.coreNetworkId))}"]]`;
    if (!nodes.includes(line)) nodes.push(line);
    const policy =
      a.routingPolicyLabel === undefined ? "" : `<br/>routing policy label ${a.routingPolicyLabel}`;
    edges.push(
      `  ${gateway} ===|"${escape(`attachment, edges ${a.edgeLocations.join(", ")}${policy}`)}"| ${node}`,
    );
  }
  return [...nodes, ...edges];
}

function slotNode(slot: TopologyDeviceSlot): string {
  return `slot_${nodeId(slot.id)}`;
}

function slotLabel(slot: TopologyDeviceSlot): string {
  if (slot.existingConnectionId !== undefined) {
    return `Slot ${slot.slotNumber}: existing ${slot.existingConnectionId}, ${slot.capacityGbps} Gbps`;
  }
  const ports = slot.ports.length;
  const speed = slot.ports[0]?.speedGbps ?? slot.capacityGbps;
  const min = slot.minimumLinks ? `, min links ${slot.minimumLinks}` : "";
  return `Slot ${slot.slotNumber}: ${slot.deviceName ?? `LAG ${slot.lagName}`}<br/>${ports} x ${speed} Gbps port${ports === 1 ? "" : "s"}${min}`;
}

/**
 * The text as the tail of a Mermaid node id: letters, digits and `_` only, and injective, so two texts never
 * give one id: a letter or digit stays, `_` becomes `__`, any other character `_` and its code in two hex
 * digits (`-` is `_2d`, `/` is `_2f`), or above U+00FF `_u`, its code point in hex and `_`.
 */
export function nodeId(text: string): string {
  let id = "";
  for (const char of text) {
    if (/^[A-Za-z0-9]$/.test(char)) {
      id += char;
    } else if (char === "_") {
      id += "__";
    } else {
      const code = char.codePointAt(0)!;
      id += code <= 0xff ? `_${code.toString(16).padStart(2, "0")}` : `_u${code.toString(16)}_`;
    }
  }
  return id;
}

/** Text inside a quoted Mermaid label: no double quotes. */
function escape(text: string): string {
  return text.replace(/"/g, "#quot;");
}
