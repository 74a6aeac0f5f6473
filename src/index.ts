// The public API: everything exported here is published by jsii (npm, PyPI) and documented in API.md.
// Only classes, interfaces and enums leave this file; helpers the library uses inside (free functions,
// constants, @internal registries) stay in their modules. `export *` is kept only for files whose every
// export is public API; test/public-api.test.ts checks both.
export { ConnectionBandwidth } from "./core/bandwidth";
export { RateLimit } from "./core/rate-limit";
export * from "./core/model";
export * from "./core/topology";
export * from "./core/tunnel-bandwidth";
export * from "./emit/device-slot";
export * from "./emit/connections";
export * from "./emit/resilient-connections";
export * from "./emit/resilient-connections-props";
export * from "./emit/models";
export { CoreNetworkAttachment, DirectConnectGateway, DirectConnectGatewayAssociation } from "./emit/gateway";
export type {
  CoreNetworkAttachmentOptions,
  DirectConnectGatewayAttributes,
  DirectConnectGatewayProps,
  IDirectConnectGateway,
  TransitGatewayAssociationOptions,
  VirtualPrivateGatewayAssociationOptions,
} from "./emit/gateway";
export * from "./emit/virtual-interface";
export * from "./emit/macsec-key";
export { VpnBackup, VpnBackupConnection } from "./emit/vpn-backup";
export type {
  CustomerGatewayDevice,
  TransitGatewayVpnBackupOptions,
  VirtualPrivateGatewayVpnBackupOptions,
  VpnBackupOptions,
} from "./emit/vpn-backup";
export * from "./emit/operate/monitoring";
export * from "./analyse/cost";
export * from "./analyse/scenario";
export { FailureAnalysis } from "./analyse/failures";
export type { FailureAnalysisOptions } from "./analyse/failures";
export type { PromiseVerdict } from "./analyse/promise";
export { RuleSeverity } from "./core/rule";
export type { RuleInfo } from "./core/rule";
export { RuleCatalogue } from "./analyse/catalogue";
export * from "./emit/operate/failover-drill";
export * from "./emit/audit";
export * from "./analyse/estate/estate";
export * from "./analyse/estate/types";
