import { MAX_BATCH_FRAMES, MAX_BATCH_RUNS } from './constants.ts';

// Test fixture (no runtime code imports it): `inputs` payloads at and past every limit, shared by
// the specs that hold the fast paths (`fastInputs`, `decodeInputsWire`) to the schema's verdict.

/** `[, 1]`: a run whose first slot is a hole. */
function sparseRun(): unknown[] {
  const run: unknown[] = [];
  run[1] = 1;
  return run;
}

export const inputsEdgeCases: [string, unknown][] = [
  ['one run', { from: 0, runs: [[1, 0]] }],
  ['largest values', { from: 2 ** 31 - 1, runs: [[MAX_BATCH_FRAMES, 255]] }],
  ['most runs', { from: 5, runs: Array.from({ length: MAX_BATCH_RUNS }, () => [1, 3]) }],
  ['one run too many', { from: 5, runs: Array.from({ length: MAX_BATCH_RUNS + 1 }, () => [1, 3]) }],
  ['a type key (overridden)', { type: 'pause', from: 3, runs: [[2, 1]] }],
  ['extra key', { from: 0, runs: [[1, 0]], frames: 1 }],
  ['missing runs', { from: 0 }],
  ['missing from', { runs: [[1, 0]] }],
  ['negative frame', { from: -1, runs: [[1, 0]] }],
  ['frame past int32', { from: 2 ** 31, runs: [[1, 0]] }],
  ['fractional frame', { from: 1.5, runs: [[1, 0]] }],
  ['string frame', { from: '0', runs: [[1, 0]] }],
  ['NaN frame', { from: NaN, runs: [[1, 0]] }],
  ['Infinity frame', { from: Infinity, runs: [[1, 0]] }],
  ['bigint frame', { from: 1n, runs: [[1, 0]] }],
  ['negative zero frame', { from: -0, runs: [[1, 0]] }],
  ['empty runs', { from: 0, runs: [] }],
  ['runs not an array', { from: 0, runs: { 0: [1, 0], length: 1 } }],
  ['zero-length run', { from: 0, runs: [[0, 1]] }],
  ['run too long', { from: 0, runs: [[MAX_BATCH_FRAMES + 1, 1]] }],
  ['buttons not a byte', { from: 0, runs: [[1, 256]] }],
  ['negative buttons', { from: 0, runs: [[1, -1]] }],
  ['run with three numbers', { from: 0, runs: [[1, 0, 0]] }],
  ['run with one number', { from: 0, runs: [[1]] }],
  ['run not an array', { from: 0, runs: [1] }],
  ['null run', { from: 0, runs: [null] }],
  ['sparse run', { from: 0, runs: [sparseRun()] }],
  ['null payload', null],
  ['array payload', [1, 2]],
  ['string payload', 'inputs'],
  ['undefined payload', undefined],
];
