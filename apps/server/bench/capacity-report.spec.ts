import { describe, expect, it } from 'vitest';
import {
  capacityVerdict,
  formatStep,
  generatorKeptUp,
  type StepFigures,
} from './capacity-report.ts';
import { longGcPauses, longLoggedGcs } from './gc-pauses.ts';

const row = (players: number, p99: number, generator: Partial<StepFigures> = {}): StepFigures => ({
  players,
  connected: players,
  failures: 0,
  p50: 1,
  p99,
  samples: 700,
  serverCpu: players / 5000,
  batchesPerSecond: players * 5,
  loopLagP99: 12,
  rssMb: 300 + players * 0.05,
  baseRssMb: 300,
  bytesPerPlayerMinute: 26_000,
  errors: 0,
  unranked: 0,
  load1: 1,
  heapUsedMb: 120,
  serverLongGcs: 0,
  generatorCpu: players / 10_000,
  generatorLateP99: 5,
  generatorBatchesPerSecond: players * 5,
  probeLoopP99: 11,
  probeGcMaxMs: 3,
  ...generator,
});

describe('capacity report', () => {
  it('takes the last step under the limit while the generator kept up', () => {
    const out = capacityVerdict([row(1000, 5), row(2000, 8), row(3000, 60), row(4000, 70)], 50);
    expect(out).toContain('players per server core   2,000');
    expect(out).toContain('kept up at every step');
  });

  it('never credits the server with a step the generator could not drive', () => {
    const rows = [row(2000, 5), row(4000, 6, { generatorLateP99: 400 }), row(6000, 7)];
    expect(generatorKeptUp(rows[1]!)).toBe(false);
    const out = capacityVerdict(rows, 50);
    expect(out).toContain('players per server core   2,000');
    expect(out).toContain('fell behind at 4,000 players');
    expect(out).toContain('starved by other processes');
  });

  it('says when the generator used up its own core', () => {
    const rows = [row(2000, 5), row(8000, 6, { generatorCpu: 0.95 })];
    const out = capacityVerdict(rows, 50);
    expect(out).toContain('fell behind at 8,000 players');
    expect(out).not.toContain('starved');
  });

  it('marks a row whose generator fell behind', () => {
    expect(formatStep(row(1000, 5), false)).toContain(' ok');
    expect(formatStep(row(1000, 5, { generatorLateP99: 200 }), false)).toContain('BEHIND');
  });
});

describe('longGcPauses', () => {
  it('counts the pauses over 100 ms of every kind in a Prometheus scrape', () => {
    const scrape = [
      '# TYPE nodejs_gc_duration_seconds histogram',
      'nodejs_gc_duration_seconds_bucket{le="0.01",kind="minor"} 90',
      'nodejs_gc_duration_seconds_bucket{le="0.1",kind="minor"} 100',
      'nodejs_gc_duration_seconds_bucket{le="+Inf",kind="minor"} 100',
      'nodejs_gc_duration_seconds_count{kind="minor"} 100',
      'nodejs_gc_duration_seconds_bucket{le="0.1",kind="major"} 3',
      'nodejs_gc_duration_seconds_bucket{le="1",kind="major"} 5',
      'nodejs_gc_duration_seconds_count{kind="major"} 5',
    ].join('\n');
    expect(longGcPauses(scrape)).toBe(2);
  });
});

describe('longLoggedGcs', () => {
  it("lists gc-log's pauses over the limit among the server's log lines", () => {
    const logs = [
      { msg: 'duo game decided' },
      { msg: 'gc pause', kind: 'minor', ms: 25, heapMb: 80 },
      { msg: 'gc pause', kind: 'major', ms: 131, heapMb: 150 },
      { msg: 'gc pause', kind: 'minor', ms: 61, heapMb: 90 },
      { msg: 'gc pause', kind: 'major', ms: 70, heapMb: 150 },
    ];
    expect(longLoggedGcs(logs, 50)).toEqual([
      'major 2 (longest 131 ms)',
      'minor 1 (longest 61 ms)',
    ]);
  });
});
