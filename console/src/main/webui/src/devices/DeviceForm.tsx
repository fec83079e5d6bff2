import { useState, type FormEvent } from 'react';
import { Alert, Button, Checkbox, Group, NumberInput, PasswordInput, Select, Stack, TextInput } from '@mantine/core';
import { ApiError } from '../api/client';
import type { Device, Named } from '../api/types';

export interface DeviceInput {
  id?: string;
  name: string;
  model: string;
  information: {
    host?: string;
    port: number | null;
    user?: string;
    secondSlotHost: string;
    autoSlotSwitch: boolean;
    password?: string;
  };
}

/** Add or edit a device; the password is write-only (left empty, it stays as it is). */
export function DeviceForm({ device, models, onSave }: { device?: Device; models: Named[]; onSave(input: DeviceInput): Promise<unknown> }) {
  const [id, setId] = useState(device?.id ?? '');
  const [name, setName] = useState(device?.name ?? '');
  const [model, setModel] = useState<string | null>(device?.model ?? null);
  const [host, setHost] = useState(device?.information.host ?? '');
  const [port, setPort] = useState<number | string>(device?.information.port ?? 22);
  const [user, setUser] = useState(device?.information.user ?? '');
  const [second, setSecond] = useState(device?.information.secondSlotHost ?? '');
  const [auto, setAuto] = useState(device?.information.autoSlotSwitch ?? false);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onSave({
        ...(device ? {} : { id }),
        name,
        model: model ?? '',
        // Empty fields are left out (the service would refuse an empty host or user name).
        information: {
          ...(host ? { host } : {}), port: port === '' ? null : Number(port), ...(user ? { user } : {}),
          secondSlotHost: second, autoSlotSwitch: auto, ...(password ? { password } : {}),
        },
      });
    } catch (err) {
      setError(err instanceof ApiError ? [err.message, ...err.details].join(' — ') : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit}>
      <Stack gap="xs">
        {!device && <TextInput label="Id" name="id" required value={id} onChange={(e) => setId(e.currentTarget.value)} />}
        <TextInput label="Name" name="name" required value={name} onChange={(e) => setName(e.currentTarget.value)} />
        <Select label="Model" required data={models.map((m) => ({ value: m.id, label: m.name }))} value={model} onChange={setModel} />
        <Group grow>
          <TextInput label="Host" name="host" value={host} onChange={(e) => setHost(e.currentTarget.value)} />
          <NumberInput label="SSH port" min={1} max={65535} value={port} onChange={setPort} />
        </Group>
        <TextInput label="SSH user" name="user" value={user} onChange={(e) => setUser(e.currentTarget.value)} />
        <PasswordInput label="SSH password" description={device?.information.hasPassword ? 'Set; leave empty to keep it' : undefined}
          value={password} onChange={(e) => setPassword(e.currentTarget.value)} autoComplete="new-password" />
        <TextInput label="Second slot host" value={second} onChange={(e) => setSecond(e.currentTarget.value)} />
        <Checkbox label="Switch slots automatically" checked={auto} onChange={(e) => setAuto(e.currentTarget.checked)} />
        {error && <Alert color="red" role="alert">{error}</Alert>}
        <Button type="submit" loading={busy}>{device ? 'Save' : 'Add device'}</Button>
      </Stack>
    </form>
  );
}
