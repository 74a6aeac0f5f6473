import { ArnFormat, CfnTag, Stack, Token } from "aws-cdk-lib";
import { CfnDirectConnectGateway, CfnDirectConnectGatewayAssociation } from "aws-cdk-lib/aws-directconnect";
import { CfnDirectConnectGatewayAttachment } from "aws-cdk-lib/aws-networkmanager";
import { Construct, IConstruct } from "constructs";
import { appUsage } from "./app-usage";
import { mark, report } from "./findings";
import { watchReplacements } from "./replacement-check";
import { Deferrable, valueOf } from "../core/deferred";
import { given, listOf, objectOf, optionalListOf, optionalStringOf } from "../core/props";
import { RuleFinding } from "../core/rule";
import { VirtualInterfaceType } from "../core/topology";
import { GatewayAssociation, GatewayUsage } from "../plan/usage";
import { checkCoreNetworkId, checkEdgeLocations, checkRoutingPolicyLabel } from "../rules/core-networks";
import {
  checkAmazonSideAsn,
  checkGatewayId,
  checkGatewayName,
  checkRoleArn,
  checkTransitGatewayAsn,
  checkTransitGatewayId,
  checkVirtualGatewayId,
} from "../rules/gateways";
import { checkTags } from "../rules/virtual-interfaces";

/**
 * Options of `associateTransitGateway`.
 */
export interface TransitGatewayAssociationOptions {
  /**
   * The transit gateway: its id (`tgw-...`) or ARN.
   *
   * Changing this replaces the association.
   */
  readonly transitGatewayId: string;

  /**
   * The prefixes the association advertises to your network (AWS to on-premises). Required for a
   * transit gateway; at most 200; they must not overlap the allowed prefixes of the other transit
   * gateways of this Direct Connect gateway. Written sorted and deduplicated, IPv6 compressed and lower
   * case, so reordering or respelling them changes nothing. Updates in place.
   */
  readonly allowedPrefixes: string[];

  /**
   * The transit gateway's Amazon-side ASN. When given, it must differ from the Direct Connect gateway's
   * (an association with equal ASNs fails).
   *
   * @default - not checked
   */
  readonly transitGatewayAsn?: number;

  /**
   * For a Direct Connect gateway in another account: the ARN of the role that accepts the association
   * proposal (it needs `directconnect:AcceptDirectConnectGatewayAssociationProposal`).
   *
   * Changing this replaces the association.
   *
   * @default - the gateway is in this account
   */
  readonly acceptProposalRoleArn?: string;
}

/**
 * Options of `associateVirtualPrivateGateway`.
 */
export interface VirtualPrivateGatewayAssociationOptions {
  /**
   * The virtual private gateway: its id (`vgw-...`) or ARN. It must be attached to a VPC and not be
   * associated with another Direct Connect gateway.
   *
   * Changing this replaces the association.
   */
  readonly virtualGatewayId: string;

  /**
   * The prefixes allowed from the VPC to your network: each equal to or wider than the VPC's CIDR.
   * Normalised like those of a transit gateway. Updates in place.
   *
   * @default - the VPC's CIDR
   */
  readonly allowedPrefixes?: string[];

  /**
   * For a Direct Connect gateway in another account: the ARN of the role that accepts the association
   * proposal.
   *
   * Changing this replaces the association.
   *
   * @default - the gateway is in this account
   */
  readonly acceptProposalRoleArn?: string;
}

/**
 * Options of `attachToCoreNetwork`.
 */
export interface CoreNetworkAttachmentOptions {
  /**
   * The AWS Cloud WAN core network: its id, `core-network-` and 8 to 17 lower-case hex digits.
   *
   * Changing this replaces the attachment.
   */
  readonly coreNetworkId: string;

  /**
   * The Regions of the core network edges to associate with the attachment, for example
   * `['us-east-1', 'eu-west-1']`: at least one. Each edge advertises only its local routes to the Direct
   * Connect gateway. Updates in place.
   */
  readonly edgeLocations: string[];

  /**
   * The routing policy label of the attachment (at most 256 characters), which the core network's
   * policy matches to apply a routing policy.
   *
   * @default - none
   */
  readonly routingPolicyLabel?: string;

  /**
   * Tags of the attachment: keys 1 to 128 characters not starting with `aws:`, values at most 256
   * (the core network's attachment policies can match them to pick a segment).
   *
   * @default - none
   */
  readonly tags?: { [key: string]: string };
}

/**
 * A Direct Connect gateway, created here or imported.
 */
export interface IDirectConnectGateway extends IConstruct {
  /** The gateway's id (a UUID). */
  readonly gatewayId: string;

  /**
   * The gateway's Amazon-side BGP ASN.
   *
   * @default - unknown (an imported gateway without it)
   */
  readonly amazonSideAsn?: number;

  /** Associates a transit gateway with this Direct Connect gateway. */
  associateTransitGateway(
    id: string,
    options: TransitGatewayAssociationOptions,
  ): DirectConnectGatewayAssociation;

  /** Associates a virtual private gateway with this Direct Connect gateway. */
  associateVirtualPrivateGateway(
    id: string,
    options: VirtualPrivateGatewayAssociationOptions,
  ): DirectConnectGatewayAssociation;

  /**
   * Attaches this Direct Connect gateway to an AWS Cloud WAN core network. The gateway then takes only
   * transit virtual interfaces: no transit gateway, no virtual private gateway, no private virtual
   * interface, and no second core network.
   */
  attachToCoreNetwork(id: string, options: CoreNetworkAttachmentOptions): CoreNetworkAttachment;
}

/**
 * The usage of a gateway across its app (the app's registry, app-usage.ts). Imports of one literal
 * gateway id share one usage.
 *
 * @internal
 */
export function gatewayUsage(gateway: IDirectConnectGateway): GatewayUsage {
  const literal = !Token.isUnresolved(gateway.gatewayId);
  return appUsage(gateway).gateway(
    literal ? gateway.gatewayId : gateway.node.addr,
    `the Direct Connect gateway ${literal ? gateway.gatewayId : gateway.node.path}`,
  );
}

/**
 * Puts `count` virtual interfaces of a type on a gateway, across the app: its quota and path rules are
 * reported on `construct` (the construct that makes the interfaces), then the interfaces recorded.
 *
 * @internal
 */
export function useGatewayInterfaces(
  construct: IConstruct,
  gateway: IDirectConnectGateway,
  type: VirtualInterfaceType,
  count: number,
): void {
  const usage = gatewayUsage(gateway);
  report(construct, usage.checkVirtualInterfaces(type, count));
  usage.addVirtualInterfaces(type, count);
}

abstract class DirectConnectGatewayBase extends Construct implements IDirectConnectGateway {
  public abstract readonly gatewayId: string;
  public abstract readonly amazonSideAsn?: number;

  public attachToCoreNetwork(id: string, options: CoreNetworkAttachmentOptions): CoreNetworkAttachment {
    const findings: RuleFinding[] = [];
    const read = coreNetworkOptionsOf(options, findings);
    if (read !== undefined) {
      findings.push(
        ...checkCoreNetworkId(read.coreNetworkId),
        ...(read.edgeLocations === undefined ? [] : checkEdgeLocations(read.edgeLocations)),
        ...checkRoutingPolicyLabel(read.routingPolicyLabel),
        ...checkTags(read.tags, `the attachment ${id}`),
        ...gatewayUsage(this).checkCoreNetwork(read.coreNetworkId),
      );
    }
    report(this, findings);
    // report threw unless the options were read and every rule holds
    const { coreNetworkId, edgeLocations, routingPolicyLabel, tags } = read!;
    const attachment = {
      coreNetworkId: valueOf(coreNetworkId),
      edgeLocations: edgeLocations!.map((location) => valueOf(location)),
      routingPolicyLabel: routingPolicyLabel === undefined ? undefined : valueOf(routingPolicyLabel),
    };
    gatewayUsage(this).addCoreNetwork(attachment);
    return CoreNetworkAttachment._create(this, id, {
      ...attachment,
      gatewayArn: this._gatewayArn(),
      tags: tags.map(([key, value]) => ({ key, value: valueOf(value) })),
    });
  }

  /**
   * The gateway's ARN, for the core network attachment: `arn:<partition>:directconnect::<account>:
   * dx-gateway/<id>` (a Direct Connect gateway is global: no Region), in this stack's account.
   *
   * @internal
   */
  public _gatewayArn(): string {
    return Stack.of(this).formatArn({
      service: "directconnect",
      region: "",
      resource: "dx-gateway",
      resourceName: this.gatewayId,
      arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
    });
  }

  public associateTransitGateway(
    id: string,
    options: TransitGatewayAssociationOptions,
  ): DirectConnectGatewayAssociation {
    const findings: RuleFinding[] = [];
    const read = associationOptionsOf(options, "associateTransitGateway", "transitGatewayId", findings);
    if (read !== undefined) {
      findings.push(
        ...checkTransitGatewayId(read.association.gatewayId, true),
        ...checkTransitGatewayAsn(read.transitGatewayAsn, markGiven(this.amazonSideAsn)),
        ...(read.prefixesRead ? gatewayUsage(this).checkTransitGateway(read.association) : []),
        ...checkRoleArn(read.roleArn),
      );
    }
    report(this, findings);
    // report threw unless the options were read and every rule holds
    const { association, roleArn } = read!;
    const prefixes = gatewayUsage(this).addTransitGateway(association);
    return DirectConnectGatewayAssociation._create(
      this,
      id,
      valueOf(association.gatewayId),
      prefixes,
      roleArn === undefined ? undefined : valueOf(roleArn),
    );
  }

  public associateVirtualPrivateGateway(
    id: string,
    options: VirtualPrivateGatewayAssociationOptions,
  ): DirectConnectGatewayAssociation {
    const findings: RuleFinding[] = [];
    const read = associationOptionsOf(
      options,
      "associateVirtualPrivateGateway",
      "virtualGatewayId",
      findings,
    );
    if (read !== undefined) {
      findings.push(
        ...checkVirtualGatewayId(read.association.gatewayId, true),
        ...(read.prefixesRead ? gatewayUsage(this).checkVirtualGateway(read.association) : []),
        ...checkRoleArn(read.roleArn),
      );
    }
    report(this, findings);
    // report threw unless the options were read and every rule holds
    const { association, roleArn } = read!;
    const prefixes = gatewayUsage(this).addVirtualGateway(association);
    return DirectConnectGatewayAssociation._create(
      this,
      id,
      valueOf(association.gatewayId),
      prefixes,
      roleArn === undefined ? undefined : valueOf(roleArn),
    );
  }
}

/** The options of an association as the edge reads them: each prop of its type, tokens marked. */
interface AssociationOptions {
  /** The gateway to associate and its allowed prefixes. */
  readonly association: GatewayAssociation;
  /** Whether `allowedPrefixes` was left out or is a list (else only its type is reported). */
  readonly prefixesRead: boolean;
  /** The transit gateway's ASN, when given. */
  readonly transitGatewayAsn?: Deferrable<number>;
  /** The role that accepts the proposal, when given. */
  readonly roleArn?: Deferrable<string>;
}

/** Reads the options of an association method (`method`, whose gateway is `idProp`); undefined when not an object. */
function associationOptionsOf(
  options: unknown,
  method: string,
  idProp: "transitGatewayId" | "virtualGatewayId",
  out: RuleFinding[],
): AssociationOptions | undefined {
  const o = objectOf(options, "options", `the options of ${method}, with \`${idProp}\``, out);
  if (o === undefined) return undefined;
  const before = out.length;
  const prefixes = optionalListOf(o.allowedPrefixes, "allowedPrefixes", "CIDR blocks", out);
  const prefixesRead = out.length === before;
  return {
    association: { gatewayId: mark(o[idProp] as string), allowedPrefixes: prefixes as string[] | undefined },
    prefixesRead,
    transitGatewayAsn: markGiven(given(o.transitGatewayAsn) ? (o.transitGatewayAsn as number) : undefined),
    roleArn: markGiven(
      optionalStringOf(o.acceptProposalRoleArn, "acceptProposalRoleArn", "an IAM role ARN", out),
    ),
  };
}

/** The options of a core network attachment as the edge reads them: each prop of its type, tokens marked. */
interface CoreNetworkOptions {
  readonly coreNetworkId: Deferrable<string>;
  /** The edge locations; undefined when not a list (only its type is reported). */
  readonly edgeLocations?: ReadonlyArray<Deferrable<string>>;
  readonly routingPolicyLabel?: Deferrable<string>;
  /** The tags by key, sorted by key (the template does not change when they are reordered). */
  readonly tags: ReadonlyArray<readonly [string, Deferrable<string>]>;
}

/** Reads the options of `attachToCoreNetwork`; undefined when not an object. */
function coreNetworkOptionsOf(options: unknown, out: RuleFinding[]): CoreNetworkOptions | undefined {
  const o = objectOf(
    options,
    "options",
    "the options of attachToCoreNetwork, with `coreNetworkId` and `edgeLocations`",
    out,
  );
  if (o === undefined) return undefined;
  const locations = listOf(o.edgeLocations, "edgeLocations", "Region codes of core network edges", out);
  const tags = given(o.tags) ? objectOf(o.tags, "tags", "an object of tag keys to string values", out) : {};
  return {
    coreNetworkId: mark(o.coreNetworkId as string),
    edgeLocations: (locations as string[] | undefined)?.map((location) => mark(location)),
    routingPolicyLabel: markGiven(
      optionalStringOf(o.routingPolicyLabel, "routingPolicyLabel", "a routing policy label", out),
    ),
    tags: Object.entries(tags ?? {})
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, value]) => [key, mark(value as string)] as const),
  };
}

/** A prop that may be left out, marked when given. */
function markGiven<T>(value: T | undefined): Deferrable<T> | undefined {
  return value === undefined ? undefined : mark(value);
}

/**
 * Props of `DirectConnectGateway`.
 */
export interface DirectConnectGatewayProps {
  /**
   * The gateway's name: letters, digits, spaces and `_ - , /`, at most 100. Updates in place.
   *
   * @default - the construct id, with other characters replaced by `-`
   */
  readonly name?: string;

  /**
   * The Amazon-side BGP ASN: a private ASN from 64512 to 65534 or from 4200000000 to 4294967294. It
   * must differ from the customer ASNs of its virtual interfaces and from the ASNs of the transit
   * gateways it is associated with.
   *
   * Changing this replaces the gateway (and every virtual interface and association on it).
   *
   * @default 64512
   */
  readonly amazonSideAsn?: number;
}

/**
 * An `AWS::DirectConnect::DirectConnectGateway`: the global gateway that the virtual interfaces of every
 * device slot land on, associated with transit gateways or virtual private gateways.
 *
 * Quotas are checked across the whole app (30 virtual interfaces, 6 transit gateways, 20 virtual
 * private gateways), and a gateway takes either transit paths or private paths, not both.
 *
 * @example
 * const gateway = new DirectConnectGateway(this, 'Gateway', { amazonSideAsn: 64512 });
 * gateway.associateTransitGateway('Tgw', {
 *   transitGatewayId: 'tgw-0123456789abcdef0',
 *   allowedPrefixes: ['10.0.0.0/16'],
 * });
 */
export class DirectConnectGateway extends DirectConnectGatewayBase {
  /** Imports a Direct Connect gateway by id. Its Amazon-side ASN is then unknown. */
  public static fromGatewayId(scope: Construct, id: string, gatewayId: string): IDirectConnectGateway {
    return DirectConnectGateway.fromGatewayAttributes(scope, id, { gatewayId });
  }

  /** Imports a Direct Connect gateway by id, with its Amazon-side ASN for the ASN checks. */
  public static fromGatewayAttributes(
    scope: Construct,
    id: string,
    attrs: DirectConnectGatewayAttributes,
  ): IDirectConnectGateway {
    const findings: RuleFinding[] = [];
    const a = objectOf(attrs, "attrs", "the attributes of the gateway, with `gatewayId`", findings);
    if (a !== undefined) {
      findings.push(
        ...checkGatewayId(mark(a.gatewayId as string)),
        ...(given(a.amazonSideAsn) ? checkAmazonSideAsn(mark(a.amazonSideAsn as number)) : []),
      );
    }
    report(scope, findings, [scope.node.path, id].filter((part) => part !== "").join("/"));
    class Import extends DirectConnectGatewayBase {
      public readonly gatewayId = attrs.gatewayId;
      public readonly amazonSideAsn = attrs.amazonSideAsn;
    }
    return new Import(scope, id);
  }

  public readonly gatewayId: string;
  /** The gateway's ARN. */
  public readonly gatewayArn: string;
  public readonly amazonSideAsn?: number;
  /** The underlying L1 resource. */
  public readonly resource: CfnDirectConnectGateway;

  constructor(scope: Construct, id: string, props: DirectConnectGatewayProps = {}) {
    super(scope, id);
    const findings: RuleFinding[] = [];
    const p = given(props) ? objectOf(props, "props", "the props of DirectConnectGateway", findings) : {};
    if (p === undefined) report(this, findings);
    watchReplacements(this);
    const asn = (given(p!.amazonSideAsn) ? p!.amazonSideAsn : 64512) as number;
    const name =
      optionalStringOf(p!.name, "name", "the name of the Direct Connect gateway", findings) ??
      id.replace(/[^\w \-,/]/g, "-").slice(0, 100);
    findings.push(...checkAmazonSideAsn(mark(asn)), ...checkGatewayName(mark(name)));
    report(this, findings);
    this.amazonSideAsn = asn;
    this.resource = new CfnDirectConnectGateway(this, "Resource", {
      directConnectGatewayName: name,
      amazonSideAsn: String(asn),
    });
    this.gatewayId = this.resource.attrDirectConnectGatewayId;
    this.gatewayArn = this.resource.ref;
  }

  /**
   * The gateway's ARN as CloudFormation gives it (its `Ref`).
   *
   * @internal
   */
  public _gatewayArn(): string {
    return this.gatewayArn;
  }
}

/**
 * Attributes of an existing Direct Connect gateway.
 */
export interface DirectConnectGatewayAttributes {
  /** The gateway's id (a UUID). */
  readonly gatewayId: string;

  /**
   * The gateway's Amazon-side ASN, for the ASN checks of its virtual interfaces and associations.
   *
   * @default - unknown: those checks are skipped
   */
  readonly amazonSideAsn?: number;
}

/**
 * An association of a Direct Connect gateway with a transit gateway or a virtual private gateway
 * (`AWS::DirectConnect::DirectConnectGatewayAssociation`). Made by `associateTransitGateway` and
 * `associateVirtualPrivateGateway`.
 */
export class DirectConnectGatewayAssociation extends Construct {
  /** @internal */
  public static _create(
    gateway: IDirectConnectGateway,
    id: string,
    associatedGatewayId: string,
    allowedPrefixes: string[] | undefined,
    acceptProposalRoleArn: string | undefined,
  ): DirectConnectGatewayAssociation {
    return new DirectConnectGatewayAssociation(
      gateway,
      id,
      associatedGatewayId,
      allowedPrefixes,
      acceptProposalRoleArn,
    );
  }

  /** The association's id. */
  public readonly associationId: string;
  /** The transit gateway or virtual private gateway it associates. */
  public readonly associatedGatewayId: string;
  /**
   * The allowed prefixes as written to the template (sorted, deduplicated, normalised).
   *
   * @default - none: the VPC's CIDR (virtual private gateway)
   */
  public readonly allowedPrefixes?: string[];
  /** The underlying L1 resource. */
  public readonly resource: CfnDirectConnectGatewayAssociation;

  private constructor(
    gateway: IDirectConnectGateway,
    id: string,
    associatedGatewayId: string,
    allowedPrefixes: string[] | undefined,
    acceptProposalRoleArn: string | undefined,
  ) {
    super(gateway, id);
    this.associatedGatewayId = associatedGatewayId;
    this.allowedPrefixes = allowedPrefixes;
    this.resource = new CfnDirectConnectGatewayAssociation(this, "Resource", {
      directConnectGatewayId: gateway.gatewayId,
      associatedGatewayId,
      allowedPrefixesToDirectConnectGateway: allowedPrefixes,
      acceptDirectConnectGatewayAssociationProposalRoleArn: acceptProposalRoleArn,
    });
    this.associationId = this.resource.ref;
  }
}

/** What `attachToCoreNetwork` passes to the attachment it makes. */
interface CoreNetworkAttachmentProps {
  readonly gatewayArn: string;
  readonly coreNetworkId: string;
  readonly edgeLocations: string[];
  readonly routingPolicyLabel?: string;
  readonly tags: CfnTag[];
}

/**
 * An attachment of a Direct Connect gateway to an AWS Cloud WAN core network
 * (`AWS::NetworkManager::DirectConnectGatewayAttachment`). Made by `attachToCoreNetwork`.
 *
 * The failure analysis of a construct whose virtual interfaces land on the gateway counts the paths to
 * the core network (one per core network, reached while the gateway is), and its report and picture
 * show it with its edge locations.
 */
export class CoreNetworkAttachment extends Construct {
  /** @internal */
  public static _create(
    gateway: IDirectConnectGateway,
    id: string,
    props: CoreNetworkAttachmentProps,
  ): CoreNetworkAttachment {
    return new CoreNetworkAttachment(gateway, id, props);
  }

  /** The attachment's id (`attachment-...`), known at deploy time. */
  public readonly attachmentId: string;
  /** The core network's id. */
  public readonly coreNetworkId: string;
  /** The Regions of the core network edges associated with the attachment. */
  public readonly edgeLocations: string[];
  /**
   * The routing policy label.
   *
   * @default - none
   */
  public readonly routingPolicyLabel?: string;
  /** The underlying L1 resource. */
  public readonly resource: CfnDirectConnectGatewayAttachment;

  private constructor(gateway: IDirectConnectGateway, id: string, props: CoreNetworkAttachmentProps) {
    super(gateway, id);
    this.coreNetworkId = props.coreNetworkId;
    this.edgeLocations = props.edgeLocations;
    this.routingPolicyLabel = props.routingPolicyLabel;
    this.resource = new CfnDirectConnectGatewayAttachment(this, "Resource", {
      coreNetworkId: props.coreNetworkId,
      directConnectGatewayArn: props.gatewayArn,
      edgeLocations: props.edgeLocations,
      routingPolicyLabel: props.routingPolicyLabel,
      tags: props.tags.length === 0 ? undefined : props.tags,
    });
    this.attachmentId = this.resource.attrAttachmentId;
  }
}
