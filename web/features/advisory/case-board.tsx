import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AdvisoryBoard, AdvisoryCaseSummary } from '../../../contracts/advisory.ts';
import { AnchorLink } from '../../components/router-links.tsx';
import { formatNumber } from '../../lib/format.ts';
import { BoardCardMoves } from './board-card-moves.tsx';
import { caseSubject } from './case-table.tsx';
import { DueDate } from './due-date.tsx';

/** A column per stage with its count and first cards; a card opens its case, and moves it when `canMove` says so. */
export function CaseBoard({ board, canMove }: { board: AdvisoryBoard; canMove: (card: AdvisoryCaseSummary) => boolean }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, md: 3, xl: 6 }} spacing="sm">
      {board.columns.map((column) => (
        <Paper
          key={column.stage}
          component="section"
          aria-label={t(`advisory.stage.${column.stage}`)}
          withBorder
          radius="md"
          p="xs"
          bg="gray.0"
        >
          <Group justify="space-between" mb="xs" wrap="nowrap">
            <Title order={2} fz="sm">
              {t(`advisory.stage.${column.stage}`)}
            </Title>
            <Badge variant="default" c="dark.7">
              {formatNumber(column.count)}
            </Badge>
          </Group>
          <Stack gap="xs">
            {column.cards.length === 0 && (
              <Text size="xs" c="dimmed">
                {t('advisory.board.empty')}
              </Text>
            )}
            {column.cards.map((card) => (
              <Paper key={card.id} withBorder radius="sm" p="xs">
                <AnchorLink to="/advisory/$id" params={{ id: card.id }} size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                  {caseSubject(card)}
                </AnchorLink>
                <Text size="xs" c="dimmed">
                  {t(`advisory.kind.${card.kind}`)}
                </Text>
                <Text size="xs" c="dimmed">
                  {card.assignedOfficer.name}
                </Text>
                <DueDate item={card} size="xs" />
                {canMove(card) && <BoardCardMoves card={card} />}
              </Paper>
            ))}
            {column.count > column.cards.length && (
              <Text size="xs" c="dimmed">
                {t('advisory.board.more', { count: column.count - column.cards.length })}
              </Text>
            )}
          </Stack>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
