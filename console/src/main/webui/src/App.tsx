import { lazy, Suspense } from 'react';
import { Center, Loader } from '@mantine/core';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { useSession } from './auth/session';
import { Shell } from './layout/Shell';
import { LoginPage } from './pages/LoginPage';
import { DevicesPage } from './pages/DevicesPage';
import { DevicePage } from './pages/DevicePage';
import { NotificationsPage } from './pages/NotificationsPage';

// Admins only: loaded on first visit, so it does not weigh on everyone's first page.
const AdminPage = lazy(() => import('./pages/admin/AdminPage'));

export function App() {
  const { user, loading, can } = useSession();
  const location = useLocation();
  if (loading) {
    return <Center h="100vh"><Loader /></Center>;
  }
  if (!user) {
    return (
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="*" element={<Navigate to="/login" replace state={{ from: location.pathname }} />} />
      </Routes>
    );
  }
  return (
    <Shell>
      <Routes>
        <Route path="/" element={<DevicesPage />} />
        <Route path="/devices/:id/*" element={<DevicePage />} />
        <Route path="/notifications" element={<NotificationsPage />} />
        {can('admin') && <Route path="/admin/*" element={<Suspense fallback={<Loader />}><AdminPage /></Suspense>} />}
        <Route path="/login" element={<Navigate to="/" replace />} />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Routes>
    </Shell>
  );
}
