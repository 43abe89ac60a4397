import { describe, expect, it } from 'vitest';
import { chartValues, databaseServiceAccounts } from './chart-values.ts';
import { STAGES } from './config/stages.ts';
import { efsChartInputs, renderStageChart } from '../test/chart-render.ts';

const url =
  'postgres://tengen@tengen-staging.cluster-abc123.eu-west-1.rds.amazonaws.com:5432/tengen';
const inputs = {
  ...efsChartInputs,
  database: { url, region: 'eu-west-1', serviceAccount: 'tengen-tetris' },
};

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
      const { config, stderr, objects, text } = renderStageChart(stage, inputs);
      expect(stderr).toBe('');
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
