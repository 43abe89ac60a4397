import * as z from 'zod/mini';
import type { ClientMessage } from './client-messages.ts';
import { fastInputs } from './inputs-fast-path.ts';

export { decodeInputsWire } from './inputs-wire.ts';
import { NAME_RAW_MAX_LENGTH } from './name.ts';
import {
  MAX_BATCH_FRAMES,
  MAX_BATCH_RUNS,
  MAX_START_LEVEL,
  NAME_KEY_PATTERN,
} from './constants.ts';

const frame = z.int().check(z.minimum(0), z.maximum(2 ** 31 - 1));
const run = z.tuple([
  z.int().check(z.minimum(1), z.maximum(MAX_BATCH_FRAMES)),
  z.int().check(z.minimum(0), z.maximum(255)),
]);

/**
 * The zod (mini) schema of every client message, a discriminated union on `type`. Objects are
 * strict: unknown keys are refused. Bounds here are structural; game rules (contiguity, known
 * button bits, total frames, name characters) are checked by the server with specific error codes.
 */
export const clientMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('selectLevel'),
    level: z.int().check(z.minimum(0), z.maximum(MAX_START_LEVEL)),
  }),
  z.strictObject({ type: z.literal('ready') }),
  z.strictObject({
    type: z.literal('inputs'),
    from: frame,
    runs: z.array(run).check(z.minLength(1), z.maxLength(MAX_BATCH_RUNS)),
  }),
  z.strictObject({ type: z.literal('pause'), paused: z.boolean() }),
  z.strictObject({ type: z.literal('restart') }),
  z.strictObject({ type: z.literal('rematch') }),
  z.strictObject({
    type: z.literal('submit'),
    name: z.string().check(z.maxLength(NAME_RAW_MAX_LENGTH)),
    key: z.optional(z.string().check(z.maxLength(64), z.regex(NAME_KEY_PATTERN, 'not a name key'))),
  }),
  z.strictObject({ type: z.literal('closeRoom') }),
]);

// Compile-time check that the schema and the hand-written union agree both ways.
type Parsed = z.infer<typeof clientMessageSchema>;
const _sameShape: [Parsed] extends [ClientMessage]
  ? [ClientMessage] extends [Parsed]
    ? true
    : never
  : never = true;
void _sameShape;

/** Outcome of `parseClientMessage`. */
export type ParseResult = { ok: true; message: ClientMessage } | { ok: false; error: string };

/**
 * Validates one message as received from Colyseus (its type and payload) into a `ClientMessage`.
 * Never throws; the error names the offending field.
 */
export function parseClientMessage(type: unknown, payload: unknown): ParseResult {
  if (typeof type !== 'string') return { ok: false, error: 'message type must be a string' };
  if (
    payload !== undefined &&
    (payload === null || typeof payload !== 'object' || Array.isArray(payload))
  ) {
    return { ok: false, error: `"${type.slice(0, 32)}" payload must be an object` };
  }
  const fast = type === 'inputs' ? fastInputs(payload) : null;
  if (fast) return { ok: true, message: fast };
  const result = clientMessageSchema.safeParse({ ...(payload as object), type });
  if (result.success) return { ok: true, message: result.data };
  const issue = result.error.issues[0];
  const path = issue?.path.length ? issue.path.join('.') : 'message';
  return { ok: false, error: `${path}: ${issue?.message ?? 'invalid'}` };
}
