-- The daily deletion of old action-log rows (log/service/ActionLogRetention) finds them by age: quiet rows by
-- (quiet, created), every row by created when joystick.action-log.retention is set.
CREATE INDEX action_logs_quiet_created ON action_logs (quiet, created);
CREATE INDEX action_logs_created ON action_logs (created);
