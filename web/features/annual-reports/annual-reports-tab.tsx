import { Button, Group, Paper, Select, Stack, Table, Text, Title, useMantineTheme } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { lazy, type ReactNode, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnnualReport } from '../../../contracts/annual-reports.ts';
import type { Organization } from '../../../contracts/organizations.ts';
import { permissions, useCurrentUser } from '../../app/session.ts';
import { ErrorState } from '../../components/error-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { formatDateTime, formatMoney, formatNumber, formatScore } from '../../lib/format.ts';
import { useAnnualReports } from './api.ts';
import { AnnualReportFormModal } from './annual-report-form-modal.tsx';
import { BandBadge } from './band-badge.tsx';
import { type FigureKind, figureGroups } from './options.ts';

// The charts library is heavy: load it only when the figures are shown.
const AnnualReportCharts = lazy(() => import('./annual-report-charts.tsx').then((module) => ({ default: module.AnnualReportCharts })));

type Editing = { report: AnnualReport | null } | null;

/** The organisation's figures year by year (newest first), their trend, and entering a year. */
export function AnnualReportsTab({ organization }: { organization: Organization }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const reports = useAnnualReports(organization.id);
  const [editing, setEditing] = useState<Editing>(null);
  const theme = useMantineTheme();
  // A phone shows one year at a time: a column per year would push the numbers off the screen.
  const isPhone = useMediaQuery(`(max-width: ${theme.breakpoints.sm})`);
  const [phoneYear, setPhoneYear] = useState<number | null>(null);
  const canSave = permissions.canSaveAnnualReport(user, organization) && organization.archivedAt === null;

  if (reports.isPending) return <LoadingState />;
  if (reports.isError) return <ErrorState error={reports.error} onRetry={() => void reports.refetch()} />;

  const items = reports.data.items;
  const newestFirst = [...items].sort((a, b) => b.year - a.year);
  const shownYear = newestFirst.some((report) => report.year === phoneYear) ? phoneYear : (newestFirst[0]?.year ?? null);
  const shown = isPhone ? newestFirst.filter((report) => report.year === shownYear) : newestFirst;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={2} style={{ flex: '1 1 16rem' }}>
          <Title order={2} fz="h4">
            {t('annualReport.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {canSave ? t('annualReport.whoEdits') : t('annualReport.readOnly')}
          </Text>
        </Stack>
        {canSave && <Button onClick={() => setEditing({ report: null })}>{t('annualReport.create')}</Button>}
      </Group>

      {items.length === 0 ? (
        <Paper withBorder p="lg" radius="md">
          <Text c="dimmed">{t('annualReport.empty')}</Text>
        </Paper>
      ) : (
        <>
          {isPhone && newestFirst.length > 1 && (
            <Select
              label={t('annualReport.year')}
              aria-label={t('annualReport.year')}
              data={newestFirst.map((report) => String(report.year))}
              value={shownYear === null ? null : String(shownYear)}
              onChange={(value) => value && setPhoneYear(Number(value))}
              allowDeselect={false}
              maw={160}
            />
          )}
          <FiguresTable reports={shown} isCompact={isPhone ?? false} canSave={canSave} onEdit={(report) => setEditing({ report })} />
          {items.length >= 2 ? (
            <Suspense fallback={<LoadingState />}>
              <AnnualReportCharts reports={items} />
            </Suspense>
          ) : (
            <Text size="sm" c="dimmed">
              {t('annualReport.trendNeedsTwoYears')}
            </Text>
          )}
        </>
      )}

      {editing && (
        <AnnualReportFormModal
          organizationId={organization.id}
          organizationName={organization.name}
          report={editing.report}
          recordedYears={items.map((item) => item.year)}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}

type FiguresTableProps = { reports: AnnualReport[]; isCompact: boolean; canSave: boolean; onEdit: (report: AnnualReport) => void };

const stickyCell = { position: 'sticky', left: 0, background: 'var(--mantine-color-body)', zIndex: 1 } as const;

function FiguresTable({ reports, isCompact, canSave, onEdit }: FiguresTableProps) {
  const { t } = useTranslation();
  const dash = (
    <Text span c="dimmed">
      —
    </Text>
  );
  const show = (kind: FigureKind, value: number | boolean | null) => {
    if (value === null) return dash;
    if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
    if (kind === 'money' || kind === 'signedMoney') {
      return (
        <Text span size="sm" c={value < 0 ? 'red.9' : undefined} style={{ whiteSpace: 'nowrap' }}>
          {formatMoney(value)}
        </Text>
      );
    }
    return formatNumber(value);
  };

  return (
    <Paper withBorder radius="md" component="section" aria-label={t('annualReport.tableTitle')}>
      <Table.ScrollContainer minWidth={isCompact ? 0 : 260 + reports.length * 150}>
        <Table fz="sm" verticalSpacing={6} stickyHeader>
          <Table.Caption ta="left" px="sm">
            {t('annualReport.tableCaption')}
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th style={stickyCell} miw={isCompact ? undefined : 240}>
                {t('annualReport.indicator')}
              </Table.Th>
              {reports.map((report) => (
                <Table.Th key={report.year} ta="right" miw={isCompact ? undefined : 140}>
                  <Stack gap={2} align="flex-end">
                    <Text fw={700} size="sm">
                      {t('annualReport.yearHeading', { year: report.year })}
                    </Text>
                    {canSave && (
                      <Button
                        size="compact-xs"
                        variant="light"
                        c="brand.9"
                        onClick={() => onEdit(report)}
                        aria-label={t('annualReport.editYear', { year: report.year })}
                      >
                        {t('common.edit')}
                      </Button>
                    )}
                  </Stack>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {figureGroups.map((group) => (
              <FigureGroupRows key={group.key} group={group} reports={reports} show={show} />
            ))}
            <Table.Tr>
              <Table.Th colSpan={reports.length + 1} bg="gray.1">
                {t('annualReport.groups.classification')}
              </Table.Th>
            </Table.Tr>
            <Table.Tr>
              <Table.Td style={stickyCell}>{t('annualReport.fields.classificationScore')}</Table.Td>
              {reports.map((report) => (
                <Table.Td key={report.year} ta="right">
                  {report.classificationScore === null ? dash : formatScore(report.classificationScore)}
                </Table.Td>
              ))}
            </Table.Tr>
            <Table.Tr>
              <Table.Td style={stickyCell}>{t('annualReport.fields.classificationBand')}</Table.Td>
              {reports.map((report) => (
                <Table.Td key={report.year} ta="right">
                  {report.classificationBand ? (
                    <BandBadge band={report.classificationBand} />
                  ) : report.notRatedReason ? (
                    <Text span size="sm">
                      {t('annualReport.notRated')}: {t(`annualReport.notRatedReason.${report.notRatedReason}`)}
                    </Text>
                  ) : (
                    dash
                  )}
                </Table.Td>
              ))}
            </Table.Tr>
            <Table.Tr>
              <Table.Td style={stickyCell}>{t('annualReport.fields.notes')}</Table.Td>
              {reports.map((report) => (
                <Table.Td key={report.year} ta="right" style={{ whiteSpace: 'pre-wrap' }}>
                  {report.notes ?? dash}
                </Table.Td>
              ))}
            </Table.Tr>
            <Table.Tr>
              <Table.Td style={stickyCell} c="dimmed">
                {t('annualReport.updatedAt')}
              </Table.Td>
              {reports.map((report) => (
                <Table.Td key={report.year} ta="right" c="dimmed">
                  {formatDateTime(report.updatedAt)}
                </Table.Td>
              ))}
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

type FigureGroupRowsProps = {
  group: (typeof figureGroups)[number];
  reports: AnnualReport[];
  show: (kind: FigureKind, value: number | boolean | null) => ReactNode;
};

function FigureGroupRows({ group, reports, show }: FigureGroupRowsProps) {
  const { t } = useTranslation();
  return (
    <>
      <Table.Tr>
        <Table.Th colSpan={reports.length + 1} bg="gray.1">
          {t(`annualReport.groups.${group.key}`)}
        </Table.Th>
      </Table.Tr>
      {group.fields.map(({ field, kind }) => (
        <Table.Tr key={field}>
          <Table.Td style={stickyCell}>{t(`annualReport.fields.${field}`)}</Table.Td>
          {reports.map((report) => (
            <Table.Td key={report.year} ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
              {show(kind, report[field])}
            </Table.Td>
          ))}
        </Table.Tr>
      ))}
    </>
  );
}
