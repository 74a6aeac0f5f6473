import { siteLinkInterfaces } from "./site-link";
import { raiseAll } from "../core/fail";
import { ConnectionTopology } from "../core/topology";
import { checkPricedSpeed } from "../rules/analysis";
import { checkPortHourPrice } from "../rules/sizing";

/**
 * Port-hour prices of dedicated connections by port speed, in US dollars, for the cost estimate.
 */
export interface PortHourPricesProps {
  /**
   * The price of one 1 Gbps port for one hour.
   *
   * @default 0.30
   */
  readonly gbps1?: number;
  /**
   * The price of one 10 Gbps port for one hour.
   *
   * @default 2.25
   */
  readonly gbps10?: number;
  /**
   * The price of one 100 Gbps port for one hour.
   *
   * @default 22.50
   */
  readonly gbps100?: number;
  /**
   * The price of one 400 Gbps port for one hour.
   *
   * @default 85.00
   */
  readonly gbps400?: number;
  /**
   * The price of one virtual interface with SiteLink on (`enableSiteLink`) for one hour. SiteLink data
   * transfer is billed per GB on top, and is not estimated.
   *
   * @default 0.50
   */
  readonly siteLinkVifHour?: number;
  /**
   * Where the prices come from, for the report.
   *
   * @default - "given by the user"
   */
  readonly source?: string;
}

/** Hours in a month, as AWS pricing examples count them (365 x 24 / 12). */
const HOURS_PER_MONTH = 730;

/**
 * The SiteLink price per interface hour of `PortHourPrices.AWS_LIST_PRICES`, in US dollars.
 *
 * Source: the AWS Direct Connect pricing page (https://aws.amazon.com/directconnect/pricing/), SiteLink:
 * an hourly charge for each virtual interface with SiteLink on, plus data transfer per GB (the AWS blog
 * "Introducing AWS Direct Connect SiteLink" refers to that page for the price). $0.50 is the figure as
 * this library's authors know it - NOT CONFIRMED: the copies of the pricing page searched on 2026-12-05
 * (among them a 2026-09-20 transcription of the pay-as-you-go page) list port hours and data transfer but
 * no SiteLink line, and the stored AWS texts on SiteLink speak of its per-GB billing only, so the hourly
 * charge per interface is not confirmed either. Give your own with `PortHourPrices.of({ siteLinkVifHour })`
 * (0 leaves the hours out).
 */
const SITE_LINK_VIF_HOUR = 0.5;

/**
 * Port-hour prices of dedicated Direct Connect connections, and the hourly price of a SiteLink interface.
 * The default table is the AWS Direct Connect pay-as-you-go price of dedicated ports outside Japan
 * (https://aws.amazon.com/directconnect/pricing/), read 2026-09-20: 1 Gbps $0.30, 10 Gbps $2.25,
 * 100 Gbps $22.50, 400 Gbps $85.00 per port hour; SiteLink $0.50 per interface hour (not confirmed
 * against a copy of the page, searched 2026-12-05). Prices change and differ in Japan: give your own
 * with `PortHourPrices.of()`. Data transfer is not included.
 */
export class PortHourPrices {
  /** The AWS list prices of dedicated ports outside Japan, read 2026-09-20. */
  public static readonly AWS_LIST_PRICES = new PortHourPrices(
    { gbps1: 0.3, gbps10: 2.25, gbps100: 22.5, gbps400: 85, siteLinkVifHour: SITE_LINK_VIF_HOUR },
    "AWS Direct Connect pricing, dedicated ports outside Japan (https://aws.amazon.com/directconnect/pricing/), read 2026-09-20",
    "AWS Direct Connect pricing, SiteLink per interface hour (https://aws.amazon.com/directconnect/pricing/), not confirmed against the page: check it (2026-12-05)",
  );

  /**
   * Your own prices, for example your Region's or a negotiated rate.
   *
   * Speeds you leave out take the AWS list price.
   */
  public static of(props: PortHourPricesProps): PortHourPrices {
    const list = PortHourPrices.AWS_LIST_PRICES;
    const prices = {
      gbps1: props.gbps1 ?? list.prices.gbps1,
      gbps10: props.gbps10 ?? list.prices.gbps10,
      gbps100: props.gbps100 ?? list.prices.gbps100,
      gbps400: props.gbps400 ?? list.prices.gbps400,
      siteLinkVifHour: props.siteLinkVifHour ?? list.prices.siteLinkVifHour,
    };
    raiseAll(
      Object.entries(prices).flatMap(([key, price]) =>
        checkPortHourPrice(key, price, key === "siteLinkVifHour" ? "SiteLink interface hour" : "port hour"),
      ),
      "PortHourPrices.of",
    );
    const source = props.source ?? "given by the user";
    return new PortHourPrices(
      prices,
      source,
      props.siteLinkVifHour === undefined ? list.siteLinkSource : source,
    );
  }

  /** Where the prices come from. */
  public readonly source: string;
  /** Where the SiteLink interface-hour price comes from. */
  public readonly siteLinkSource: string;

  private constructor(
    private readonly prices: Required<Omit<PortHourPricesProps, "source">>,
    source: string,
    siteLinkSource: string,
  ) {
    this.source = source;
    this.siteLinkSource = siteLinkSource;
  }

  /** The price of one virtual interface with SiteLink on for one hour, in US dollars. */
  public get siteLinkVifHour(): number {
    return this.prices.siteLinkVifHour;
  }

  /**
   * What the ports a topology orders cost per month at these prices: ports x port-hour price x 730
   * hours. Existing circuits are not counted.
   */
  public estimate(topology: ConnectionTopology): CostEstimate {
    const bySpeed = new Map<number, number>();
    for (const port of topology.locations.flatMap((l) => l.deviceSlots).flatMap((s) => s.ports)) {
      bySpeed.set(port.speedGbps, (bySpeed.get(port.speedGbps) ?? 0) + 1);
    }
    const lines = [...bySpeed.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([speed, ports]) => ({
        portSpeedGbps: speed,
        ports,
        hourlyUsd: this.hourly(speed),
        monthlyUsd: round(ports * this.hourly(speed) * HOURS_PER_MONTH),
      }));
    const siteLinkVifs = siteLinkInterfaces(topology).length;
    const siteLink: SiteLinkCostLine | undefined =
      siteLinkVifs === 0
        ? undefined
        : {
            interfaces: siteLinkVifs,
            hourlyUsd: this.siteLinkVifHour,
            monthlyUsd: round(siteLinkVifs * this.siteLinkVifHour * HOURS_PER_MONTH),
            source: this.siteLinkSource,
          };
    return {
      lines,
      ports: lines.reduce((n, l) => n + l.ports, 0),
      hoursPerMonth: HOURS_PER_MONTH,
      monthlyUsd: round(lines.reduce((sum, l) => sum + l.monthlyUsd, 0)),
      source: this.source,
      ...(siteLink === undefined ? {} : { siteLink }),
    };
  }

  /** The price of one port of this speed for one hour, in US dollars. */
  public hourly(portSpeedGbps: number): number {
    const price = (this.prices as Record<string, number | undefined>)[`gbps${portSpeedGbps}`];
    raiseAll(checkPricedSpeed(price, portSpeedGbps), "PortHourPrices.hourly");
    return price!;
  }
}

/** One line of a cost estimate: the ports of one speed. */
export interface CostLine {
  /** The port speed in Gbps. */
  readonly portSpeedGbps: number;
  /** How many ports of that speed are ordered. */
  readonly ports: number;
  /** The price of one port for one hour, in US dollars. */
  readonly hourlyUsd: number;
  /** What the ports cost in a month, in US dollars. */
  readonly monthlyUsd: number;
}

/**
 * The SiteLink line of a cost estimate: the interfaces with SiteLink on x the SiteLink interface-hour
 * price x 730 hours. SiteLink data transfer, billed per GB, is not in it.
 */
export interface SiteLinkCostLine {
  /** How many virtual interfaces have SiteLink on (one per spec and device slot). */
  readonly interfaces: number;
  /** The price of one SiteLink interface for one hour, in US dollars. */
  readonly hourlyUsd: number;
  /** What the SiteLink interfaces cost in a month, in US dollars. */
  readonly monthlyUsd: number;
  /** Where the price comes from. */
  readonly source: string;
}

/**
 * An estimate of what the ports of a construct cost per month: ports x port-hour price x 730 hours, and
 * the SiteLink interface hours when SiteLink is on. An estimate only: it leaves out data transfer,
 * cross-connects, partner circuits, and existing circuits.
 */
export interface CostEstimate {
  /** The ports by speed. */
  readonly lines: CostLine[];
  /** The ports ordered. */
  readonly ports: number;
  /** The hours counted per month. */
  readonly hoursPerMonth: number;
  /** The estimated port-hour cost of a month, in US dollars. */
  readonly monthlyUsd: number;
  /** Where the prices come from. */
  readonly source: string;
  /**
   * The SiteLink interface hours of a month, not counted in `monthlyUsd`.
   *
   * @default - no interface has SiteLink on
   */
  readonly siteLink?: SiteLinkCostLine;
}

function round(usd: number): number {
  return Math.round(usd * 100) / 100;
}
