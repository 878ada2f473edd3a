import type { SessionUser } from '../../../contracts/access.ts';
import { permissions } from '../../app/session.ts';

/** Who may change a case: a writer of its province, or a national one — as the server decides. */
export const canChangeCase = (user: SessionUser, item: { provinceCode: string }): boolean =>
  permissions.canWriteAdvisoryCases(user.role) && (user.provinceCode === null || user.provinceCode === item.provinceCode);
