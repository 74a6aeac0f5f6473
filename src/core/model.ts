/**
 * Properties of a resiliency model.
 */
interface ResiliencyModelSpec {
  readonly name: string;
  readonly minLocations: number;
  readonly slotsPerLocation: number;
  readonly intendedResiliencyModel?: string;
  readonly slaPercent?: number;
  readonly survives: string;
}

/**
 * A Direct Connect Resiliency Toolkit model.
 *
 * A model says how many locations and how many device slots (separate AWS devices) per location a
 * layout needs, which failures it survives, the `IntendedResiliencyModel` a resiliency group records
 * for it, and the SLA figure AWS gives for it when the SLA's other requirements are met.
 *
 * @see https://docs.aws.amazon.com/directconnect/latest/UserGuide/resiliency_toolkit.html
 */
export class ResiliencyModel {
  /**
   * Maximum Resiliency: separate connections on separate devices in two or more locations.
   * 99.99% SLA. Survives device, connectivity and complete location failures.
   */
  public static readonly MAXIMUM = new ResiliencyModel({
    name: "Maximum Resiliency",
    minLocations: 2,
    slotsPerLocation: 2,
    intendedResiliencyModel: "maximum-resiliency",
    slaPercent: 99.99,
    survives:
      "a device failure, a fibre cut, or the loss of a complete location, with separate devices left in every other location",
  });

  /**
   * High Resiliency: one connection in each of two or more locations. 99.9% SLA. Survives a fibre
   * cut or device failure and a complete location failure.
   */
  public static readonly HIGH = new ResiliencyModel({
    name: "High Resiliency",
    minLocations: 2,
    slotsPerLocation: 1,
    intendedResiliencyModel: "high-resiliency",
    slaPercent: 99.9,
    survives: "a fibre cut or device failure, or the loss of one complete location",
  });

  /**
   * Development and Test: separate connections on separate devices in one location. No SLA.
   * Survives a device failure, not a location failure.
   *
   * Its resiliency group records `basic-resiliency`: an assumption, since no AWS text maps the
   * Development and Test model to a CloudFormation value (the allowed values of
   * `IntendedResiliencyModel`: https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-directconnect-resiliencygroup.html).
   */
  public static readonly DEVELOPMENT_AND_TEST = new ResiliencyModel({
    name: "Development and Test",
    minLocations: 1,
    slotsPerLocation: 2,
    intendedResiliencyModel: "basic-resiliency",
    survives: "a device failure in the location, but not the loss of the location",
  });

  /**
   * Classic: a custom layout, for example adding connections next to existing ones. No SLA and no
   * minimum. It has no `IntendedResiliencyModel`, so it gets no resiliency group: a
   * custom layout that wants one claims the model it meets instead.
   */
  public static readonly CLASSIC = new ResiliencyModel({
    name: "Classic",
    minLocations: 1,
    slotsPerLocation: 1,
    survives: "whatever its layout has: no model promise and no SLA",
  });

  /** The model's name as the Resiliency Toolkit shows it, e.g. `Maximum Resiliency`. */
  public readonly name: string;
  /** The fewest distinct locations the model needs. */
  public readonly minLocations: number;
  /**
   * The device slots (separate AWS devices, one LAG each) the model puts in every location: the
   * exact number for its construct, the minimum for a custom layout that claims the model.
   */
  public readonly slotsPerLocation: number;
  /**
   * The `IntendedResiliencyModel` value of `AWS::DirectConnect::ResiliencyGroup`
   * (`maximum-resiliency`, `high-resiliency` or `basic-resiliency`).
   *
   * @default - undefined for Classic, which has no model to record
   */
  public readonly intendedResiliencyModel?: string;
  /**
   * The SLA figure in percent (99.99 or 99.9), when all SLA requirements are met.
   *
   * @default - undefined: no SLA (Development and Test, Classic)
   */
  public readonly slaPercent?: number;
  /** Which failures a layout of this model survives, in words. */
  public readonly survives: string;

  private constructor(spec: ResiliencyModelSpec) {
    this.name = spec.name;
    this.minLocations = spec.minLocations;
    this.slotsPerLocation = spec.slotsPerLocation;
    this.intendedResiliencyModel = spec.intendedResiliencyModel;
    this.slaPercent = spec.slaPercent;
    this.survives = spec.survives;
  }

  /** The SLA as text: `99.99%`, `99.9%` or `none`. */
  public get sla(): string {
    return this.slaPercent === undefined ? "none" : `${this.slaPercent}%`;
  }

  /** The model's name. */
  public toString(): string {
    return this.name;
  }
}
