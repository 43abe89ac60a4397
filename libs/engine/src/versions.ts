import { Button } from './buttons.ts';

/**
 * Every rules version this engine runs, oldest first. A stored replay names the version it was
 * played under and is always re-run under it, so a rule change never changes an old game's result.
 * Retirement policy: libs/engine/README.md ("Versions").
 */
export const ENGINE_VERSIONS = [1, 2] as const;

/** One supported rules version. */
export type EngineVersion = (typeof ENGINE_VERSIONS)[number];

/** The rules version new games are played under (the newest). */
export const ENGINE_VERSION: EngineVersion = 2;

/**
 * The version a game runs under when its options name none: 1, the rules every game had before
 * versions existed, so older callers and stored data keep their meaning. New games pass
 * `ENGINE_VERSION` explicitly.
 */
export const UNVERSIONED_ENGINE_VERSION: EngineVersion = 1;

/** True for a rules version this engine runs. */
export function isEngineVersion(v: unknown): v is EngineVersion {
  return (ENGINE_VERSIONS as readonly unknown[]).includes(v);
}

/** "1 or 2": the supported versions for error messages. */
export const ENGINE_VERSIONS_TEXT = ENGINE_VERSIONS.join(' or ');

/**
 * The held-button mask after which the next frame runs no gameplay pass, or -1 (never) under
 * version 1. Version 2: exactly Down+Left+Right (controller byte $07), see `stepState`.
 */
export function lagButtonsOf(version: EngineVersion): number {
  switch (version) {
    case 1:
      return -1;
    case 2:
      return Button.Down | Button.Left | Button.Right;
    default: {
      const never: never = version;
      throw new RangeError(`unknown engine version ${String(never)}`);
    }
  }
}
