import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ADDON_VERSIONS,
  EKS_ADDONS,
  KUBERNETES_VERSION,
  addonVersion,
} from '../src/config/kubernetes.ts';
import { STAGES } from '../src/config/stages.ts';
import { synthStage } from './synth.ts';

type Resource = { Properties: Record<string, unknown>; DependsOn?: string[] };
const root = join(import.meta.dirname, '..', '..');

describe('the Kubernetes version table', () => {
  it('pins every add-on for every minor it lists, in the EKS build format', () => {
    expect(Object.keys(ADDON_VERSIONS)).toContain(KUBERNETES_VERSION);
    for (const [minor, versions] of Object.entries(ADDON_VERSIONS)) {
      expect(Object.keys(versions).sort(), minor).toEqual([...EKS_ADDONS].sort());
      for (const version of Object.values(versions))
        expect(version).toMatch(/^v\d+\.\d+\.\d+-eksbuild\.\d+$/);
      // kube-proxy must match the control plane's minor exactly.
      expect(versions['kube-proxy'].startsWith(`v${minor}.`), minor).toBe(true);
    }
  });

  it('depends on exactly one kubectl layer, the one of the cluster minor', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      devDependencies: Record<string, string>;
    };
    const layers = Object.entries(manifest.devDependencies).filter(([name]) =>
      name.startsWith('@aws-cdk/lambda-layer-kubectl-v'),
    );
    const minor = KUBERNETES_VERSION.split('.')[1];
    expect(layers).toEqual([
      [`@aws-cdk/lambda-layer-kubectl-v${minor}`, expect.stringMatching(/^\d+\.\d+\.\d+$/)],
    ]);
  });
});

describe.each(STAGES)('cluster version and add-ons (%s)', (stage) => {
  const { platformTemplate: template } = synthStage(stage);
  const addons = Object.entries(template.findResources('AWS::EKS::Addon')) as [string, Resource][];

  it(`runs Kubernetes ${KUBERNETES_VERSION} under standard support only`, () => {
    template.hasResourceProperties('AWS::EKS::Cluster', {
      Version: KUBERNETES_VERSION,
      UpgradePolicy: { SupportType: 'STANDARD' },
    });
  });

  it('runs kubectl and helm of the same minor in the kubectl handler', () => {
    const layers = Object.values(template.findResources('AWS::Lambda::LayerVersion')) as Resource[];
    expect(layers.map((l) => l.Properties['Description'])).toContainEqual(
      expect.stringMatching(
        new RegExp(`kubectl ${KUBERNETES_VERSION.replace('.', '\\.')}\\.\\d+; .*helm 4\\.`),
      ),
    );
  });

  it('installs each add-on of the table, managed, at its pinned version', () => {
    const byName = new Map(
      addons.map(([, a]) => [a.Properties['AddonName'] as string, a.Properties]),
    );
    expect([...byName.keys()].sort()).toEqual([...EKS_ADDONS].sort());
    for (const name of EKS_ADDONS) {
      expect(byName.get(name)?.['AddonVersion'], name).toBe(addonVersion(name));
      // OVERWRITE: the self-managed copies EKS bootstraps are adopted, not refused.
      expect(byName.get(name)?.['ResolveConflicts'], name).toBe('OVERWRITE');
    }
  });

  it('creates the CNI before the nodes and the other add-ons after them', () => {
    const logicalId = (name: string) =>
      addons.find(([, a]) => a.Properties['AddonName'] === name)?.[0] ?? '';
    const [nodegroupId, nodegroup] = Object.entries(
      template.findResources('AWS::EKS::Nodegroup'),
    )[0] as [string, Resource];
    expect(nodegroup.DependsOn).toContain(logicalId('vpc-cni'));
    for (const name of EKS_ADDONS.filter((n) => n !== 'vpc-cni')) {
      const addon = addons.find(([id]) => id === logicalId(name))?.[1];
      expect(addon?.DependsOn, name).toContain(nodegroupId);
    }
  });
});
