import { describe, expect, it } from 'vitest';
import { DATABASE_ENGINES, defaultEngineVersion, engineMajor, engineParameters, engineProblems, parameterGroupFamily } from '../../src/tenant-aws/database-engines.js';

describe('database engines', () => {
  it('GIVEN engine versions WHEN the family is derived THEN it is the engine and its major, minor versions included', () => {
    expect(parameterGroupFamily('postgres', '17')).toBe('postgres17');
    expect(parameterGroupFamily('postgres', '16.4')).toBe('postgres16');
    expect(parameterGroupFamily('mysql', '8.0.39')).toBe('mysql8.0');
    expect(parameterGroupFamily('mariadb', '10.11')).toBe('mariadb10.11');
    expect(() => parameterGroupFamily('mysql', '5.7')).toThrow("'engineVersion' (5.7) is no mysql major the platform supports; allowed: 8.0, 8.4");
  });

  it('GIVEN versions that only look alike WHEN their major is asked THEN prefixes of another major do not match', () => {
    expect(engineMajor('postgres', '1')).toBeUndefined();
    expect(engineMajor('postgres', '170')).toBeUndefined();
    expect(engineMajor('mariadb', '10.1')).toBeUndefined();
    expect(engineMajor('mariadb', '10.11.9')).toBe('10.11');
  });

  it('GIVEN each engine WHEN its default is asked THEN it is its newest major (a minor of one for Aurora), and the port follows the engine', () => {
    expect([defaultEngineVersion('postgres'), defaultEngineVersion('mysql'), defaultEngineVersion('mariadb'), defaultEngineVersion('aurora-postgresql')]).toEqual(['17', '8.4', '11.4', '16.6']);
    expect([DATABASE_ENGINES.postgres.port, DATABASE_ENGINES.mysql.port, DATABASE_ENGINES.mariadb.port, DATABASE_ENGINES['aurora-postgresql'].port]).toEqual([5432, 3306, 3306, 5432]);
    expect(parameterGroupFamily('aurora-postgresql', defaultEngineVersion('aurora-postgresql'))).toBe('aurora-postgresql16');
  });

  it('GIVEN Aurora with a bare major or a class too small WHEN checked THEN each is refused with what Aurora takes', () => {
    expect(engineProblems({ engine: 'aurora-postgresql', engineVersion: '16', instanceClass: 'db.t4g.small', parameters: {} }).map((p) => p.message)).toEqual([
      'found "db.t4g.small" for engine aurora-postgresql; allowed: db.t4g.medium or larger (Aurora runs no smaller class)',
      'found "16" for engine aurora-postgresql; allowed: a major with its minor version such as 16.6 (Aurora creates clusters only at a minor version)',
    ]);
    expect(engineProblems({ engine: 'aurora-postgresql', engineVersion: '16.4', instanceClass: 'db.r7g.large', parameters: {} })).toEqual([]);
    expect(engineProblems({ engine: 'postgres', engineVersion: '16', instanceClass: 'db.t4g.small', parameters: {} })).toEqual([]);
  });

  it('GIVEN static and dynamic parameters WHEN rendered THEN they are sorted and only static ones wait for a reboot', () => {
    expect(engineParameters('postgres', { work_mem: '4096', shared_preload_libraries: 'pg_stat_statements', 'rds.logical_replication': '1' })).toEqual([
      { name: 'rds.logical_replication', value: '1', applyMethod: 'pending-reboot' },
      { name: 'shared_preload_libraries', value: 'pg_stat_statements', applyMethod: 'pending-reboot' },
      { name: 'work_mem', value: '4096', applyMethod: 'immediate' },
    ]);
    expect(engineParameters('mysql', { performance_schema: '1', max_allowed_packet: '1024' }).map((p) => p.applyMethod)).toEqual(['immediate', 'pending-reboot']);
  });

  it('GIVEN parameters that would weaken TLS or hashing WHEN checked THEN each is refused with the values allowed, and the allowed values pass', () => {
    expect(engineProblems({ engine: 'postgres', parameters: { 'rds.force_ssl': '0', password_encryption: 'md5', ssl_min_protocol_version: 'TLSv1' } }).map((p) => p.message)).toEqual([
      'found password_encryption: "md5"; allowed: "scram-sha-256" (the platform reserves password_encryption on PostgreSQL: it keeps TLS and password hashing strong), or leave it out',
      'found rds.force_ssl: "0"; allowed: "1" (the platform reserves rds.force_ssl on PostgreSQL: it keeps TLS and password hashing strong), or leave it out',
      'found ssl_min_protocol_version: "TLSv1"; allowed: "TLSv1.2", "TLSv1.3" (the platform reserves ssl_min_protocol_version on PostgreSQL: it keeps TLS and password hashing strong), or leave it out',
    ]);
    expect(engineProblems({ engine: 'mariadb', parameters: { tls_version: 'TLSv1.2,TLSv1.3', require_secure_transport: 'ON' } })).toEqual([]);
    // A postgres-only name on MySQL is not reserved there (RDS refuses unknown names itself).
    expect(engineProblems({ engine: 'mysql', parameters: { 'rds.force_ssl': '0' } })).toEqual([]);
  });
});
