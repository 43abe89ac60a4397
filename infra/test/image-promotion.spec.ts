import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { PULL_ACTIONS, promotionConfig } from '../src/image-promotion.ts';
import { synthStage } from './synth.ts';

const STAGING_REPOSITORY = 'arn:aws:ecr:eu-west-1:111122223333:repository/tengen-staging';

describe('promotion by digest: cross-stage pull', () => {
  it("lets production's deploy role pull from the staging repository, and nothing more", () => {
    const { platformTemplate } = synthStage('production', {
      'tengen:production:promoteFromRepositoryArn': STAGING_REPOSITORY,
    });
    const policies = platformTemplate.findResources('AWS::IAM::Policy', {
      Properties: {
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Sid: 'PullTheStagingTestedImage', Resource: STAGING_REPOSITORY }),
          ]),
        },
      },
    });
    expect(Object.keys(policies)).toHaveLength(1);
    const statement = (
      Object.values(policies)[0] as {
        Properties: { PolicyDocument: { Statement: { Sid?: string; Action: string[] }[] } };
      }
    ).Properties.PolicyDocument.Statement.find((s) => s.Sid === 'PullTheStagingTestedImage');
    expect([...(statement?.Action ?? [])].sort()).toEqual([...PULL_ACTIONS].sort());
    expect(statement?.Action.some((a) => /Put|Upload|Delete|\*/.test(a))).toBe(false);
  });

  it('lets the production account pull from the staging repository (separate accounts)', () => {
    const { platformTemplate } = synthStage('staging', {
      'tengen:staging:promotionAccounts': ['444455556666'],
    });
    const repository = Object.values(platformTemplate.findResources('AWS::ECR::Repository'))[0] as {
      Properties: {
        RepositoryPolicyText: {
          Statement: { Sid?: string; Effect: string; Action: string[]; Principal: unknown }[];
        };
      };
    };
    const statement = repository.Properties.RepositoryPolicyText.Statement.find(
      (s) => s.Sid === 'PromotionPull',
    );
    expect(statement?.Effect).toBe('Allow');
    expect([...(statement?.Action ?? [])].sort()).toEqual([...PULL_ACTIONS].sort());
    expect(JSON.stringify(statement?.Principal)).toContain(':iam::444455556666:root');
  });

  it('grants nothing without the context, and names the key of a bad value', () => {
    const read = (values: Record<string, unknown>) => (key: string) => values[key];
    expect(promotionConfig(read({}), 'staging')).toEqual({ pullerAccounts: [] });
    expect(
      promotionConfig(
        read({ 'tengen:staging:promotionAccounts': '444455556666, 777788889999' }),
        'staging',
      ),
    ).toEqual({ pullerAccounts: ['444455556666', '777788889999'] });
    expect(() =>
      promotionConfig(
        read({ 'tengen:production:promoteFromRepositoryArn': 'tengen-staging' }),
        'production',
      ),
    ).toThrow(/tengen:production:promoteFromRepositoryArn must be an ECR repository ARN/);
    expect(() =>
      promotionConfig(read({ 'tengen:staging:promotionAccounts': ['*'] }), 'staging'),
    ).toThrow(/tengen:staging:promotionAccounts must list 12-digit/);
    const { platformTemplate } = synthStage('staging');
    const repository = Object.values(platformTemplate.findResources('AWS::ECR::Repository'))[0] as {
      Properties: { RepositoryPolicyText?: unknown };
    };
    expect(repository.Properties.RepositoryPolicyText).toBeUndefined();
  });
});
