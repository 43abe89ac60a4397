import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  dependencyPath,
  parseGraph,
  violations,
  workspaceGraph,
  type ProjectGraph,
} from './graph-rules.ts';

/** A graph in the shape `nx graph --file` writes. */
function graph(edges: Record<string, string[]>, type = 'static'): ProjectGraph {
  const names = new Set([...Object.keys(edges), ...Object.values(edges).flat()]);
  return {
    nodes: Object.fromEntries([...names].map((n) => [n, {}])),
    dependencies: Object.fromEntries(
      [...names].map((n) => [n, (edges[n] ?? []).map((target) => ({ source: n, target, type }))]),
    ),
  };
}

describe('dependencyPath', () => {
  it('finds a direct edge of any kind, and a chain through other projects', () => {
    expect(dependencyPath(graph({ client: ['server'] }, 'implicit'), 'client', 'server')).toEqual([
      'client',
      'server',
    ]);
    const chained = graph({ client: ['engine', 'net'], net: ['kit'], kit: ['server'] });
    expect(dependencyPath(chained, 'client', 'server')).toEqual(['client', 'net', 'kit', 'server']);
  });

  it('is undefined when the target is reached only the other way round, or through a cycle that never gets there', () => {
    const g = graph({ server: ['client'], client: ['a'], a: ['b'], b: ['a'] });
    expect(dependencyPath(g, 'client', 'server')).toBeUndefined();
  });
});

describe('violations', () => {
  it('names the chain when the client depends on the server, and nothing when it does not', () => {
    expect(violations(graph({ client: ['kit'], kit: ['server'] }))).toEqual([
      'client -> kit -> server: client must not depend on server (tests that need a live server belong in apps/client-integration)',
    ]);
    expect(violations(graph({ 'client-integration': ['client', 'server'] }))).toEqual([]);
  });

  it('fails when a project the rule names is gone, rather than passing silently', () => {
    expect(violations(graph({ web: ['server'] }))).toEqual([
      'no project named client in the graph (renamed?)',
    ]);
  });

  it('refuses a file that is not a project graph', () => {
    expect(() => parseGraph('{"nodes":{}}')).toThrow();
  });
});

describe('this workspace (nx graph --file)', () => {
  it('has no forbidden dependency: the client does not depend on the server', () => {
    const root = join(import.meta.dirname, '..', '..', '..');
    const g = workspaceGraph(root);
    expect(Object.keys(g.nodes)).toEqual(
      expect.arrayContaining(['client', 'server', 'client-integration']),
    );
    // The server's tests for the client's network code still run, against the server, in their own project.
    expect(dependencyPath(g, 'client-integration', 'server')).toEqual([
      'client-integration',
      'server',
    ]);
    expect(violations(g)).toEqual([]);
  });
});
