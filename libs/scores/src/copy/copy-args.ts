import { parseArgs } from 'node:util';
import * as z from 'zod';

/** `copy-scores --from sqlite:PATH [--to postgres://...]`, validated. */
export interface CopyArgs {
  /** The SQLite file (the `sqlite:` prefix removed). */
  from: string;
  /** The PostgreSQL URL; without it the server's `DATABASE_URL`. */
  to: string | undefined;
}

/**
 * The command's usage line. The target's authentication and TLS are the server's settings
 * (`DATABASE_AUTH`, `AWS_REGION`, `DATABASE_TLS`, `DATABASE_CA_FILE`).
 */
export const COPY_USAGE =
  'usage: copy-scores --from sqlite:PATH [--to postgres://user[:password]@host[:port]/database] (default DATABASE_URL; DATABASE_AUTH, AWS_REGION, DATABASE_TLS, DATABASE_CA_FILE as for the server)';

const schema = z.object({
  from: z
    .string({ error: 'is missing' })
    .regex(/^sqlite:.+/, 'expected sqlite:PATH')
    .transform((v) => v.slice('sqlite:'.length)),
  to: z
    .string({ error: 'is missing' })
    .refine(
      (v) => URL.canParse(v) && /^postgres(ql)?:$/.test(new URL(v).protocol),
      'expected postgres://...',
    )
    .optional(),
});

/** Parses argv (after the script); throws an Error naming the bad option (never the password). */
export function parseCopyArgs(argv: string[]): CopyArgs {
  let values: Record<string, unknown>;
  try {
    values = parseArgs({
      args: argv,
      options: { from: { type: 'string' }, to: { type: 'string' } },
      strict: true,
    }).values;
  } catch (err) {
    throw new Error(`${(err as Error).message.split('\n')[0]}; ${COPY_USAGE}`, { cause: err });
  }
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`--${String(issue?.path[0])} ${issue?.message ?? 'is invalid'}; ${COPY_USAGE}`);
  }
  return { from: parsed.data.from, to: parsed.data.to };
}
