import { AppShell } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Outlet, useRouter } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { AppHeader } from './app-header.tsx';
import { Navigation } from './navigation.tsx';
import { useSession } from './session.ts';

export function AppLayout() {
  const { t } = useTranslation();
  const [isNavbarOpen, { toggle, close }] = useDisclosure(false);
  const session = useSession();
  const router = useRouter();

  // Signed out elsewhere (logout, expired session): to the login page, and back here afterwards.
  // The page is read once, when the session ends, so the redirect never points at the login page.
  useEffect(() => {
    if (session) return;
    const { href, pathname } = router.state.location;
    if (pathname === '/login') return;
    void router.navigate({ to: '/login', search: { redirect: href }, replace: true });
  }, [session, router]);

  if (!session) return null;
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !isNavbarOpen } }}
      padding={{ base: 'sm', sm: 'md' }}
    >
      <a href="#main-content" className="skip-link">
        {t('nav.skipToContent')}
      </a>
      <AppShell.Header>
        <AppHeader user={session.user} isNavbarOpen={isNavbarOpen} onToggleNavbar={toggle} />
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('nav.main')}>
        <Navigation user={session.user} onNavigate={close} />
      </AppShell.Navbar>
      <AppShell.Main id="main-content" tabIndex={-1} bg="gray.0">
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
