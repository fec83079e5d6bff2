import { useState } from 'react';
import { Alert, Button, Group, JsonInput, List, NumberInput, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../api/client';
import { namesById, useActions, useModels, useRuns } from '../../api/hooks';
import type { RunDefinition } from '../../api/types';
import { schemaProblems } from '../../forms/schema';

const message = (e: unknown) => (e instanceof ApiError ? [e.message, ...e.details].join(' — ') : String(e));

function NamedList({ title, path, items }: { title: string; path: string; items: { id: string; name: string; description?: string | null }[] }) {
  const queries = useQueryClient();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const act = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
      queries.invalidateQueries();
    } catch (e) {
      setError(message(e));
    }
  };
  return (
    <Stack gap="xs">
      <Title order={4}>{title}</Title>
      <List size="sm">
        {items.map((i) => (
          <List.Item key={i.id}>
            {i.name}{' '}
            <Button size="compact-xs" variant="subtle" color="red" onClick={() => act(() => api(`${path}/${i.id}`, { method: 'DELETE' }))}>delete</Button>
          </List.Item>
        ))}
      </List>
      <Group>
        <TextInput aria-label={`New ${title}`} placeholder="name" value={name} onChange={(e) => setName(e.currentTarget.value)} />
        <Button onClick={() => act(() => api(path, { method: 'POST', body: { name } }).then(() => setName('')))}>Add</Button>
      </Group>
      {error && <Alert color="red">{error}</Alert>}
    </Stack>
  );
}

function RunEditor({ run, onDone }: { run: RunDefinition | null; onDone(): void }) {
  const models = useModels();
  const actions = useActions();
  const [model, setModel] = useState<string | null>(run?.model ?? null);
  const [action, setAction] = useState<string | null>(run?.action ?? null);
  const [command, setCommand] = useState(run?.command ?? '');
  const [target, setTarget] = useState<string | null>(run?.target ?? 'device');
  const [timeout, setTimeout] = useState<number | string>(run?.timeout ?? '');
  const [permission, setPermission] = useState(run?.permission ?? '');
  const [schema, setSchema] = useState(run?.parameters ? JSON.stringify(run.parameters, null, 2) : '');
  const [error, setError] = useState<string | null>(null);
  const problems = schemaProblems(schema);
  const save = async () => {
    setError(null);
    const body = {
      model: namesById(models.data)[model ?? ''] ?? model, action: namesById(actions.data)[action ?? ''] ?? action, command, target,
      timeout: timeout === '' ? null : Number(timeout), parameters: schema.trim() ? JSON.parse(schema) : null,
      ...(permission ? { permission } : {}),
    };
    try {
      if (run) await api(`/api/runs/${run.id}`, { method: 'PATCH', body });
      else await api('/api/runs', { method: 'POST', body });
      onDone();
    } catch (e) {
      setError(message(e));
    }
  };
  return (
    <Stack gap="xs" data-testid="run-editor">
      <Group grow>
        <Select label="Model" data={(models.data ?? []).map((m) => ({ value: m.id, label: m.name }))} value={model} onChange={setModel} />
        <Select label="Action" data={(actions.data ?? []).map((a) => ({ value: a.id, label: a.name }))} value={action} onChange={setAction} />
        <Select label="Target" data={['device', 'local']} value={target} onChange={setTarget} />
      </Group>
      <TextInput label="Command" description="$name is replaced by a parameter or built-in, shell-quoted" value={command} onChange={(e) => setCommand(e.currentTarget.value)} />
      <Group grow>
        <NumberInput label="Timeout (s)" min={1} max={600} value={timeout} onChange={setTimeout} />
        <TextInput label="Permission needed" placeholder="e.g. control-ptz" value={permission} onChange={(e) => setPermission(e.currentTarget.value)} />
      </Group>
      <JsonInput label="Parameters (JSON Schema)" autosize minRows={6} value={schema} onChange={setSchema}
        error={problems.length ? problems.join('; ') : undefined} aria-label="Parameters schema" />
      {error && <Alert color="red" role="alert">{error}</Alert>}
      <Group><Button onClick={save} disabled={problems.length > 0}>{run ? 'Save run' : 'Add run'}</Button></Group>
    </Stack>
  );
}

export function CatalogPanel() {
  const queries = useQueryClient();
  const models = useModels();
  const actions = useActions();
  const runs = useRuns();
  const [editing, setEditing] = useState<RunDefinition | 'new' | null>(null);
  const modelNames = namesById(models.data);
  const actionNames = namesById(actions.data);
  return (
    <Stack>
      <Group align="flex-start" grow>
        <NamedList title="Models" path="/api/models" items={models.data ?? []} />
        <NamedList title="Actions" path="/api/actions" items={actions.data ?? []} />
      </Group>
      <Title order={4}>Runs</Title>
      <Table>
        <Table.Thead><Table.Tr><Table.Th>Model</Table.Th><Table.Th>Action</Table.Th><Table.Th>Target</Table.Th><Table.Th>Command</Table.Th><Table.Th /></Table.Tr></Table.Thead>
        <Table.Tbody>
          {(runs.data ?? []).map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>{modelNames[r.model] ?? r.model}</Table.Td>
              <Table.Td>{actionNames[r.action] ?? r.action}</Table.Td>
              <Table.Td>{r.target}</Table.Td>
              <Table.Td><Text size="xs" ff="monospace">{r.command}</Text></Table.Td>
              <Table.Td><Button size="compact-xs" variant="subtle" onClick={() => setEditing(r)}>Edit</Button></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {editing === null ? <Group><Button onClick={() => setEditing('new')}>Add run</Button></Group>
        : <RunEditor key={editing === 'new' ? 'new' : editing.id} run={editing === 'new' ? null : editing}
            onDone={() => { setEditing(null); queries.invalidateQueries({ queryKey: ['runs'] }); }} />}
    </Stack>
  );
}
