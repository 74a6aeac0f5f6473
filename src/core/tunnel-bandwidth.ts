/**
 * The bandwidth of each VPN tunnel (`TunnelBandwidth` of `AWS::EC2::VPNConnection`).
 */
export class TunnelBandwidth {
  /** Up to 1.25 Gbps per tunnel (the default). */
  public static readonly STANDARD = new TunnelBandwidth("standard", 1.25);
  /**
   * Up to 5 Gbps per tunnel, on a transit gateway only (not a virtual private gateway) and not with
   * `acceleration`. AWS did not offer it in every Region at its launch (a warning names those).
   */
  public static readonly LARGE = new TunnelBandwidth("large", 5);

  /**
   * The tunnel bandwidth of a CloudFormation value: `LARGE` for `large`, else `STANDARD` (the default).
   *
   * @internal
   */
  public static _fromValue(value: string | undefined): TunnelBandwidth {
    return value === TunnelBandwidth.LARGE.value ? TunnelBandwidth.LARGE : TunnelBandwidth.STANDARD;
  }

  /**
   * The tunnel bandwidth of a CloudFormation value (`standard` or `large`); undefined for any other.
   *
   * @internal
   */
  public static _byValue(value: string): TunnelBandwidth | undefined {
    return [TunnelBandwidth.STANDARD, TunnelBandwidth.LARGE].find((b) => b.value === value);
  }

  /** The CloudFormation value: `standard` or `large`. */
  public readonly value: string;
  /** The capacity of one tunnel in Gbps. */
  public readonly gbps: number;

  private constructor(value: string, gbps: number) {
    this.value = value;
    this.gbps = gbps;
  }
}
