import { Badge } from '@mantine/core';
import type { Automation } from '../api/types';
import { describe } from './automation';

/** A device's schedule at a glance on the device list: none, on (with what it does), or paused. */
export function AutomationBadge({ automation }: { automation: Automation | null | undefined }) {
  if (!automation) return null;
  return (
    <Badge size="sm" variant="outline" color={automation.enabled ? 'violet' : 'gray'} title={describe(automation)}
      data-automation={automation.enabled ? 'enabled' : 'disabled'}>
      {automation.enabled ? 'scheduled' : 'schedule paused'}
    </Badge>
  );
}
