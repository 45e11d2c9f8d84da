/**
 * The inputs are valid one by one but together exceed a limit of AWS or Kubernetes that only shows when the cluster
 * renders (the permissions boundary, one IAM managed policy per cluster, holds at most 6,144 characters). A user
 * mistake to fix in the inputs, not a platform bug: the CLI prints the message, without a stack trace, and writes nothing.
 */
export class FleetLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FleetLimitError';
  }
}
