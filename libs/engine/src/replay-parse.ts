import { Button, BUTTON_MASK } from './buttons.ts';
import { MAX_REPLAY_FRAMES, ReplayError, type Replay } from './replay-types.ts';
import { seedProblem } from './seed.ts';
import { ENGINE_VERSIONS_TEXT, isEngineVersion } from './versions.ts';

const BUTTON_NAMES = Object.entries(Button)
  .map(([name, bit]) => `${name}=${bit}`)
  .join(' ');

function describe(v: unknown): string {
  if (Array.isArray(v)) return 'an array';
  if (v === null) return 'null';
  return typeof v === 'object' ? 'an object' : (JSON.stringify(v) ?? String(v));
}

/** Validates untrusted JSON data as a replay of a supported version; throws `ReplayError` (one line). */
export function parseReplay(json: unknown): Replay {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new ReplayError(`replay must be a JSON object, got ${describe(json)}`);
  }
  const o = json as Record<string, unknown>;
  const version = o['version'];
  if (!isEngineVersion(version))
    throw new ReplayError(
      `unsupported replay version ${describe(version)}: expected ${ENGINE_VERSIONS_TEXT}`,
    );
  const problem = seedProblem(o['seed']);
  if (problem !== null) throw new ReplayError(problem);
  const level = o['startLevel'];
  if (typeof level !== 'number' || !Number.isInteger(level) || level < 0 || level > 29) {
    throw new ReplayError(`bad startLevel ${describe(level)}: must be an integer 0..29`);
  }
  const raw = o['inputs'];
  if (!Array.isArray(raw))
    throw new ReplayError(
      `bad inputs: must be an array of [frameCount, buttons] pairs, got ${describe(raw)}`,
    );
  const inputs: [number, number][] = [];
  let total = 0;
  for (let i = 0; i < raw.length; i++) {
    const run: unknown = raw[i];
    if (!Array.isArray(run) || run.length !== 2) {
      throw new ReplayError(
        `bad inputs[${i}]: must be a [frameCount, buttons] pair, got ${JSON.stringify(run)}`,
      );
    }
    const [count, buttons] = run as [unknown, unknown];
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) {
      throw new ReplayError(
        `bad inputs[${i}]: frame count ${describe(count)} must be a positive integer`,
      );
    }
    if (typeof buttons !== 'number' || !Number.isInteger(buttons) || buttons < 0) {
      throw new ReplayError(
        `bad inputs[${i}]: buttons ${describe(buttons)} must be a non-negative integer`,
      );
    }
    if ((buttons & ~BUTTON_MASK) !== 0 || buttons > BUTTON_MASK) {
      throw new ReplayError(
        `bad inputs[${i}]: unknown button bits in ${buttons} (allowed: ${BUTTON_NAMES})`,
      );
    }
    total += count;
    if (total > MAX_REPLAY_FRAMES)
      throw new ReplayError(`replay too long: more than ${MAX_REPLAY_FRAMES} frames`);
    inputs.push([count, buttons]);
  }
  return { version, seed: (o['seed'] as string).toUpperCase(), startLevel: level, inputs };
}
