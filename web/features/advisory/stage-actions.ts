import type { TFunction } from 'i18next';
import { type AdvisoryStage, advisoryStages } from '../../../contracts/advisory.ts';

/** What the button moving a case from `from` to `to` says: forward, back, drop, reopen, finish. */
export function stageActionLabel(t: TFunction, from: AdvisoryStage, to: AdvisoryStage): string {
  if (to === 'dropped') return t('advisory.move.drop');
  if (from === 'dropped') return t('advisory.move.reopen');
  if (to === 'registered') return t('advisory.register.open');
  if (to === 'completed') return t('advisory.move.complete');
  const isBack = advisoryStages.indexOf(to) < advisoryStages.indexOf(from);
  return t(isBack ? 'advisory.move.back' : 'advisory.move.forward', { stage: t(`advisory.stage.${to}`) });
}

/** The moves a case allows, forward ones first and dropping last, as its buttons and menus list them. */
export function orderedMoves(nextStages: AdvisoryStage[]): AdvisoryStage[] {
  return [...nextStages].sort((a, b) => Number(a === 'dropped') - Number(b === 'dropped'));
}
