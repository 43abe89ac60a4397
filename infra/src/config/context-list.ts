/**
 * A list from CDK context as either source gives it: a comma-separated string from `-c key=a,b`
 * (split, trimmed, empty entries dropped) or a list of strings from cdk.json. Anything else is
 * `undefined`, for the caller to refuse with words naming its key.
 */
export function contextList(value: unknown): string[] | undefined {
  if (typeof value === 'string')
    return value
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean);
  if (Array.isArray(value) && value.every((entry) => typeof entry === 'string'))
    return value as string[];
  return undefined;
}
