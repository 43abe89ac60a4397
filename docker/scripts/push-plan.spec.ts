import { describe, expect, it } from 'vitest';
import { pushPlan, repositoryFrom } from './push-plan.ts';

const uri = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/tengen-tetris';
const sha = 'a'.repeat(40);

describe('image push plan', () => {
  it('finds the one ECR repository among the stacks of an outputs file', () => {
    expect(
      repositoryFrom({ Platform: { EcrRepositoryUri: uri, ClusterName: 'c' }, Other: { X: '1' } }),
    ).toBe(uri);
  });

  it('rejects outputs with no, two or a malformed repository', () => {
    expect(() => repositoryFrom({})).toThrow(/found 0/);
    expect(() =>
      repositoryFrom({ A: { EcrRepositoryUri: uri }, B: { EcrRepositoryUri: uri } }),
    ).toThrow(/found 2/);
    expect(() => repositoryFrom({ A: { EcrRepositoryUri: 'docker.io/library/x' } })).toThrow(
      /not an ECR/,
    );
    expect(() => repositoryFrom('nope')).toThrow(/not a JSON object/);
  });

  it('logs in to the registry of the repository, then tags and pushes the git revision', () => {
    const steps = pushPlan({
      repository: uri,
      revision: sha,
      localImage: 'tengen-tetris:0.1.0',
      builder: 'docker',
    });
    expect(steps.map((s) => s.command[1])).toEqual(['login', 'tag', 'push']);
    expect(steps[0]?.stdinFrom).toEqual([
      'aws',
      'ecr',
      'get-login-password',
      '--region',
      'eu-west-1',
    ]);
    expect(steps[0]?.command).toContain('123456789012.dkr.ecr.eu-west-1.amazonaws.com');
    expect(steps[2]?.command).toEqual(['docker', 'push', `${uri}:${sha}`]);
  });

  it('with buildah, pushes the manifest list with the image of every architecture', () => {
    const steps = pushPlan({
      repository: uri,
      revision: sha,
      localImage: 'tengen-tetris:0.1.0',
      builder: 'buildah',
    });
    expect(steps.map((s) => s.command.slice(0, 3))).toEqual([
      ['buildah', 'login', '--username'],
      ['buildah', 'manifest', 'push'],
    ]);
    expect(steps[1]?.command.slice(3)).toEqual([
      '--all',
      'tengen-tetris:0.1.0',
      `docker://${uri}:${sha}`,
    ]);
  });

  it('refuses a tag that is not a git revision (tags are immutable in ECR)', () => {
    expect(() =>
      pushPlan({ repository: uri, revision: 'latest', localImage: 'x', builder: 'buildah' }),
    ).toThrow(/git sha/);
  });
});
