import type { Replay } from '@tengen/engine';

/** One button mask per frame of a replay's run-length inputs. */
export function replayFrames(inputs: Replay['inputs']): number[] {
  return inputs.flatMap(([count, buttons]) => Array<number>(count).fill(buttons));
}

/** `replay` with its inputs replaced by `frames` (one mask per frame), run-length encoded again. */
export function withFrames(replay: Replay, frames: readonly number[]): Replay {
  const inputs: [number, number][] = [];
  for (const buttons of frames) {
    const last = inputs.at(-1);
    if (last && last[1] === buttons) last[0]++;
    else inputs.push([1, buttons]);
  }
  return { ...replay, inputs };
}
