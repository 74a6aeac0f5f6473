export * from "./plan/bandwidth";
export * from "./plan/model";
export * from "./plan/topology";
export * from "./emit/device-slot";
export * from "./emit/resilient-connections";
export * from "./emit/models";
export * from "./emit/gateway";
export * from "./emit/virtual-interface";
