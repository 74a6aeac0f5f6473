import { IDirectConnectGateway, VirtualInterface } from "../../src";

// Gateways and interface specs the gateway tests share.

/** A transit gateway id. */
export const TGW = "tgw-0123456789abcdef0";
/** A virtual private gateway id. */
export const VGW = "vgw-0123456789abcdef0";
/** A Direct Connect gateway id (a UUID), for imports. */
export const GATEWAY_ID = "5f294f92-bafb-4011-916d-9b0bdeadbeef";

/** A transit interface spec on a gateway, named by its VLAN. */
export const transitOn = (gateway: IDirectConnectGateway, vlan = 101) =>
  VirtualInterface.transit({ name: `v${vlan}`, gateway, vlan, customerAsn: 65010 });

/** A private interface spec on a gateway, named by its VLAN. */
export const privateOn = (gateway: IDirectConnectGateway, vlan = 101) =>
  VirtualInterface.privateInterface({ name: `v${vlan}`, gateway, vlan, customerAsn: 65010 });
