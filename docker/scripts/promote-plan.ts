/**
 * Promotion by digest, as data: staging builds and pushes the image once (tag = git revision) and
 * records its digest; after staging's tests pass, that digest is tagged `tested-<revision>` in the
 * staging repository; production copies exactly that digest into its own repository (skopeo, every
 * platform, digests preserved) and deploys it by digest. Nothing here runs a command: registry.ts
 * does, so the dry run prints what a real run executes.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { PlanStep, Stage } from '@tengen/delivery';

/** An image digest as registries and the chart's `image.digest` spell it. */
export const DIGEST = /^sha256:[0-9a-f]{64}$/;

/** A git revision, the tag every image is pushed under. */
export const REVISION = /^[0-9a-f]{40}$/;

/** The tag staging adds to a digest once the staging smoke and end-to-end tests passed on it. */
export function testedTag(revision: string): string {
  if (!REVISION.test(revision)) throw new Error(`revision "${revision}" is not a git sha`);
  return `tested-${revision}`;
}

/** What image:deploy leaves for chart:deploy: the digest it pushed (staging) or promoted (production). */
export interface ImageRecord {
  stage: Stage;
  repository: string;
  revision: string;
  digest: string;
}

/** Where image:deploy writes the stage's record (chart:deploy reads it). */
export function imageRecordPath(root: string, stage: Stage): string {
  return join(root, 'dist', 'image', `image-${stage}.json`);
}

/** The digest of a manifest: sha256 over its exact bytes (what the registry serves and pulls by). */
export function digestOf(rawManifest: Uint8Array): string {
  return `sha256:${createHash('sha256').update(rawManifest).digest('hex')}`;
}

/** `repository:tag` or `repository@digest`, validated. */
export function reference(repository: string, at: { tag: string } | { digest: string }): string {
  if ('digest' in at) {
    if (!DIGEST.test(at.digest)) throw new Error(`"${at.digest}" is not a sha256 digest`);
    return `${repository}@${at.digest}`;
  }
  if (!/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/.test(at.tag)) throw new Error(`bad tag "${at.tag}"`);
  return `${repository}:${at.tag}`;
}

/**
 * The copy that promotes: every platform of the source (`--all`, the multi-arch index itself) with
 * the digests kept (`--preserve-digests` fails rather than re-encode), so the target serves the
 * same digest that was tested.
 */
export function copyCommand(source: string, target: string, tlsVerify = true): string[] {
  return [
    'skopeo',
    'copy',
    '--all',
    '--preserve-digests',
    ...(tlsVerify ? [] : ['--src-tls-verify=false', '--dest-tls-verify=false']),
    `docker://${source}`,
    `docker://${target}`,
  ];
}

/** Reads a manifest's exact bytes (their sha256 is the digest). */
export function inspectCommand(ref: string, tlsVerify = true): string[] {
  return [
    'skopeo',
    'inspect',
    '--raw',
    ...(tlsVerify ? [] : ['--tls-verify=false']),
    `docker://${ref}`,
  ];
}

const ECR = /^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com\/[a-z0-9._/-]+$/;

/** Validates an ECR repository URI (the staging repository production promotes from). */
export function ecrRepository(uri: string | undefined, what: string): string {
  if (!uri || !ECR.test(uri))
    throw new Error(`${what} "${uri ?? ''}" is not an ECR repository URI`);
  return uri;
}

/** skopeo logins to each distinct ECR registry among the repositories (a token per region). */
export function loginSteps(repositories: string[]): PlanStep[] {
  const registries = [...new Set(repositories.map((r) => r.split('/')[0]!))];
  return registries.map((registry) => {
    const region = registry.split('.')[3]!;
    return {
      description: `skopeo: log in to ${registry}`,
      command: ['skopeo', 'login', '--username', 'AWS', '--password-stdin', registry],
      stdinFrom: ['aws', 'ecr', 'get-login-password', '--region', region],
    };
  });
}

/** The promotion as the dry run prints it (the digest is looked up at run time). */
export function promotionPlan(input: {
  source: string;
  target: string;
  revision: string;
}): PlanStep[] {
  const tested = reference(input.source, { tag: testedTag(input.revision) });
  const target = reference(input.target, { tag: input.revision });
  return [
    ...loginSteps([input.source, input.target]),
    {
      description: `look up the digest staging tested (fails if ${tested} does not exist)`,
      command: inspectCommand(tested),
    },
    {
      description: `copy that digest to ${target} unless it is there (a different digest there fails)`,
      command: copyCommand(`${input.source}@<tested digest>`, target),
    },
    { description: `check ${target} serves the tested digest`, command: inspectCommand(target) },
  ];
}
