import { Badge, Burger, Button, Group, Text } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../contracts/access.ts';
import { notifyError } from '../lib/error-messages.ts';
import { LanguageSwitch } from './language-switch.tsx';
import { useLogout } from './session.ts';
import { AnchorLink } from '../components/router-links.tsx';

type AppHeaderProps = { user: SessionUser; isNavbarOpen: boolean; onToggleNavbar: () => void };

export function AppHeader({ user, isNavbarOpen, onToggleNavbar }: AppHeaderProps) {
  const { t } = useTranslation();
  const logout = useLogout();
  const navigate = useNavigate();

  const signOut = () =>
    logout.mutate(undefined, {
      onSuccess: () => void navigate({ to: '/login' }),
      onError: notifyError,
    });

  return (
    <Group h="100%" px="sm" justify="space-between" wrap="nowrap" gap="xs">
      <Group gap="xs" wrap="nowrap">
        <Burger
          opened={isNavbarOpen}
          onClick={onToggleNavbar}
          hiddenFrom="sm"
          size="sm"
          aria-label={t('nav.toggleMenu')}
          aria-expanded={isNavbarOpen}
        />
        <AnchorLink to="/" underline="never" c="brand.9" fw={700} fz="lg">
          {t('app.name')}
        </AnchorLink>
        <Text visibleFrom="md" c="dimmed" size="sm">
          {t('app.tagline')}
        </Text>
      </Group>
      <Group gap="xs" wrap="nowrap">
        <Group gap={6} visibleFrom="sm" wrap="nowrap">
          <Text size="sm" fw={500}>
            {user.displayName}
          </Text>
          <Badge variant="light" color="gray" c="dark.6">
            {t(`roles.${user.role}`)}
          </Badge>
        </Group>
        <LanguageSwitch />
        <Button variant="subtle" color="dark" size="compact-sm" onClick={signOut} loading={logout.isPending}>
          {t('nav.logout')}
        </Button>
      </Group>
    </Group>
  );
}
