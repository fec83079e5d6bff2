import { Validator, type OutputUnit } from '@cfworker/json-schema';
import type { JsonSchema } from '../api/types';

export type FieldErrors = Record<string, string[]>;
/** Problems that belong to no single field. */
export const FORM = '';

export type FieldKind = 'text' | 'number' | 'integer' | 'boolean' | 'select';

export interface Field {
  name: string;
  label: string;
  kind: FieldKind;
  required: boolean;
  schema: JsonSchema;
  options: { value: string; label: string }[];
}

function typeOf(schema: JsonSchema): string | undefined {
  return Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
}

/** The fields of an object schema, in the order it declares them. */
export function fieldsOf(schema: JsonSchema | null | undefined): Field[] {
  const properties = schema?.properties ?? {};
  const required = new Set(schema?.required ?? []);
  return Object.entries(properties).map(([name, property]) => {
    const type = typeOf(property);
    let kind: FieldKind = 'text';
    if (Array.isArray(property.enum)) kind = 'select';
    else if (type === 'boolean') kind = 'boolean';
    else if (type === 'integer') kind = 'integer';
    else if (type === 'number') kind = 'number';
    const options = Array.isArray(property.enum) ? property.enum.map((v) => ({ value: JSON.stringify(v), label: String(v) })) : [];
    return { name, label: property.title ?? name, kind, required: required.has(name), schema: property, options };
  });
}

/** The form's raw values as the JSON object the run receives: empty inputs are left out. */
export function toParameters(fields: Field[], raw: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    const value = raw[field.name];
    if (value === undefined || value === null || value === '') continue;
    switch (field.kind) {
      case 'select':
        out[field.name] = JSON.parse(String(value));
        break;
      case 'number':
      case 'integer': {
        const n = typeof value === 'number' ? value : Number(value);
        out[field.name] = Number.isNaN(n) ? value : n;
        break;
      }
      case 'boolean':
        out[field.name] = Boolean(value);
        break;
      default:
        out[field.name] = value;
    }
  }
  return out;
}

function push(errors: FieldErrors, field: string, message: string) {
  (errors[field] ??= []).push(message);
}

/** The required fields left empty. */
export function missingRequired(schema: JsonSchema | null | undefined, value: Record<string, unknown>): FieldErrors {
  const errors: FieldErrors = {};
  for (const name of schema?.required ?? []) {
    if (value[name] === undefined) push(errors, name, 'Required');
  }
  return errors;
}

/** Validates in the browser (no code generation, so the strict CSP holds); the server validates again. */
export function validate(schema: JsonSchema | null | undefined, value: Record<string, unknown>): FieldErrors {
  if (!schema) return {};
  const result = new Validator(schema as object, '2020-12', false).validate(value);
  const errors: FieldErrors = {};
  for (const unit of result.errors as OutputUnit[]) {
    const required = /required property "([^"]+)"/.exec(unit.error);
    if (unit.keyword === 'required' && required) {
      push(errors, required[1], 'Required');
    } else if (unit.instanceLocation.startsWith('#/')) {
      const field = unit.instanceLocation.slice(2).split('/')[0];
      if (unit.keyword !== 'properties') push(errors, field, unit.error);
    } else if (unit.keyword === 'additionalProperties' || unit.keyword === 'false') {
      push(errors, FORM, unit.error);
    }
  }
  return errors;
}

/**
 * The service's 400 problems (`$.msg: must be at most 200 characters`, `$: required property 'msg' not found`)
 * placed next to the fields they name; the rest go to the form as a whole.
 */
export function problemsByField(details: string[], fields: Field[]): FieldErrors {
  const names = new Set(fields.map((f) => f.name));
  const errors: FieldErrors = {};
  for (const problem of details) {
    const at = /^\$\.([A-Za-z0-9_-]+)/.exec(problem);
    const required = /required property '([^']+)'/.exec(problem) ?? /'([^']+)' is missing/.exec(problem);
    const unknown = /property '([^']+)' is not defined/.exec(problem);
    const name = at?.[1] ?? required?.[1] ?? unknown?.[1];
    if (name && names.has(name)) push(errors, name, problem.replace(/^\$(\.[A-Za-z0-9_-]+)?:\s*/, ''));
    else push(errors, FORM, problem);
  }
  return errors;
}

/** What the models/actions/runs editor accepts as a run's parameters: an object schema the form can render. */
const PARAMETERS_SHAPE = {
  type: 'object',
  required: ['type'],
  properties: {
    type: { const: 'object' },
    required: { type: 'array', items: { type: 'string' }, uniqueItems: true },
    additionalProperties: { type: 'boolean' },
    properties: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        properties: {
          type: { enum: ['string', 'number', 'integer', 'boolean'] },
          enum: { type: 'array', minItems: 1 },
          minimum: { type: 'number' },
          maximum: { type: 'number' },
          minLength: { type: 'integer', minimum: 0 },
          maxLength: { type: 'integer', minimum: 0 },
          pattern: { type: 'string' },
          title: { type: 'string' },
          description: { type: 'string' },
        },
      },
    },
  },
};

/** Problems of a parameters schema typed into the editor; empty text means "no parameters". */
export function schemaProblems(text: string): string[] {
  if (!text.trim()) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    return [`Not JSON: ${(e as Error).message}`];
  }
  const result = new Validator(PARAMETERS_SHAPE as object, '2020-12', false).validate(parsed);
  const problems = result.errors
    .filter((u) => u.keyword !== 'properties' && u.keyword !== 'additionalProperties')
    .map((u) => `${u.instanceLocation.replace(/^#/, '') || '/'}: ${u.error}`);
  if (problems.length === 0) {
    const schema = parsed as JsonSchema;
    for (const name of schema.required ?? []) {
      if (!schema.properties?.[name]) problems.push(`/required: "${name}" is not a property`);
    }
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      if (property.pattern) {
        try {
          new RegExp(property.pattern, 'u');
        } catch {
          problems.push(`/properties/${name}/pattern: not a valid regular expression`);
        }
      }
    }
  }
  return problems;
}
