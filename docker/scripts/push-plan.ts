/**
 * The image push as data (pure, so the dry run prints exactly what a real run executes): log in to
 * the stack's ECR repository, tag the local image with the git revision, push it.
 */

import { stacksOf, type PlanStep } from '@tengen/delivery';

/** Finds the ECR repository URI in a `cdk deploy --outputs-file` document (keyed by stack). */
export function repositoryFrom(document: unknown): string {
  const uris = stacksOf(document)
    .map(([, outputs]) => outputs['EcrRepositoryUri'])
    .filter((uri): uri is string => typeof uri === 'string' && uri !== '');
  if (uris.length !== 1)
    throw new Error(`expected one EcrRepositoryUri output, found ${uris.length}`);
  const uri = uris[0]!;
  if (!/^\d{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com\/[a-z0-9._/-]+$/.test(uri)) {
    throw new Error(`EcrRepositoryUri "${uri}" is not an ECR repository URI`);
  }
  return uri;
}

/** The push: ECR login, tag, push. The tag is the git revision, so tags stay immutable. */
export function pushPlan(input: {
  repository: string;
  revision: string;
  localImage: string;
  builder: 'docker' | 'buildah';
}): PlanStep[] {
  if (!/^[0-9a-f]{40}$/.test(input.revision))
    throw new Error(`revision "${input.revision}" is not a git sha`);
  const registry = input.repository.split('/')[0]!;
  const region = registry.split('.')[3]!;
  const remote = `${input.repository}:${input.revision}`;
  const login = ['aws', 'ecr', 'get-login-password', '--region', region];
  const loginStep: PlanStep = {
    description: `log in to ${registry}`,
    command: [input.builder, 'login', '--username', 'AWS', '--password-stdin', registry],
    stdinFrom: login,
  };
  // buildah holds the multi-arch build as a manifest list: pushed with every architecture's image.
  if (input.builder === 'buildah')
    return [
      loginStep,
      {
        description: `push ${input.localImage} (amd64 and arm64) as ${remote}`,
        command: ['buildah', 'manifest', 'push', '--all', input.localImage, `docker://${remote}`],
      },
    ];
  return [
    loginStep,
    {
      description: `tag ${input.localImage} as ${remote}`,
      command: [input.builder, 'tag', input.localImage, remote],
    },
    { description: `push ${remote}`, command: [input.builder, 'push', remote] },
  ];
}
