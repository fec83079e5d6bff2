import { useEffect, useState, type FormEvent } from 'react';
import { Alert, Button, Center, Paper, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { useLocation, useNavigate } from 'react-router-dom';
import { ApiError } from '../api/client';
import { useSession } from '../auth/session';

export function LoginPage() {
  const { login } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [identity, setIdentity] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [waitUntil, setWaitUntil] = useState<number | null>(null);
  const [now, setNow] = useState(Date.now());
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!waitUntil) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [waitUntil]);

  const secondsLeft = waitUntil ? Math.max(0, Math.ceil((waitUntil - now) / 1000)) : 0;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login(identity, password);
      const from = (location.state as { from?: string } | null)?.from;
      navigate(from && from !== '/login' ? from : '/', { replace: true });
    } catch (e) {
      if (e instanceof ApiError) {
        setError(e.message);
        if (e.status === 429 && e.retryAfter) {
          setNow(Date.now());
          setWaitUntil(Date.now() + e.retryAfter * 1000);
        }
      } else {
        setError('The sign-in service could not be reached.');
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Center h="100vh">
      <Paper withBorder shadow="sm" p="xl" w={380}>
        <form onSubmit={submit}>
          <Stack>
            <Title order={2}>Joystick</Title>
            <TextInput label="Email" name="identity" autoComplete="username" required value={identity}
              onChange={(e) => setIdentity(e.currentTarget.value)} />
            <PasswordInput label="Password" name="password" autoComplete="current-password" required value={password}
              onChange={(e) => setPassword(e.currentTarget.value)} />
            {error && <Alert color="red" role="alert">{error}</Alert>}
            {secondsLeft > 0 && (
              <Alert color="orange" data-testid="retry-countdown">Too many attempts: try again in {secondsLeft} s.</Alert>
            )}
            <Button type="submit" loading={busy} disabled={secondsLeft > 0}>Sign in</Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
