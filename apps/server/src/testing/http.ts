/** GETs `url` and parses the JSON body, for tests. */
export async function getJson<T = unknown>(
  url: string,
): Promise<{ status: number; headers: Headers; body: T }> {
  const res = await fetch(url);
  return { status: res.status, headers: res.headers, body: (await res.json()) as T };
}
