/**
 * Images in Amazon ECR: `<account>.dkr.ecr.<region>.amazonaws.com/<repository>`. The platform
 * recognises them to scan them with AWS credentials (Flux `provider: aws`) and to grant exactly the
 * repositories the fleet's apps use.
 */

/** One ECR repository, as named by an image reference. */
export interface EcrRepositoryRef {
  /** The registry's AWS account (12 digits). */
  readonly accountId: string;
  readonly region: string;
  /** The repository name, e.g. `staging-payments-api`. */
  readonly name: string;
}

const ECR_IMAGE = /^([0-9]{12})\.dkr\.ecr\.([a-z]{2}(?:-[a-z]+)+-[0-9])\.amazonaws\.com\/([a-z0-9]+(?:[._/-][a-z0-9]+)*)$/;

/** True when the image's registry host is an ECR host (`*.dkr.ecr.*.amazonaws.com`), well formed or not. */
export function isEcrHost(repository: string): boolean {
  const host = repository.split('/')[0] ?? '';
  return /\.dkr\.ecr\./.test(host);
}

/** The ECR repository an image repository (without tag) names, or undefined when it is not a well-formed ECR image. */
export function parseEcrImage(repository: string): EcrRepositoryRef | undefined {
  const m = ECR_IMAGE.exec(repository);
  return m ? { accountId: m[1]!, region: m[2]!, name: m[3]! } : undefined;
}

/** The image repository (without tag) of an ECR repository: `<account>.dkr.ecr.<region>.amazonaws.com/<name>`. */
export function ecrImage(ref: EcrRepositoryRef): string {
  return `${ref.accountId}.dkr.ecr.${ref.region}.amazonaws.com/${ref.name}`;
}

/** The ARN of an ECR repository, for IAM policies. */
export function ecrRepositoryArn(ref: EcrRepositoryRef): string {
  return `arn:aws:ecr:${ref.region}:${ref.accountId}:repository/${ref.name}`;
}
