import { Badge, Divider, Stack, Text } from '@mantine/core';
import { useLocation } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../contracts/access.ts';
import { permissions } from './session.ts';
import { NavLinkLink } from '../components/router-links.tsx';

type NavigationProps = { user: SessionUser; onNavigate: () => void };

export function Navigation({ user, onNavigate }: NavigationProps) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const ownOrganizationId = user.role === 'cooperative' ? user.organizationId : null;

  return (
    <Stack gap={4}>
      <Stack gap={4} hiddenFrom="sm" px="xs" pb="xs">
        <Text size="sm" fw={500}>
          {user.displayName}
        </Text>
        <Badge variant="light" color="gray" c="dark.6">
          {t(`roles.${user.role}`)}
        </Badge>
        <Divider mt="xs" />
      </Stack>
      {ownOrganizationId ? (
        <NavLinkLink
          to="/organizations/$id"
          params={{ id: ownOrganizationId }}
          label={t('nav.myOrganization')}
          active={pathname.startsWith('/organizations')}
          onClick={onNavigate}
        />
      ) : (
        <>
          <NavLinkLink to="/" label={t('nav.dashboard')} active={pathname === '/'} onClick={onNavigate} />
          <NavLinkLink
            to="/organizations"
            // Only the list itself is "the current page" (aria-current); the duplicates page has its own entry.
            activeOptions={{ exact: true, includeSearch: false }}
            label={t('nav.organizations')}
            active={pathname.startsWith('/organizations') && !pathname.startsWith('/organizations/duplicates')}
            onClick={onNavigate}
          />
          <NavLinkLink
            to="/organizations/duplicates"
            label={t('nav.duplicates')}
            active={pathname.startsWith('/organizations/duplicates')}
            onClick={onNavigate}
          />
          <NavLinkLink to="/people" label={t('nav.people')} active={pathname.startsWith('/people')} onClick={onNavigate} />
          {permissions.canImport(user.role) && (
            <NavLinkLink to="/imports" label={t('nav.import')} active={pathname.startsWith('/imports')} onClick={onNavigate} />
          )}
          <NavLinkLink to="/advisory" label={t('nav.advisory')} active={pathname.startsWith('/advisory')} onClick={onNavigate} />
          <NavLinkLink to="/members" label={t('nav.members')} active={pathname.startsWith('/members')} onClick={onNavigate} />
          <NavLinkLink
            to="/finance"
            label={t('nav.finance')}
            active={pathname.startsWith('/finance')}
            onClick={onNavigate}
            activeOptions={{ exact: true, includeSearch: false }}
          />
        </>
      )}
      {permissions.canManageUsers(user.role) && (
        <NavLinkLink to="/users" label={t('nav.users')} active={pathname.startsWith('/users')} onClick={onNavigate} />
      )}
    </Stack>
  );
}
