import { describe, expect, it } from 'vitest';
import { clusterYaml, loadProblems, writeFleet } from './_fixtures.js';

/** A tenant file with `body` after its required fields. */
const tenantWith = (body: string) => `name: team-a
owners:
  - team: acme/team-a
    role: admin
contact:
  slackChannel: "#team-a"
clusters: [stage]
${body}`;

const problemsOf = (body: string) =>
  loadProblems(writeFleet('schema-validator-', { 'clusters/mgmt.yaml': clusterYaml('mgmt'), 'clusters/stage.yaml': clusterYaml('stage'), 'tenants/team-a.yaml': tenantWith(body) }));

describe('SchemaValidator messages', () => {
  it('GIVEN a number where a string is allowed WHEN loaded THEN the message says to quote it', () => {
    expect(problemsOf('quotas:\n  cpu: 6\n')).toEqual(['tenants/team-a.yaml:9:8: quotas.cpu: found number 6; allowed: string (write it in quotes: "6")']);
  });

  it('GIVEN a field written at the wrong level WHEN loaded THEN the message names where it belongs', () => {
    expect(problemsOf('memory: 12Gi\n')).toEqual([
      expect.stringMatching(/^tenants\/team-a\.yaml:8:1: memory: unknown field "memory" \(did you mean "quotas\.memory"\? it belongs there\); allowed: /),
    ]);
  });
});
