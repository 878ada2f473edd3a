import { Button, Menu } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdvisoryCaseSummary, AdvisoryStage } from '../../../contracts/advisory.ts';
import { useCase } from './api.ts';
import { caseSubject } from './case-table.tsx';
import { RegisterModal } from './register-modal.tsx';
import { StageModal } from './stage-modal.tsx';
import { orderedMoves, stageActionLabel } from './stage-actions.ts';

type Step = { kind: 'stage'; stage: AdvisoryStage } | { kind: 'register' };

/**
 * A board card's moves: the stages its case may go to, read from the case (with its version) when
 * the menu opens, and the same dialogs as on the case's page.
 */
export function BoardCardMoves({ card }: { card: AdvisoryCaseSummary }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [step, setStep] = useState<Step | null>(null);
  const item = useCase(card.id, opened || step !== null);
  return (
    <>
      <Menu opened={opened} onChange={setOpened} position="bottom-start">
        <Menu.Target>
          <Button size="compact-xs" variant="subtle" px={0} aria-label={t('advisory.board.moveOf', { name: caseSubject(card) })}>
            {t('advisory.board.move')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {!item.data ? (
            <Menu.Label>{item.isError ? t('errors.unexpected') : t('common.loading')}</Menu.Label>
          ) : (
            orderedMoves(item.data.nextStages).map((stage) => (
              <Menu.Item
                key={stage}
                color={stage === 'dropped' ? 'red' : undefined}
                onClick={() => setStep(stage === 'registered' ? { kind: 'register' } : { kind: 'stage', stage })}
              >
                {stageActionLabel(t, item.data.stage, stage)}
              </Menu.Item>
            ))
          )}
        </Menu.Dropdown>
      </Menu>
      {step?.kind === 'stage' && item.data && <StageModal item={item.data} stage={step.stage} onClose={() => setStep(null)} />}
      {step?.kind === 'register' && item.data && <RegisterModal item={item.data} onClose={() => setStep(null)} />}
    </>
  );
}
