import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LoginInput, Role, Session, SessionUser } from '../../contracts/access.ts';
import { apiRequest, isApiError, setCsrfToken } from '../lib/api-client.ts';

export const sessionQueryKey = ['session'] as const;

/** The signed-in session, or null when nobody is signed in. */
export const sessionQuery = queryOptions({
  queryKey: sessionQueryKey,
  queryFn: async (): Promise<Session | null> => {
    try {
      const session = await apiRequest<Session>('/session');
      setCsrfToken(session.csrfToken);
      return session;
    } catch (error) {
      if (isApiError(error, 401)) {
        setCsrfToken(null);
        return null;
      }
      throw error;
    }
  },
  staleTime: 5 * 60_000,
});

export function useSession(): Session | null {
  return useQuery(sessionQuery).data ?? null;
}

/** For pages inside the signed-in layout, where a session is guaranteed. */
export function useCurrentUser(): SessionUser {
  const session = useSession();
  if (!session) throw new Error('useCurrentUser outside the signed-in layout');
  return session.user;
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: LoginInput) => apiRequest<Session>('/session', { method: 'POST', body: input }),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] });
      queryClient.setQueryData(sessionQueryKey, session);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<void>('/session', { method: 'DELETE' }),
    onSettled: () => {
      setCsrfToken(null);
      queryClient.clear();
      queryClient.setQueryData(sessionQueryKey, null);
    },
  });
}

type OrganizationScope = { id: string; provinceCode: string };

const isWriter = (role: Role) => role === 'admin' || role === 'staff';
const isInProvince = (user: SessionUser, provinceCode: string) => user.provinceCode === null || user.provinceCode === provinceCode;
/** The Alliance's staff in their province, or the cooperative itself (yearly figures, its people). */
const isOwnerOrWriter = (user: SessionUser, organization: OrganizationScope) =>
  (isWriter(user.role) && isInProvince(user, organization.provinceCode)) ||
  (user.role === 'cooperative' && user.organizationId === organization.id);

/** What the interface offers; the server checks every request again. */
export const permissions = {
  canWriteOrganizations: isWriter,
  canManageUsers: (role: Role) => role === 'admin',
  /** Bulk changes (import, merging duplicates): the Alliance's staff and administrators. */
  canImport: isWriter,
  canMergeOrganizations: isWriter,
  canSaveAnnualReport: isOwnerOrWriter,
  canSavePositions: isOwnerOrWriter,
  /** Answering a data subject's request (export, erasure): the Alliance's staff. */
  canManagePeople: isWriter,
  /** The registry as a list (a cooperative account sees its own organisation only). */
  canBrowseRegistry: (role: Role) => role !== 'cooperative',
  /** Opening and moving advisory cases, logging work, attaching files. */
  canWriteAdvisoryCases: isWriter,
  /** Admitting members, recording their leaving and their dues. */
  canWriteMemberships: isWriter,
  /** Applications, appraisal, contract, disbursements, repayments, rescheduling, closing, referrals. */
  canServiceLoans: isWriter,
  /** Approving or rejecting a loan (never one they appraised) and writing one off: a leader. */
  canDecideLoans: (role: Role) => role === 'leader',
  /** The scanned papers of a loan's file: staff file them, a leader the decision they signed. */
  canFileLoanPapers: (user: SessionUser, loan: { provinceCode: string }) =>
    (isWriter(user.role) || user.role === 'leader') && isInProvince(user, loan.provinceCode),
  /** Running a fund's capital and rules. */
  canManageFunds: isWriter,
  /** The Alliance's view over all borrowers: not for a cooperative's account. */
  canReadPortfolio: (role: Role) => role !== 'cooperative',
};
