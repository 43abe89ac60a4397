// Test helper: synthesizes a stage in-process (no AWS, no CLI) with the context of cdk.json, once
// per stage per test file.
import { Template } from 'aws-cdk-lib/assertions';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type TengenApp } from '../src/app.ts';
import type { Stage } from '../src/config/stages.ts';

/** The context block of infra/cdk.json (what the CDK CLI would pass). */
export function cdkContext(): Record<string, unknown> {
  const cdkJson = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'cdk.json'), 'utf8')) as {
    context: Record<string, unknown>;
  };
  return cdkJson.context;
}

/** A synthesized stage: the app, its stacks' templates and the assembly directory. */
export interface SynthesizedStage extends TengenApp {
  platformTemplate: Template;
  appTemplate: Template;
  outdir: string;
}

const cache = new Map<string, SynthesizedStage>();

/** Synthesizes a stage (cached); `extra` context overrides cdk.json. */
export function synthStage(stage: Stage, extra: Record<string, unknown> = {}): SynthesizedStage {
  const key = `${stage}:${JSON.stringify(extra)}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const outdir = mkdtempSync(join(tmpdir(), `tengen-cdk-${stage}-`));
  const built = createApp({ context: { ...cdkContext(), ...extra, stage }, outdir });
  built.app.synth();
  const result = {
    ...built,
    outdir,
    platformTemplate: Template.fromStack(built.platform),
    appTemplate: Template.fromStack(built.appStack),
  };
  cache.set(key, result);
  return result;
}
