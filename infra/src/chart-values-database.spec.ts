import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { appChartValues, CHART_DIR } from './app-stack.ts';
import { chartValues, databaseServiceAccounts } from './chart-values.ts';
import { stageConfig, STAGES } from './config/stages.ts';
import { cdkContext } from '../test/synth.ts';

const url =
  'postgres://tengen@tengen-staging.cluster-abc123.eu-west-1.rds.amazonaws.com:5432/tengen';
const inputs = {
  repositoryUri: '111122223333.dkr.ecr.eu-west-1.amazonaws.com/tengen-staging',
  fileSystemId: 'fs-0abc0abc0abc0abc0',
  accessPointId: 'fsap-0def0def0def0def0',
  redisUrl: 'rediss://master.tengen.xyz.euw1.cache.amazonaws.com:6380',
  host: 'staging.example.org',
  certificateArn: '',
  vpcCidr: '10.0.0.0/16',
  database: { url, region: 'eu-west-1', serviceAccount: 'tengen-tetris' },
};

type K8s = { kind: string; metadata: { name: string }; spec?: Record<string, unknown> };

describe('chart values for Aurora (database: aurora)', () => {
  it('switch the chart to postgres with IAM authentication, the ServiceAccount and the egress', () => {
    const values = chartValues(inputs);
    expect(values['database']).toEqual({
      type: 'postgres',
      auth: 'iam',
      url,
      awsRegion: 'eu-west-1',
      tls: 'verify-full',
    });
    expect(values['serviceAccount']).toEqual({ name: 'tengen-tetris' });
    expect(values['networkPolicy']).toMatchObject({
      enabled: true,
      redisCidrs: ['10.0.0.0/16'],
      databaseCidrs: ['10.0.0.0/16'],
    });
  });

  it('name the migration hook the way the chart does', () => {
    expect(databaseServiceAccounts('tengen-tetris')).toEqual([
      'tengen-tetris',
      'tengen-tetris-migrate',
    ]);
  });

  // Layered over the stage's values file (EFS there), exactly as CDK and chart:deploy pass them.
  it.each(STAGES)(
    'render with the real chart for %s: no EFS, no Secret for the database',
    (stage) => {
      const config = stageConfig((key) => ({ ...cdkContext(), stage })[key]);
      const values = appChartValues(config, chartValues(inputs), 'abc1234');
      const file = join(mkdtempSync(join(tmpdir(), 'tengen-values-')), 'values.json');
      writeFileSync(file, JSON.stringify(values));
      const result = spawnSync(
        process.execPath,
        [
          resolve(CHART_DIR, 'scripts', 'helm.ts'),
          'template',
          config.release,
          CHART_DIR,
          '--namespace',
          config.namespace,
          '--values',
          file,
        ],
        { encoding: 'utf8' },
      );
      expect(result.stderr).toBe('');
      const objects = parseAllDocuments(result.stdout).map((d) => d.toJSON() as K8s);
      const text = JSON.stringify(objects);
      expect(objects.filter((o) => /PersistentVolume/.test(o.kind))).toEqual([]);
      expect(text).not.toContain(inputs.fileSystemId);
      expect(text).toContain(`{"name":"DATABASE_URL","value":"${url}"}`);
      expect(text).toContain('{"name":"DATABASE_AUTH","value":"iam"}');
      expect(text).toContain('{"name":"DATABASE_TLS","value":"verify-full"}');
      expect(text).not.toContain('DATABASE_CA_FILE');
      expect(text).not.toContain('DB_FILE');
      const names = objects.filter((o) => o.kind === 'ServiceAccount').map((o) => o.metadata.name);
      expect(names.sort()).toEqual(databaseServiceAccounts(config.release));
    },
  );
});
