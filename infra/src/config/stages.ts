// Per-stage settings of the platform: sizing lives here (reviewed like code); facts about the
// environment (region, public host, GitHub repository) come from CDK context (cdk.json or -c).

import { parseStage as parseStageName, type Stage } from '@tengen/delivery';
import { contextList } from './context-list.ts';

export { STAGES, type Stage } from '@tengen/delivery';

/** Aurora Serverless v2 sizing of a stage (used when its `database` is `aurora`). */
export interface AuroraSizing {
  /** Lowest capacity in ACUs (1 ACU is about 2 GiB of memory); billed around the clock. */
  minAcu: number;
  /** Highest capacity in ACUs: the ceiling of the bill and of the load. */
  maxAcu: number;
  /** Serverless v2 readers in other zones (failover in seconds); each bills at least `minAcu`. */
  readers: number;
  /** Days of automated backups (point-in-time restore). */
  backupDays: number;
}

/** Where the scores live: SQLite on EFS (the default), or Aurora PostgreSQL Serverless v2. */
export const DATABASES = ['sqlite', 'aurora'] as const;
/** The stage's database choice, with Aurora's sizing when chosen. */
export type DatabaseChoice = { engine: 'sqlite' } | { engine: 'aurora'; sizing: AuroraSizing };

/** Everything that differs between stages. */
export interface StageConfig {
  stage: Stage;
  region: string;
  /** Public host name of the game (Ingress host, part of each pod's PUBLIC_ADDRESS). */
  host: string;
  /** ACM certificate for the host; empty lets the ALB controller discover one by host name. */
  certificateArn: string;
  /** `owner/name` of the GitHub repository allowed to deploy through OIDC. */
  githubRepository: string;
  /**
   * ARN of a GitHub OIDC provider made outside this app; empty means the app's own account-level
   * stack (TengenTetris-github-oidc) owns it. There can be only one per account.
   */
  githubOidcProviderArn: string;
  /**
   * CIDRs allowed to reach the public Kubernetes API endpoint (operators' VPN, the deploy runner's
   * egress); the endpoint is private as well, for the nodes and the CDK kubectl handler.
   */
  apiAllowedCidrs: string[];
  natGateways: number;
  /**
   * The managed node group: the fixed base that runs the system pods (CoreDNS, the controllers,
   * Karpenter itself, which must not run on nodes it manages) and the first app pods. Graviton
   * (arm64), never burstable.
   */
  nodes: {
    /** Instance types of one size; Spot picks among them (several pools: fewer interruptions). */
    instanceTypes: string[];
    /** Spot (staging: a reclaimed node only interrupts test games) or on-demand. */
    capacity: 'SPOT' | 'ON_DEMAND';
    min: number;
    desired: number;
    max: number;
  };
  /** Karpenter's NodePool: the nodes added (and removed) as the app's pods need them. */
  nodePool: {
    /** Karpenter capacity types, most preferred first. */
    capacityTypes: ('spot' | 'on-demand')[];
    /** Graviton instance families (`karpenter.k8s.aws/instance-family`). */
    families: string[];
    /** Instance sizes (`karpenter.k8s.aws/instance-size`). */
    sizes: string[];
    /** Most vCPUs the pool may run at once (a cost ceiling). */
    cpuLimit: number;
  };
  redis: { nodeType: string; replicas: number };
  /** Score store: `-c tengen:<stage>:database=aurora` (default `sqlite`); sizing in `AURORA`. */
  database: DatabaseChoice;
  /** Kubernetes namespace and Helm release of the app. */
  namespace: string;
  release: string;
}

/**
 * Graviton (arm64) families, compute- and general-purpose, Graviton2 to 4, none burstable (no
 * t4g): a game server's CPU must not run out of credits mid-game.
 */
export const GRAVITON_FAMILIES = ['c7g', 'm7g', 'c8g', 'm8g', 'c6g', 'm6g'] as const;

/** A Graviton instance type that is not burstable (`m7g.large`, `c8g.xlarge`, `m7gd.large`). */
export const isGravitonNonBurstable = (type: string): boolean =>
  /^[cmr]\d+g[a-z]*\.[0-9a-z]+$/.test(type);

const SIZING: Record<Stage, Pick<StageConfig, 'natGateways' | 'nodes' | 'nodePool' | 'redis'>> = {
  staging: {
    natGateways: 1,
    nodes: {
      instanceTypes: ['m7g.large', 'm6g.large', 'm8g.large', 'm7gd.large'],
      capacity: 'SPOT',
      min: 2,
      desired: 2,
      max: 2,
    },
    nodePool: {
      capacityTypes: ['spot'],
      families: [...GRAVITON_FAMILIES],
      sizes: ['large', 'xlarge'],
      cpuLimit: 16,
    },
    redis: { nodeType: 'cache.t4g.micro', replicas: 0 },
  },
  production: {
    natGateways: 3,
    nodes: { instanceTypes: ['m7g.large'], capacity: 'ON_DEMAND', min: 3, desired: 3, max: 3 },
    nodePool: {
      capacityTypes: ['on-demand'],
      families: [...GRAVITON_FAMILIES],
      sizes: ['large', 'xlarge', '2xlarge'],
      cpuLimit: 64,
    },
    redis: { nodeType: 'cache.t4g.small', replicas: 1 },
  },
};

/** Aurora sizing per stage: staging is the smallest that never pauses; production has a reader. */
export const AURORA: Record<Stage, AuroraSizing> = {
  staging: { minAcu: 0.5, maxAcu: 2, readers: 0, backupDays: 7 },
  production: { minAcu: 0.5, maxAcu: 8, readers: 1, backupDays: 14 },
};

/** Reads a context value (what `app.node.tryGetContext` returns). */
export type ContextReader = (key: string) => unknown;

/** Most CIDRs EKS accepts for the public endpoint. */
export const MAX_API_CIDRS = 40;

function cidrList(context: ContextReader, key: string): string[] {
  const list = contextList(context(key));
  if (!list || list.length === 0)
    throw new Error(
      `context ${key} must list the CIDRs allowed to reach the Kubernetes API (-c ${key}=203.0.113.7/32,...)`,
    );
  if (list.length > MAX_API_CIDRS) throw new Error(`${key}: at most ${MAX_API_CIDRS} CIDRs`);
  for (const cidr of list) {
    const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(cidr);
    const octets = match?.slice(1, 5).map(Number) ?? [];
    const bits = Number(match?.[5]);
    if (!match || octets.some((o) => o > 255) || bits > 32)
      throw new Error(`${key}: ${cidr} is not an IPv4 CIDR`);
    if (bits < 8)
      throw new Error(`${key}: ${cidr} is too wide (the API endpoint must not be public)`);
  }
  return list;
}

function text(context: ContextReader, key: string, fallback?: string): string {
  const value = context(key) ?? fallback;
  if (typeof value !== 'string')
    throw new Error(`context ${key} must be a string (cdk.json or -c ${key}=...)`);
  return value;
}

/** Validates `-c stage=...`. */
export function parseStage(value: unknown): Stage {
  return parseStageName(value, 'context "stage"', ': cdk synth -c stage=staging');
}

/** Builds and validates the configuration of one stage from CDK context. */
export function stageConfig(context: ContextReader): StageConfig {
  const stage = parseStage(context('stage'));
  const prefix = `tengen:${stage}:`;
  const config: StageConfig = {
    stage,
    region: text(context, `${prefix}region`),
    host: text(context, `${prefix}host`),
    certificateArn: text(context, `${prefix}certificateArn`, ''),
    githubRepository: text(context, 'tengen:githubRepository'),
    githubOidcProviderArn: text(context, 'tengen:githubOidcProviderArn', ''),
    apiAllowedCidrs: cidrList(context, `${prefix}apiAllowedCidrs`),
    namespace: 'tengen',
    release: 'tengen-tetris',
    database: databaseChoice(stage, text(context, `${prefix}database`, 'sqlite')),
    ...SIZING[stage],
  };
  if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(config.region))
    throw new Error(`${prefix}region is not an AWS region: ${config.region}`);
  if (!/^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/.test(config.host))
    throw new Error(`${prefix}host is not a host name: ${config.host}`);
  if (!/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(config.githubRepository)) {
    throw new Error(`tengen:githubRepository must be owner/name: ${config.githubRepository}`);
  }
  if (
    config.githubOidcProviderArn &&
    !/^arn:aws[\w-]*:iam::\d{12}:oidc-provider\//.test(config.githubOidcProviderArn)
  )
    throw new Error(
      `tengen:githubOidcProviderArn is not an OIDC provider ARN: ${config.githubOidcProviderArn}`,
    );
  if (config.certificateArn && !config.certificateArn.startsWith('arn:aws'))
    throw new Error(`${prefix}certificateArn is not an ARN`);
  return config;
}

function databaseChoice(stage: Stage, value: string): DatabaseChoice {
  const engine = DATABASES.find((d) => d === value);
  switch (engine) {
    case 'sqlite':
      return { engine };
    case 'aurora':
      return { engine, sizing: AURORA[stage] };
    case undefined:
      throw new Error(
        `tengen:${stage}:database must be one of ${DATABASES.join(', ')} (got ${JSON.stringify(value)})`,
      );
    default: {
      const unknown: never = engine;
      throw new Error(`unhandled database ${String(unknown)}`);
    }
  }
}

/** Name of the platform stack of a stage (the chart deploy reads its outputs). */
export const platformStackName = (stage: Stage): string => `TengenTetris-${stage}`;
/** Name of the optional CDK-managed app stack of a stage. */
export const appStackName = (stage: Stage): string => `TengenTetris-${stage}-app`;
