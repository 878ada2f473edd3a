import { Button, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { DataTable } from 'mantine-datatable';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../contracts/access.ts';
import { DotLabel } from '../../components/dot-label.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { formatDateTime, formatNumber } from '../../lib/format.ts';
import { useProvinces } from '../places/api.ts';
import { useUsers } from './api.ts';
import { UserCreateModal } from './user-create-modal.tsx';
import { UserEditModal } from './user-edit-modal.tsx';

export function UsersPage() {
  const { t } = useTranslation();
  const users = useUsers();
  const provinces = useProvinces();
  const [isCreateOpen, createModal] = useDisclosure(false);
  const [editing, setEditing] = useState<User | null>(null);
  const provinceName = new Map((provinces.data ?? []).map((province) => [province.code, province.fullName]));
  const wideOnly = (theme: { breakpoints: { sm: string } }) => `(min-width: ${theme.breakpoints.sm})`;

  return (
    <>
      <PageHeader
        title={t('users.title')}
        description={
          users.data ? t('users.count', { count: users.data.items.length, formatted: formatNumber(users.data.items.length) }) : ' '
        }
        actions={<Button onClick={createModal.open}>{t('users.create')}</Button>}
      />
      {users.isError ? (
        <ErrorState error={users.error} onRetry={() => void users.refetch()} />
      ) : (
        <DataTable<User>
          aria-label={t('users.title')}
          withTableBorder
          borderRadius="md"
          highlightOnHover
          minHeight={users.data?.items.length ? undefined : 180}
          fetching={users.isPending}
          records={users.data?.items ?? []}
          noRecordsText={t('users.empty')}
          columns={[
            {
              accessor: 'username',
              title: t('users.fields.username'),
              render: (user) => (
                <Stack gap={0}>
                  <Text size="sm">{user.username}</Text>
                  <Text size="xs" c="dimmed" hiddenFrom="sm">
                    {user.displayName}
                  </Text>
                </Stack>
              ),
            },
            { accessor: 'displayName', title: t('users.fields.displayName'), visibleMediaQuery: wideOnly },
            { accessor: 'role', title: t('users.fields.role'), render: (user) => t(`roles.${user.role}`) },
            {
              accessor: 'provinceCode',
              title: t('users.fields.province'),
              visibleMediaQuery: wideOnly,
              render: (user) => (user.provinceCode ? (provinceName.get(user.provinceCode) ?? user.provinceCode) : t('users.allProvinces')),
            },
            {
              accessor: 'isActive',
              title: t('users.fields.status'),
              render: (user) =>
                user.isActive ? (
                  <DotLabel color="green">{t('users.active')}</DotLabel>
                ) : (
                  <DotLabel color="red">{t('users.locked')}</DotLabel>
                ),
            },
            {
              accessor: 'lastLoginAt',
              title: t('users.fields.lastLoginAt'),
              visibleMediaQuery: wideOnly,
              render: (user) => (user.lastLoginAt ? formatDateTime(user.lastLoginAt) : t('users.neverLoggedIn')),
            },
            {
              accessor: 'actions',
              title: <VisuallyHidden>{t('users.actions')}</VisuallyHidden>,
              textAlign: 'right',
              render: (user) => (
                <Button
                  size="compact-sm"
                  variant="light"
                  c="brand.9"
                  onClick={() => setEditing(user)}
                  aria-label={t('users.editUser', { username: user.username })}
                >
                  {t('common.edit')}
                </Button>
              ),
            },
          ]}
        />
      )}
      <UserCreateModal isOpen={isCreateOpen} onClose={createModal.close} />
      {editing && <UserEditModal key={editing.id} user={editing} onClose={() => setEditing(null)} />}
    </>
  );
}
