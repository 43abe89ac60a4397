// ECR repository of the server image: immutable tags (the git sha), scanned on push, old untagged
// layers expired. Retained on stack deletion: images outlive the cluster.
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import { Construct } from 'constructs';

/** The image repository of one stage. */
export class ImageRegistry extends Construct {
  readonly repository: ecr.Repository;

  constructor(scope: Construct, id: string, props: { repositoryName: string }) {
    super(scope, id);
    this.repository = new ecr.Repository(this, 'Repository', {
      repositoryName: props.repositoryName,
      imageTagMutability: ecr.TagMutability.IMMUTABLE,
      imageScanOnPush: true,
      encryption: ecr.RepositoryEncryption.AES_256,
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [
        {
          description: 'drop untagged images after a week',
          tagStatus: ecr.TagStatus.UNTAGGED,
          maxImageAge: Duration.days(7),
          rulePriority: 1,
        },
        {
          description: 'keep the last 100 images',
          tagStatus: ecr.TagStatus.ANY,
          maxImageCount: 100,
          rulePriority: 2,
        },
      ],
    });
  }
}
