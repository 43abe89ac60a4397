import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as z from 'zod';

/** The part of `nx graph --file=out.json` these rules read: each project's outgoing edges. */
const graphFile = z.object({
  graph: z.object({
    nodes: z.record(z.string(), z.unknown()),
    dependencies: z.record(
      z.string(),
      z.array(z.object({ source: z.string(), target: z.string(), type: z.string() })),
    ),
  }),
});

/** A project graph: project name to the names it depends on, with the kind of each edge. */
export type ProjectGraph = z.infer<typeof graphFile>['graph'];

/** A dependency that must never exist, directly or through other projects, and why. */
export interface ForbiddenDependency {
  from: string;
  to: string;
  why: string;
}

/**
 * The edges the architecture forbids (docs/architecture.md). The client must not depend on the
 * server: its tests that need a live server live in `client-integration`, so a server change does
 * not make the client affected and the client builds without the server.
 */
export const FORBIDDEN: readonly ForbiddenDependency[] = [
  {
    from: 'client',
    to: 'server',
    why: 'tests that need a live server belong in apps/client-integration',
  },
];

/** Parses the JSON `nx graph --file` writes, with a clear error when its shape is not the expected one. */
export function parseGraph(json: string): ProjectGraph {
  return graphFile.parse(JSON.parse(json)).graph;
}

/**
 * The chain of projects by which `from` depends on `to` (`['client', 'x', 'server']`), or
 * undefined when it does not: any edge kind counts (static, dynamic, implicit).
 */
export function dependencyPath(
  graph: ProjectGraph,
  from: string,
  to: string,
): string[] | undefined {
  const cameFrom = new Map<string, string>();
  const queue = [from];
  const seen = new Set(queue);
  while (queue.length > 0) {
    const at = queue.shift()!;
    for (const edge of graph.dependencies[at] ?? []) {
      if (seen.has(edge.target)) continue;
      seen.add(edge.target);
      cameFrom.set(edge.target, at);
      if (edge.target === to) {
        const path = [to];
        for (let p = at; p !== from; p = cameFrom.get(p)!) path.unshift(p);
        return [from, ...path];
      }
      queue.push(edge.target);
    }
  }
  return undefined;
}

/** One line per forbidden dependency the graph has (empty when it has none). */
export function violations(graph: ProjectGraph, rules = FORBIDDEN): string[] {
  return rules.flatMap(({ from, to, why }) => {
    for (const name of [from, to]) {
      if (!(name in graph.nodes)) return [`no project named ${name} in the graph (renamed?)`];
    }
    const path = dependencyPath(graph, from, to);
    return path ? [`${path.join(' -> ')}: ${from} must not depend on ${to} (${why})`] : [];
  });
}

/** Runs `nx graph --file` in the workspace at `root` and returns the graph it writes. */
export function workspaceGraph(root: string): ProjectGraph {
  const dir = mkdtempSync(join(tmpdir(), 'tengen-graph-'));
  try {
    const file = join(dir, 'graph.json');
    execFileSync(join(root, 'node_modules', '.bin', 'nx'), ['graph', `--file=${file}`], {
      cwd: root,
      env: { ...process.env, NX_DAEMON: 'false', NX_TUI: 'false' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    return parseGraph(readFileSync(file, 'utf8'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
