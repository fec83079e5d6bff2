import { useMemo, useState, type FormEvent } from 'react';
import { Alert, Button, Checkbox, Group, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import type { JsonSchema } from '../api/types';
import { FORM, fieldsOf, missingRequired, toParameters, type Field, type FieldErrors } from './schema';

interface Props {
  schema: JsonSchema | null | undefined;
  submitLabel: string;
  submitting?: boolean;
  /** Problems from the server, by field ('' for the form). */
  serverErrors?: FieldErrors;
  onSubmit(parameters: Record<string, unknown>): void;
}

function initial(fields: Field[]): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const f of fields) {
    const d = f.schema.default;
    if (d !== undefined) values[f.name] = f.kind === 'select' ? JSON.stringify(d) : d;
    else values[f.name] = f.kind === 'boolean' ? false : '';
  }
  return values;
}

/** A form generated from a run's JSON Schema: strings, bounded numbers, enums, booleans, required fields. */
export function SchemaForm({ schema, submitLabel, submitting, serverErrors, onSubmit }: Props) {
  const fields = useMemo(() => fieldsOf(schema), [schema]);
  const [values, setValues] = useState<Record<string, unknown>>(() => initial(fields));
  const [local, setLocal] = useState<FieldErrors>({});
  const [skipped, setSkipped] = useState<Record<string, boolean>>({});
  const errors: FieldErrors = { ...local };
  for (const [k, v] of Object.entries(serverErrors ?? {})) {
    if (!skipped[k]) errors[k] = [...(errors[k] ?? []), ...v];
  }

  const set = (name: string, value: unknown) => {
    setValues((v) => ({ ...v, [name]: value }));
    setLocal((e) => ({ ...e, [name]: [] }));
    setSkipped((s) => ({ ...s, [name]: true }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parameters = toParameters(fields, values);
    // Only what makes a run impossible is checked here (required fields); bounds, lengths and patterns are the
    // service's to judge, and its 400 lands next to the field it names.
    const problems = missingRequired(schema, parameters);
    setLocal(problems);
    setSkipped({});
    if (Object.values(problems).every((p) => p.length === 0)) onSubmit(parameters);
  };

  const message = (name: string) => (errors[name]?.length ? errors[name].join('; ') : undefined);

  return (
    <form onSubmit={submit} noValidate aria-label={submitLabel}>
      <Stack gap="xs">
        {fields.length === 0 && <Text size="sm" c="dimmed">No parameters.</Text>}
        {fields.map((f) => {
          const common = {
            label: f.label,
            name: f.name,
            description: f.schema.description,
            withAsterisk: f.required,
            error: message(f.name),
          };
          switch (f.kind) {
            case 'select':
              return (
                <Select key={f.name} {...common} data={f.options} value={(values[f.name] as string) || null}
                  onChange={(v) => set(f.name, v ?? '')} clearable={!f.required} allowDeselect={!f.required} />
              );
            case 'boolean':
              return (
                <Checkbox key={f.name} label={f.label} name={f.name} description={f.schema.description} error={message(f.name)}
                  checked={Boolean(values[f.name])} onChange={(e) => set(f.name, e.currentTarget.checked)} />
              );
            case 'number':
            case 'integer':
              return (
                <NumberInput key={f.name} {...common} value={values[f.name] as number | string} onChange={(v) => set(f.name, v)}
                  min={f.schema.minimum} max={f.schema.maximum} clampBehavior="none" allowDecimal={f.kind === 'number'} />
              );
            default:
              return (
                <TextInput key={f.name} {...common} value={String(values[f.name] ?? '')} onChange={(e) => set(f.name, e.currentTarget.value)} />
              );
          }
        })}
        {message(FORM) && <Alert color="red" role="alert">{message(FORM)}</Alert>}
        <Group>
          <Button type="submit" loading={submitting}>{submitLabel}</Button>
        </Group>
      </Stack>
    </form>
  );
}
