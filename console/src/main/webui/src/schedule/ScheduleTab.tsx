import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { Alert, Button, Group, Loader, NumberInput, SegmentedControl, Select, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/client';
import { ownsOrAdmin } from '../auth/permissions';
import { useSession } from '../auth/session';
import type { Automation, AutomationView, Device } from '../api/types';
import { describe, fieldOf, removeAutomation, saveAutomation, timeZones, useAutomation, type AutomationField } from './automation';

type Draft = {
  type: Automation['type'];
  onMinutes: number | string;
  offMinutes: number | string;
  on: string;
  off: string;
  zone: string;
  onMode: 'live' | 'auto';
  enabled: boolean;
};

type Errors = Partial<Record<AutomationField | 'form', string>>;

const localZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

function draftOf(a: Automation | null | undefined): Draft {
  const base: Draft = { type: 'duration', onMinutes: 30, offMinutes: 30, on: '07:00', off: '19:00', zone: localZone(), onMode: 'live', enabled: true };
  if (!a) return base;
  return a.type === 'duration'
    ? { ...base, type: 'duration', onMinutes: a.onMinutes, offMinutes: a.offMinutes, onMode: a.onMode, enabled: a.enabled }
    : { ...base, type: 'timeOfDay', on: a.on, off: a.off, zone: a.zone, onMode: a.onMode, enabled: a.enabled };
}

/** The object sent to device-service; numbers it cannot read are sent as they are, for it to refuse by name. */
function automationOf(d: Draft): Automation {
  const minutes = (v: number | string) => (typeof v === 'number' ? v : Number.isFinite(Number(v)) && v !== '' ? Number(v) : (v as unknown as number));
  return d.type === 'duration'
    ? { type: 'duration', onMinutes: minutes(d.onMinutes), offMinutes: minutes(d.offMinutes), onMode: d.onMode, enabled: d.enabled }
    : { type: 'timeOfDay', on: d.on, off: d.off, zone: d.zone, onMode: d.onMode, enabled: d.enabled };
}

/** The service's refusal placed on the field it names; what names no field goes to the form. */
function errorsOf(e: unknown): Errors {
  if (!(e instanceof ApiError)) return { form: e instanceof Error ? e.message : String(e) };
  if (e.status !== 400) return { form: e.message };
  const errors: Errors = {};
  for (const problem of [e.message, ...e.details]) {
    const field = fieldOf(problem) ?? 'form';
    errors[field] = errors[field] ? `${errors[field]}; ${problem}` : problem;
  }
  return errors;
}

const WHEN: Intl.DateTimeFormatOptions = {
  weekday: 'short', year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short',
};

function NextTransition({ view }: { view: AutomationView }) {
  const next = view.nextTransition;
  if (!view.automation) return <Text c="dimmed" data-testid="next-transition">No schedule: the mode changes only when someone sets it.</Text>;
  if (!view.automation.enabled) return <Text c="dimmed" data-testid="next-transition">Schedule paused: nothing changes until it is enabled again.</Text>;
  if (!next) return <Text c="dimmed" data-testid="next-transition">No change is planned.</Text>;
  const at = new Date(next.at);
  const zone = view.automation.type === 'timeOfDay' ? view.automation.zone : null;
  return (
    <Table withRowBorders={false} verticalSpacing={2} maw={560} data-testid="next-transition" data-at={next.at} data-mode={next.mode}>
      <Table.Tbody>
        <Table.Tr><Table.Td c="dimmed" w="40%">Next change</Table.Td><Table.Td>mode <b>{next.mode}</b></Table.Td></Table.Tr>
        <Table.Tr><Table.Td c="dimmed">Your time</Table.Td><Table.Td data-field="local">{at.toLocaleString(undefined, { ...WHEN })}</Table.Td></Table.Tr>
        {zone && (
          <Table.Tr><Table.Td c="dimmed">Schedule's zone ({zone})</Table.Td><Table.Td data-field="zone">{at.toLocaleString(undefined, { ...WHEN, timeZone: zone })}</Table.Td></Table.Tr>
        )}
      </Table.Tbody>
    </Table>
  );
}

/**
 * The device's on/off schedule (`control-mode`): when it next changes the mode, and for the device's owner or an
 * admin (whom device-service lets write it) the form to edit, pause or remove it.
 */
export default function ScheduleTab({ device }: { device: Device }) {
  const { user } = useSession();
  const queries = useQueryClient();
  const view = useAutomation(device.id);
  const zones = useMemo(timeZones, []);
  const [draft, setDraft] = useState<Draft>(draftOf(null));
  const [errors, setErrors] = useState<Errors>({});
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (view.data) setDraft(draftOf(view.data.automation));
  }, [view.data]);

  if (view.isLoading) return <Loader />;
  if (view.error) {
    const e = view.error;
    return <Alert color="red">{e instanceof ApiError && e.status === 404 ? 'This device-service has no schedules yet (404).' : (e as Error).message}</Alert>;
  }

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
    setSaved(null);
  };
  const done = (answer: AutomationView | null, text: string) => {
    queries.setQueryData(['automation', device.id], answer ?? { automation: null, nextTransition: null });
    queries.invalidateQueries({ queryKey: ['devices'] });
    setSaved(text);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    setSaved(null);
    try {
      done(await saveAutomation(device.id, automationOf(draft)), 'Schedule saved.');
    } catch (e) {
      setErrors(errorsOf(e));
    } finally {
      setBusy(false);
    }
  };
  const remove = async () => {
    setBusy(true);
    setErrors({});
    try {
      await removeAutomation(device.id);
      done(null, 'Schedule removed.');
    } catch (e) {
      setErrors(errorsOf(e));
    } finally {
      setBusy(false);
    }
  };

  const current = view.data!.automation;
  return (
    <Stack maw={560}>
      <Text data-testid="schedule-current">{current ? `Current schedule: ${describe(current)}${current.enabled ? '' : ' (paused)'}` : 'No schedule.'}</Text>
      <NextTransition view={view.data!} />
      {!ownsOrAdmin(user, device.owner) ? (
        <Text size="sm" c="dimmed" data-testid="schedule-read-only">Only the device's owner or an admin can change its schedule.</Text>
      ) : (
        <form onSubmit={submit} noValidate data-testid="schedule-form">
          <Stack gap="sm">
            <SegmentedControl aria-label="Schedule type" value={draft.type} onChange={(v) => set('type', v as Draft['type'])}
              data={[{ value: 'duration', label: 'On/off periods' }, { value: 'timeOfDay', label: 'Times of day' }]} />
            {errors.type && <Text size="sm" c="red">{errors.type}</Text>}
            {draft.type === 'duration' ? (
              <Group grow>
                <NumberInput label="On for (minutes)" name="onMinutes" min={1} clampBehavior="none" allowDecimal={false} value={draft.onMinutes}
                  onChange={(v) => set('onMinutes', v)} error={errors.onMinutes} />
                <NumberInput label="Then off for (minutes)" name="offMinutes" min={1} clampBehavior="none" allowDecimal={false} value={draft.offMinutes}
                  onChange={(v) => set('offMinutes', v)} error={errors.offMinutes} />
              </Group>
            ) : (
              <>
                <Group grow>
                  <TextInput type="time" label="On at" name="on" value={draft.on} onChange={(e) => set('on', e.currentTarget.value)} error={errors.on} />
                  <TextInput type="time" label="Off at" name="off" value={draft.off} onChange={(e) => set('off', e.currentTarget.value)} error={errors.off} />
                </Group>
                <Select label="Time zone" name="zone" searchable limit={50} data={zones} value={draft.zone}
                  onChange={(v) => set('zone', v ?? '')} error={errors.zone} nothingFoundMessage="No such time zone" />
              </>
            )}
            <Select label="Mode when on" name="onMode" data={['live', 'auto']} value={draft.onMode} allowDeselect={false}
              onChange={(v) => set('onMode', (v ?? 'live') as Draft['onMode'])} error={errors.onMode} />
            <Switch label="Enabled" name="enabled" checked={draft.enabled} onChange={(e) => set('enabled', e.currentTarget.checked)} error={errors.enabled} />
            {errors.form && <Alert color="red" role="alert">{errors.form}</Alert>}
            {saved && <Alert color="green" data-testid="schedule-saved">{saved}</Alert>}
            <Group>
              <Button type="submit" loading={busy}>Save schedule</Button>
              {current && <Button variant="subtle" color="red" onClick={remove} disabled={busy}>Remove schedule</Button>}
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
