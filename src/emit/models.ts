import { Construct } from "constructs";
import { withLocationProp } from "./location-prop";
import { ResilientConnections } from "./resilient-connections";
import { ConnectionsCommonProps, ResilientConnectionsProps } from "./resilient-connections-props";
import { raiseAll } from "../core/fail";
import { ResiliencyModel } from "../core/model";
import { objectOf } from "../core/props";
import { RuleFinding } from "../core/rule";

/**
 * The props of a model construct, with one device-slot layout per location code (the model's slots).
 * Props that are not an object go on as they are: `ResilientConnections` refuses them in the same words.
 */
function modelProps(props: ResiliencyPresetProps, model: ResiliencyModel): ResilientConnectionsProps {
  if (typeof props !== "object" || props === null || Array.isArray(props)) {
    return props as unknown as ResilientConnectionsProps;
  }
  const locations = props.locations;
  return {
    ...props,
    model,
    locations: Array.isArray(locations) ? locations.map((location) => ({ location })) : (locations as any),
  };
}

/**
 * Props of the presets that span two or more locations: `MaximumResiliencyConnections` and
 * `HighResiliency` (`DevTest`, in one location, takes `DevTestProps`).
 */
export interface ResiliencyPresetProps extends ConnectionsCommonProps {
  /**
   * Two or more distinct Direct Connect location codes, for example `['EqDC2', 'EqSE2']`. A campus is
   * one location. Order does not matter.
   *
   * Adding a location adds its slots and replaces nothing. Removing one takes its ports, LAGs and
   * virtual interfaces out of the stack: with the default removal policy the ports and LAGs are
   * retained (they keep running and billing until you delete them), the virtual interfaces deleted.
   */
  readonly locations: string[];
}

/**
 * Props of `MaximumResiliencyConnections`: the same as `ResiliencyPresetProps`.
 *
 * @deprecated use `ResiliencyPresetProps`
 */
export interface MaximumResiliencyConnectionsProps extends ResiliencyPresetProps {}

/**
 * Maximum Resiliency (Resiliency Toolkit): separate connections on separate AWS devices in two or
 * more locations, for the 99.99% SLA. Survives device, fibre and complete location failures.
 *
 * Creates, per location, two device slots: two `AWS::DirectConnect::Lag`s, each with its member
 * `AWS::DirectConnect::Connection`s (one port for a native speed, a LAG of equal ports for
 * `ConnectionBandwidth.gbps(n)`), and one `AWS::DirectConnect::ResiliencyGroup`
 * (`maximum-resiliency`) holding every port.
 *
 * @example
 * new MaximumResiliencyConnections(this, 'Dx', {
 *   locations: ['EqDC2', 'EqSE2'],
 *   bandwidth: ConnectionBandwidth.GBPS_10,
 * });
 */
export class MaximumResiliencyConnections extends ResilientConnections {
  constructor(scope: Construct, id: string, props: ResiliencyPresetProps) {
    super(scope, id, modelProps(props, ResiliencyModel.MAXIMUM));
  }
}

/**
 * Props of `HighResiliency`: the same as `ResiliencyPresetProps`.
 *
 * @deprecated use `ResiliencyPresetProps`
 */
export interface HighResiliencyProps extends ResiliencyPresetProps {}

/**
 * High Resiliency (Resiliency Toolkit): one connection in each of two or more locations, for the
 * 99.9% SLA. Survives a fibre cut or device failure, and a complete location failure.
 *
 * Creates, per location, one device slot (an `AWS::DirectConnect::Lag` with its member
 * `AWS::DirectConnect::Connection`s) and one `AWS::DirectConnect::ResiliencyGroup`
 * (`high-resiliency`). Replacing it by `MaximumResiliencyConnections` under the same id keeps every
 * port, LAG and virtual interface, adds the second slot of each location, and replaces the resiliency
 * group (its `IntendedResiliencyModel` is create-only).
 *
 * @example
 * new HighResiliency(this, 'Dx', {
 *   locations: ['EqDC2', 'EqSE2'],
 *   bandwidth: ConnectionBandwidth.GBPS_10,
 * });
 */
export class HighResiliency extends ResilientConnections {
  constructor(scope: Construct, id: string, props: ResiliencyPresetProps) {
    super(scope, id, modelProps(props, ResiliencyModel.HIGH));
  }
}

/**
 * Props of `DevTest`.
 */
export interface DevTestProps extends ConnectionsCommonProps {
  /**
   * The Direct Connect location code, for example `EqDC2`.
   *
   * Changing this orders new ports and LAGs at the new location (their logical IDs derive from the
   * location) and takes the old ones out of the stack (retained by default: delete them yourself).
   */
  readonly location: string;
}

/**
 * Development and Test (Resiliency Toolkit): separate connections on separate AWS devices in one
 * location, for non-critical workloads. No SLA. Survives a device failure, not a location failure.
 *
 * Creates two device slots at the location (two `AWS::DirectConnect::Lag`s with their member
 * `AWS::DirectConnect::Connection`s) and one `AWS::DirectConnect::ResiliencyGroup`
 * (`basic-resiliency`, an assumed mapping: no AWS text names one for this model).
 *
 * @example
 * new DevTest(this, 'Lab', { location: 'EqDC2', bandwidth: ConnectionBandwidth.GBPS_1 });
 */
export class DevTest extends ResilientConnections {
  constructor(scope: Construct, id: string, props: DevTestProps) {
    super(scope, id, devTestProps(props, id));
  }
}

/**
 * The props of `DevTest` as `ResilientConnections` takes them: its one location as `locations`, whose
 * messages name `location`. Props that are not an object are refused at once (nothing else can be
 * checked without them).
 */
function devTestProps(props: DevTestProps, id: string): ResilientConnectionsProps {
  const shape: RuleFinding[] = [];
  objectOf(props, "props", "the props of DevTest, with `location` and `bandwidth`", shape);
  raiseAll(shape, id);
  const request = {
    ...props,
    model: ResiliencyModel.DEVELOPMENT_AND_TEST,
    locations: [{ location: props.location }],
  };
  return withLocationProp(request, "location");
}
