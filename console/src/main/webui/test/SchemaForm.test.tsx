import { describe, expect, it, vi } from 'vitest';
import { screen, fireEvent } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SchemaForm } from '../src/forms/SchemaForm';
import { problemsByField, schemaProblems, validate } from '../src/forms/schema';
import { fieldsOf } from '../src/forms/schema';
import { renderWithTheme } from './render';
import type { JsonSchema } from '../src/api/types';

const schema: JsonSchema = {
  type: 'object',
  properties: {
    msg: { type: 'string', maxLength: 5 },
    count: { type: 'integer', minimum: 1, maximum: 10 },
    loud: { type: 'boolean' },
    mode: { enum: ['live', 'off', 'auto'] },
  },
  required: ['msg', 'mode'],
  additionalProperties: false,
};

describe('SchemaForm', () => {
  it('rendersAFieldForEachPropertyWithItsKind', () => {
    renderWithTheme(<SchemaForm schema={schema} submitLabel="Run" onSubmit={() => undefined} />);
    expect(screen.getByRole('textbox', { name: /msg/ })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /count/ })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'loud' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: /mode/ })).toHaveAttribute('readonly');
  });

  it('marksRequiredFieldsAndRefusesToSubmitWithoutThem', async () => {
    const onSubmit = vi.fn();
    renderWithTheme(<SchemaForm schema={schema} submitLabel="Run" onSubmit={onSubmit} />);
    await userEvent.click(screen.getByRole('button', { name: 'Run' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getAllByText('Required')).toHaveLength(2);
  });

  it('leavesBoundsToTheServerSoItsAnswerIsTheRule', async () => {
    const onSubmit = vi.fn();
    renderWithTheme(<SchemaForm schema={{ type: 'object', properties: schema.properties, required: ['msg'] }} submitLabel="Run" onSubmit={onSubmit} />);
    await userEvent.type(screen.getByRole('textbox', { name: /msg/ }), 'much too long');
    fireEvent.change(screen.getByRole('textbox', { name: /count/ }), { target: { value: '42' } });
    await userEvent.click(screen.getByRole('button', { name: 'Run' }));
    expect(onSubmit).toHaveBeenCalledWith({ msg: 'much too long', count: 42, loud: false });
  });

  it('validatesAgainstTheSchemaWithoutGeneratingCode', () => {
    expect(validate(schema, { msg: 'much too long', mode: 'live' })).toEqual({ msg: [expect.stringMatching(/too long/i)] });
    expect(validate(schema, { msg: 'ok' })).toEqual({ mode: ['Required'] });
  });

  it('sendsTypedValuesAndLeavesEmptyOnesOut', async () => {
    const onSubmit = vi.fn();
    renderWithTheme(<SchemaForm schema={{ type: 'object', properties: { msg: { type: 'string' }, count: { type: 'integer' }, loud: { type: 'boolean' } }, required: ['msg'] }}
      submitLabel="Run" onSubmit={onSubmit} />);
    await userEvent.type(screen.getByRole('textbox', { name: /msg/ }), 'hi');
    await userEvent.click(screen.getByRole('checkbox', { name: 'loud' }));
    await userEvent.click(screen.getByRole('button', { name: 'Run' }));
    expect(onSubmit).toHaveBeenCalledWith({ msg: 'hi', loud: true });
  });

  it('showsTheServersProblemsNextToTheirFields', () => {
    const fields = fieldsOf(schema);
    const errors = problemsByField(['$.msg: must be at most 5 characters long', '$: required property \'mode\' not found', 'something else'], fields);
    renderWithTheme(<SchemaForm schema={schema} submitLabel="Run" serverErrors={errors} onSubmit={() => undefined} />);
    expect(screen.getByRole('textbox', { name: /msg/ })).toHaveAccessibleDescription(/must be at most 5 characters long/);
    expect(errors.mode).toEqual(["required property 'mode' not found"]);
    expect(screen.getByRole('alert')).toHaveTextContent('something else');
  });

  it('rendersNoFieldsForARunWithoutParameters', () => {
    renderWithTheme(<SchemaForm schema={null} submitLabel="Run" onSubmit={() => undefined} />);
    expect(screen.getByText('No parameters.')).toBeInTheDocument();
  });
});

describe('schemaProblems (the run editor)', () => {
  it('acceptsAnObjectSchemaTheFormCanRender', () => {
    expect(schemaProblems(JSON.stringify(schema))).toEqual([]);
    expect(schemaProblems('')).toEqual([]);
  });

  it('reportsBadJsonUnknownTypesAndDanglingRequiredNames', () => {
    expect(schemaProblems('{"type":')[0]).toMatch(/^Not JSON/);
    expect(schemaProblems('{"type":"object","properties":{"a":{"type":"strin"}}}').join()).toMatch(/properties\/a\/type/);
    expect(schemaProblems('{"type":"object","required":["b"],"properties":{}}')).toEqual(['/required: "b" is not a property']);
  });
});
