// Validates rendered objects against the Kubernetes OpenAPI schemas shipped by kubernetes-models
// (types, enums, required fields). The model class is looked up from apiVersion and kind.
import type { K8sObject } from './render.ts';

interface Validatable {
  validate(): void;
}
type ModelClass = new (data: unknown) => Validatable;

/** Module path in kubernetes-models for an apiVersion: `v1` → `kubernetes-models/v1`. */
export function modelModule(apiVersion: string): string {
  return `kubernetes-models/${apiVersion}`;
}

/** Throws (with the object's kind and name) if the object does not match its Kubernetes schema. */
export async function validateObject(object: K8sObject): Promise<void> {
  const module = (await import(modelModule(object.apiVersion))) as Record<string, unknown>;
  const Model = module[object.kind] as ModelClass | undefined;
  if (!Model) throw new Error(`no kubernetes-models class for ${object.apiVersion} ${object.kind}`);
  try {
    new Model(object).validate();
  } catch (error) {
    throw new Error(`${object.kind}/${object.metadata.name} is invalid: ${String(error)}`, {
      cause: error,
    });
  }
}
