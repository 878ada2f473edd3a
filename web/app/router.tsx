import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, createRouter, lazyRouteComponent, Outlet, redirect } from '@tanstack/react-router';
import { z } from 'zod';
import { ApiError } from '../lib/api-client.ts';
import { LoginPage } from '../features/access/login-page.tsx';
import { UsersPage } from '../features/access/users-page.tsx';
import { OrganizationCreatePage } from '../features/organizations/organization-create-page.tsx';
import { detailTabs, OrganizationDetailPage } from '../features/organizations/organization-detail-page.tsx';
import { DuplicatesPage } from '../features/organizations/duplicates-page.tsx';
import { ImportNewPage } from '../features/imports/import-new-page.tsx';
import { ImportPage } from '../features/imports/import-page.tsx';
import { importListSearchSchema, importNewSearchSchema, importSearchSchema } from '../features/imports/list-search.ts';
import { ImportListPage } from '../features/imports/import-list-page.tsx';
import { PeoplePage } from '../features/people/people-page.tsx';
import { PersonPage } from '../features/people/person-page.tsx';
import { parsePersonListSearch } from '../features/people/list-search.ts';
import { OrganizationEditPage } from '../features/organizations/organization-edit-page.tsx';
import { OrganizationListPage } from '../features/organizations/organization-list-page.tsx';
import { parseOrganizationListSearch } from '../features/organizations/list-search.ts';
import { parseAdvisoryCreateSearch, parseAdvisoryListSearch } from '../features/advisory/list-search.ts';
import { parseMemberListSearch } from '../features/membership/list-search.ts';
import { parseDuesSearch } from '../features/membership/dues-search.ts';
import { parseBankReferralSearch } from '../features/finance/bank-referral-search.ts';
import { parseLoanCreateSearch, parseLoanListSearch } from '../features/finance/list-search.ts';
import { parsePortfolioSearch } from '../features/finance/portfolio-search.ts';
import { AppLayout } from './app-layout.tsx';
import { NotFoundPage } from './not-found-page.tsx';
import { RouteError } from './route-error.tsx';
import { parseSearch, stringifySearch } from './search-params.ts';
import { permissions, sessionQuery } from './session.ts';
import type { Role } from '../../contracts/access.ts';
import { provinceCodeSchema } from '../../contracts/places.ts';

export type RouterContext = { queryClient: QueryClient };

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
});

/** Only same-site paths, so a crafted link cannot send a user elsewhere after login. */
const loginSearchSchema = z.object({
  redirect: z
    .string()
    .regex(/^\/(?!\/|login)/)
    .optional()
    .catch(undefined),
});

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: loginSearchSchema,
  beforeLoad: async ({ context, search }) => {
    const session = await context.queryClient.ensureQueryData(sessionQuery);
    if (session) throw redirect({ href: search.redirect ?? '/' });
  },
  component: LoginPage,
});

const signedInRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'signed-in',
  beforeLoad: async ({ context, location }) => {
    const session = await context.queryClient.ensureQueryData(sessionQuery);
    if (!session) throw redirect({ to: '/login', search: { redirect: location.href } });
    return { user: session.user };
  },
  component: AppLayout,
});

function requireRole(user: { role: Role }, allowed: (role: Role) => boolean): void {
  if (!allowed(user.role)) throw new ApiError({ type: 'about:blank', title: 'Forbidden', status: 403 });
}

const dashboardRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/',
  beforeLoad: ({ context }) => {
    // A cooperative account has one organisation: its record is its home page.
    const { role, organizationId } = context.user;
    if (role === 'cooperative' && organizationId) {
      throw redirect({ to: '/organizations/$id', params: { id: organizationId } });
    }
  },
  // The charts library is the heaviest part of the app: load it only for this page.
  component: lazyRouteComponent(() => import('../features/dashboard/dashboard-page.tsx'), 'DashboardPage'),
});

const organizationsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/organizations',
  validateSearch: parseOrganizationListSearch,
  component: OrganizationListPage,
});

const organizationCreateRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/organizations/new',
  beforeLoad: ({ context }) => requireRole(context.user, permissions.canWriteOrganizations),
  component: OrganizationCreatePage,
});

const organizationDetailRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/organizations/$id',
  validateSearch: z.object({ tab: z.enum(detailTabs).optional().catch(undefined) }),
  component: OrganizationDetailPage,
});

const duplicatesRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/organizations/duplicates',
  validateSearch: z.object({
    provinceCode: provinceCodeSchema.optional().catch(undefined),
    /** The organisation whose "possible duplicate" badge led here: its pairs come first. */
    focus: z.uuid().optional().catch(undefined),
  }),
  beforeLoad: ({ context }) => requireRole(context.user, permissions.canBrowseRegistry),
  component: DuplicatesPage,
});

const peopleRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/people',
  validateSearch: parsePersonListSearch,
  beforeLoad: ({ context }) => requireRole(context.user, permissions.canBrowseRegistry),
  component: PeoplePage,
});

const personRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/people/$id',
  component: PersonPage,
});

const importListRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/imports',
  validateSearch: importListSearchSchema,
  beforeLoad: ({ context }) => requireRole(context.user, permissions.canImport),
  component: ImportListPage,
});

const importNewRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/imports/new',
  validateSearch: importNewSearchSchema,
  beforeLoad: ({ context }) => requireRole(context.user, permissions.canImport),
  component: ImportNewPage,
});

const importRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/imports/$id',
  validateSearch: importSearchSchema,
  beforeLoad: ({ context }) => requireRole(context.user, permissions.canImport),
  component: ImportPage,
});

const organizationEditRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/organizations/$id/edit',
  beforeLoad: ({ context }) => requireRole(context.user, permissions.canWriteOrganizations),
  component: OrganizationEditPage,
});

const usersRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/users',
  beforeLoad: ({ context }) => requireRole(context.user, permissions.canManageUsers),
  component: UsersPage,
});

// Services to cooperatives: each module's pages load when first opened.
const advisoryRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/advisory',
  validateSearch: parseAdvisoryListSearch,
  beforeLoad: ({ context }) => requireRole(context.user, permissions.canBrowseRegistry),
  component: lazyRouteComponent(() => import('../features/advisory/advisory-list-page.tsx'), 'AdvisoryListPage'),
});

const advisoryCreateRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/advisory/new',
  validateSearch: parseAdvisoryCreateSearch,
  beforeLoad: ({ context }) => requireRole(context.user, permissions.canWriteAdvisoryCases),
  component: lazyRouteComponent(() => import('../features/advisory/advisory-create-page.tsx'), 'AdvisoryCreatePage'),
});

const advisoryReportsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/advisory/reports',
  beforeLoad: ({ context }) => requireRole(context.user, permissions.canBrowseRegistry),
  component: lazyRouteComponent(() => import('../features/advisory/advisory-reports-page.tsx'), 'AdvisoryReportsPage'),
});

const advisoryCaseRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/advisory/$id',
  component: lazyRouteComponent(() => import('../features/advisory/advisory-case-page.tsx'), 'AdvisoryCasePage'),
});

const membersRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/members',
  validateSearch: parseMemberListSearch,
  beforeLoad: ({ context }) => requireRole(context.user, permissions.canBrowseRegistry),
  component: lazyRouteComponent(() => import('../features/membership/members-page.tsx'), 'MembersPage'),
});

const duesRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/members/dues',
  validateSearch: parseDuesSearch,
  beforeLoad: ({ context }) => requireRole(context.user, permissions.canBrowseRegistry),
  component: lazyRouteComponent(() => import('../features/membership/dues-page.tsx'), 'DuesPage'),
});

const portfolioRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/finance',
  validateSearch: parsePortfolioSearch,
  beforeLoad: ({ context }) => requireRole(context.user, permissions.canReadPortfolio),
  component: lazyRouteComponent(() => import('../features/finance/portfolio-page.tsx'), 'PortfolioPage'),
});

const loansRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/finance/loans',
  validateSearch: parseLoanListSearch,
  beforeLoad: ({ context }) => requireRole(context.user, permissions.canReadPortfolio),
  component: lazyRouteComponent(() => import('../features/finance/loan-list-page.tsx'), 'LoanListPage'),
});

const loanCreateRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/finance/loans/new',
  validateSearch: parseLoanCreateSearch,
  beforeLoad: ({ context }) => requireRole(context.user, permissions.canServiceLoans),
  component: lazyRouteComponent(() => import('../features/finance/loan-create-page.tsx'), 'LoanCreatePage'),
});

const loanRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/finance/loans/$id',
  component: lazyRouteComponent(() => import('../features/finance/loan-page.tsx'), 'LoanPage'),
});

const fundsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/finance/funds',
  beforeLoad: ({ context }) => requireRole(context.user, permissions.canReadPortfolio),
  component: lazyRouteComponent(() => import('../features/finance/funds-page.tsx'), 'FundsPage'),
});

const bankReferralsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/finance/bank-referrals',
  validateSearch: parseBankReferralSearch,
  beforeLoad: ({ context }) => requireRole(context.user, permissions.canReadPortfolio),
  component: lazyRouteComponent(() => import('../features/finance/bank-referrals-page.tsx'), 'BankReferralsPage'),
});

const routeTree = rootRoute.addChildren([
  loginRoute,
  signedInRoute.addChildren([
    dashboardRoute,
    organizationsRoute,
    organizationCreateRoute,
    organizationDetailRoute,
    organizationEditRoute,
    duplicatesRoute,
    peopleRoute,
    personRoute,
    importListRoute,
    importNewRoute,
    importRoute,
    usersRoute,
    advisoryRoute,
    advisoryCreateRoute,
    advisoryReportsRoute,
    advisoryCaseRoute,
    membersRoute,
    duesRoute,
    portfolioRoute,
    loansRoute,
    loanCreateRoute,
    loanRoute,
    fundsRoute,
    bankReferralsRoute,
  ]),
]);

export function buildRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    parseSearch,
    stringifySearch,
    defaultPreload: 'intent',
    defaultPreloadStaleTime: 0,
    defaultNotFoundComponent: NotFoundPage,
    defaultErrorComponent: RouteError,
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof buildRouter>;
  }
}
