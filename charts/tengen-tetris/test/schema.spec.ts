import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chartDir } from '../scripts/helm-binary.ts';
import { renderError, render } from './render.ts';

interface SchemaNode {
  properties?: Record<string, SchemaNode>;
  additionalProperties?: boolean | SchemaNode;
  items?: SchemaNode;
}

/** Paths of schema nodes that list properties but still accept unknown ones. */
function openObjects(node: SchemaNode, path: string): string[] {
  const here = node.properties && node.additionalProperties !== false ? [path] : [];
  const children = Object.entries(node.properties ?? {}).flatMap(([key, child]) =>
    openObjects(child, `${path}.${key}`),
  );
  return [...here, ...children, ...(node.items ? openObjects(node.items, `${path}[]`) : [])];
}

const production = ['production-values.yaml'];

describe('values.schema.json and template checks', () => {
  it('closes every object it describes (additionalProperties: false)', () => {
    const schema = JSON.parse(
      readFileSync(join(chartDir, 'values.schema.json'), 'utf8'),
    ) as SchemaNode;
    expect(Object.keys(schema.properties ?? {}).length).toBeGreaterThan(20);
    expect(openObjects(schema, '$')).toEqual([]);
  });

  it('rejects a misspelt key in an extra environment variable', () => {
    expect(
      renderError({ set: { 'server.extraEnv[0].name': 'A', 'server.extraEnv[0].valu': 'b' } }),
    ).toMatch(/additional properties 'valu'/);
  });

  it('rejects a misspelt top-level key', () => {
    expect(renderError({ set: { replicaCont: 2 } })).toMatch(
      /additional properties 'replicaCont' not allowed/,
    );
  });

  it('rejects a misspelt nested key', () => {
    expect(renderError({ set: { 'server.drainSecond': 5 } })).toMatch(
      /additional properties 'drainSecond' not allowed/,
    );
  });

  it('rejects wrong types', () => {
    expect(renderError({ set: { 'server.port': 'http' } })).toMatch(/\/server\/port.*want integer/);
    expect(renderError({ set: { 'ingress.enabled': 'yes' } })).toMatch(
      /\/ingress\/enabled.*want boolean/,
    );
  });

  it('rejects the mutable latest tag and a malformed digest', () => {
    expect(renderError({ set: { 'image.tag': 'latest' } })).toMatch(/\/image\/tag/);
    expect(renderError({ set: { 'image.digest': 'sha256:nothex' } })).toMatch(/\/image\/digest/);
  });

  it('requires at least one replica', () => {
    expect(renderError({ values: production, set: { 'autoscaling.minReplicas': 0 } })).toMatch(
      /minReplicas.*minimum/,
    );
  });

  it('fails when minReplicas exceeds maxReplicas (template check)', () => {
    expect(
      renderError({
        values: production,
        set: { 'autoscaling.minReplicas': 5, 'autoscaling.maxReplicas': 4 },
      }),
    ).toMatch(/minReplicas \(5\) must not exceed autoscaling.maxReplicas \(4\)/);
  });

  it('refuses several replicas without scale-out', () => {
    expect(renderError({ set: { replicaCount: 2 } })).toMatch(
      /\/replicaCount': maximum: got 2, want 1/,
    );
    expect(renderError({ set: { 'autoscaling.enabled': true } })).toMatch(
      /\/autoscaling\/enabled': value must be false/,
    );
  });

  it('refuses scale-out without any Redis', () => {
    expect(renderError({ values: production, set: { 'redis.external.url': '' } })).toMatch(
      /at '\/redis': 'anyOf' failed/,
    );
  });

  it('accepts scale-out with a Redis URL from an existing Secret instead', () => {
    expect(() =>
      render({
        values: production,
        set: { 'redis.external.url': '', 'redis.external.existingSecret.name': 'redis' },
      }),
    ).not.toThrow();
  });

  it('refuses scale-out without an ingress host or with per-pod emptyDir databases', () => {
    expect(renderError({ values: production, set: { 'ingress.host': '' } })).toMatch(
      /\/ingress\/host': minLength/,
    );
    expect(renderError({ values: production, set: { 'persistence.type': 'emptyDir' } })).toMatch(
      /\/persistence\/type': value must be one of/,
    );
  });

  it('requires an EFS file system id for EFS and a claim name for existingClaim', () => {
    expect(renderError({ set: { 'persistence.type': 'efs' } })).toMatch(
      /\/persistence\/efs\/fileSystemId': minLength/,
    );
    expect(
      renderError({
        set: { 'persistence.efs.fileSystemId': 'vol-123', 'persistence.type': 'efs' },
      }),
    ).toMatch(/\/persistence\/efs\/fileSystemId': 'vol-123' does not match pattern/);
    expect(renderError({ set: { 'persistence.type': 'existingClaim' } })).toMatch(
      /\/persistence\/existingClaim': minLength/,
    );
  });

  // The same rules are enforced a second time by the templates, for installs that skip the schema.
  describe.each([
    [{ replicaCount: 2 }, /more than one replica .* needs scaleOut.enabled/],
    [
      {
        'redis.external.url': '',
        'scaleOut.enabled': true,
        'persistence.type': 'efs',
        'persistence.efs.fileSystemId': 'fs-12345678',
        'ingress.enabled': true,
        'ingress.host': 'a.b',
      },
      /needs a Redis/,
    ],
    [
      {
        'scaleOut.enabled': true,
        'redis.inChart.enabled': true,
        'persistence.type': 'efs',
        'persistence.efs.fileSystemId': 'fs-12345678',
      },
      /needs ingress.enabled and ingress.host/,
    ],
    [
      {
        'scaleOut.enabled': true,
        'redis.inChart.enabled': true,
        'ingress.enabled': true,
        'ingress.host': 'a.b',
      },
      /needs shared storage/,
    ],
    [{ 'persistence.type': 'efs' }, /needs persistence.efs.fileSystemId/],
    [{ 'persistence.type': 'existingClaim' }, /needs persistence.existingClaim/],
  ])('template check without the schema: %o', (set, message) => {
    it('fails with a clear message', () => {
      expect(renderError({ set, flags: ['--skip-schema-validation'] })).toMatch(message);
    });
  });

  it('rejects an unknown persistence type', () => {
    expect(renderError({ set: { 'persistence.type': 'ebs' } })).toMatch(/\/persistence\/type/);
  });
});
