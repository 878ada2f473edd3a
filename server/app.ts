import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from './config.ts';
import type { DatabaseHandle } from './db/database.ts';
import { createAuthenticationService } from './modules/access/authentication.service.ts';
import { createCredentialRepository } from './modules/access/credential.repository.ts';
import { sessionRoutes } from './modules/access/session.routes.ts';
import { createUserRepository } from './modules/access/user.repository.ts';
import { userRoutes } from './modules/access/user.routes.ts';
import { createUserService } from './modules/access/user.service.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import { annualReportRoutes } from './modules/organizations/annual-report.routes.ts';
import { createAnnualReportService } from './modules/organizations/annual-report.service.ts';
import { organizationRoutes } from './modules/organizations/organization.routes.ts';
import { organizationExportRoutes } from './modules/organizations/organization-export.routes.ts';
import { createOrganizationExporter } from './modules/organizations/organization-export.service.ts';
import { createOrganizationImporter } from './modules/organizations/organization-import.service.ts';
import { importRoutes } from './modules/imports/import.routes.ts';
import { createImportService } from './modules/imports/import.service.ts';
import { createOrganizationService } from './modules/organizations/organization.service.ts';
import { createPersonImporter } from './modules/organizations/person-import.service.ts';
import { createPersonExporter } from './modules/organizations/person-export.service.ts';
import { personRoutes } from './modules/organizations/person.routes.ts';
import { createPersonService } from './modules/organizations/person.service.ts';
import { advisoryCaseRoutes } from './modules/advisory/advisory-case.routes.ts';
import { createAdvisoryCaseService } from './modules/advisory/advisory-case.service.ts';
import { advisoryLogRoutes } from './modules/advisory/advisory-log.routes.ts';
import { createAdvisoryLogService } from './modules/advisory/advisory-log.service.ts';
import { advisoryReportRoutes } from './modules/advisory/advisory-report.routes.ts';
import { createAdvisoryReportService } from './modules/advisory/advisory-report.service.ts';
import { duesRoutes } from './modules/membership/dues.routes.ts';
import { createDuesService } from './modules/membership/dues.service.ts';
import { membershipRoutes } from './modules/membership/membership.routes.ts';
import { createMembershipService } from './modules/membership/membership.service.ts';
import { createPlacesRepository } from './modules/places/places.repository.ts';
import { placesRoutes } from './modules/places/places.routes.ts';
import { bankReferralRoutes } from './modules/finance/bank-referral.routes.ts';
import { financeExportRoutes } from './modules/finance/finance-export.routes.ts';
import { createFinanceExporter } from './modules/finance/finance-export.service.ts';
import { createBankReferralService } from './modules/finance/bank-referral.service.ts';
import { fundRoutes } from './modules/finance/fund.routes.ts';
import { createFundService } from './modules/finance/fund.service.ts';
import { loanLedgerRoutes } from './modules/finance/loan-ledger.routes.ts';
import { loanAttachmentRoutes } from './modules/finance/loan-attachment.routes.ts';
import { createLoanAttachmentService } from './modules/finance/loan-attachment.service.ts';
import { createLoanLedgerService } from './modules/finance/loan-ledger.service.ts';
import { createLoanRestructuringService } from './modules/finance/loan-restructuring.service.ts';
import { createLoanServicingService } from './modules/finance/loan-servicing.service.ts';
import { loanRoutes } from './modules/finance/loan.routes.ts';
import { createLoanService } from './modules/finance/loan.service.ts';
import { portfolioRoutes } from './modules/finance/portfolio.routes.ts';
import { createPortfolioService } from './modules/finance/portfolio.service.ts';
import { registerAuthentication } from './platform/authentication.ts';
import { type Clock, systemClock } from './platform/clock.ts';
import { createDataVersionReader } from './platform/data-versions.ts';
import { apiNotFound, registerErrorHandler, sendProblem } from './platform/error-handler.ts';
import { securityHeaders } from './platform/security-headers.ts';

const WEB_ROOT = path.resolve(import.meta.dirname, '../dist/web');

export type AppOptions = { config: Config; database: DatabaseHandle; clock?: Clock; serveWeb?: boolean };

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { config, database } = options;
  const clock = options.clock ?? systemClock;
  const { db } = database;

  const app = Fastify({
    logger: { level: config.logLevel },
    trustProxy: true,
    bodyLimit: 1024 * 1024,
    // Search queries repeat "q" and friends at most once; refuse anything odd early.
    routerOptions: { maxParamLength: 200 },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);

  const headers = securityHeaders({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Mantine writes style attributes; the Swagger UI needs its inline bootstrap.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        scriptSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
  await app.register(cookie);
  await app.register(multipart);
  // Counted after the body is read, so the login limit can key on the username.
  await app.register(rateLimit, { global: false, hook: 'preHandler' });
  await app.register(swagger, {
    openapi: {
      info: { title: 'hoptac API', version: '1', description: 'Hệ thống quản lý của Liên minh Hợp tác xã tỉnh' },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'npm run hoptac -- token create --username U' },
          session: { type: 'apiKey', in: 'cookie', name: 'hoptac_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    uiConfig: { docExpansion: 'list' },
    staticCSP: true,
    // Offices serve hoptac over plain HTTP on their LAN: upgrading requests would break the page.
    transformStaticCSP: (header) => header.replace(/upgrade-insecure-requests;?/, ''),
  });

  const places = createPlacesRepository(db);
  // One read of the data versions serves the requests that arrive together (data-versions.ts).
  const versions = createDataVersionReader(db);
  const authentication = createAuthenticationService({
    users: createUserRepository(db),
    credentials: createCredentialRepository(db),
    clock,
    sessionDays: config.sessionDays,
    versions,
  });
  registerAuthentication(app, authentication);

  await app.register(
    async (api) => {
      await api.register(healthRoutes(database));
      await api.register(
        sessionRoutes({ authentication, loginAttemptsPerMinute: config.loginAttemptsPerMinute, secureCookies: config.cookieSecure }),
      );
      await api.register(userRoutes(createUserService({ db, clock })));
      await api.register(placesRoutes(places));
      const organizations = createOrganizationService({ db, places, clock, listCacheEntries: config.listCacheEntries, versions });
      const annualReports = createAnnualReportService({ db, organizations, clock });
      await api.register(organizationExportRoutes(createOrganizationExporter({ db })));
      await api.register(organizationRoutes(organizations));
      await api.register(annualReportRoutes(annualReports));
      const people = createPersonService({ db, organizations, places, clock });
      await api.register(personRoutes(people, createPersonExporter({ db, people })));
      const importer = createOrganizationImporter({ db, places, clock });
      const personImporter = createPersonImporter({ db, clock });
      await api.register(importRoutes(createImportService({ db, importer, personImporter, annualReports, clock, log: app.log })));
      const funds = createFundService({ db, clock });
      const loans = createLoanService({ db, organizations, funds, clock });
      await api.register(fundRoutes(funds));
      const loanLedger = createLoanLedgerService({ db, loans, funds, clock });
      await api.register(loanRoutes(loans, loanLedger));
      await api.register(loanAttachmentRoutes(createLoanAttachmentService({ db, loans, clock })));
      const portfolio = createPortfolioService({ db, funds, clock });
      await api.register(
        loanLedgerRoutes(
          loanLedger,
          createLoanServicingService({ db, loans, funds, clock }),
          createLoanRestructuringService({ db, loans, clock }),
        ),
      );
      await api.register(portfolioRoutes(portfolio));
      await api.register(financeExportRoutes(createFinanceExporter({ portfolio, ledger: loanLedger })));
      await api.register(bankReferralRoutes(createBankReferralService({ db, organizations, clock })));
      const advisoryCases = createAdvisoryCaseService({ db, organizations, clock });
      await api.register(advisoryCaseRoutes(advisoryCases));
      await api.register(advisoryLogRoutes(createAdvisoryLogService({ db, cases: advisoryCases, clock })));
      await api.register(advisoryReportRoutes(createAdvisoryReportService({ db, clock })));
      const memberships = createMembershipService({ db, organizations, clock });
      await api.register(membershipRoutes(memberships));
      await api.register(duesRoutes(createDuesService({ db, memberships, clock })));
    },
    { prefix: '/api/v1' },
  );

  const serveWeb = options.serveWeb ?? fs.existsSync(path.join(WEB_ROOT, 'index.html'));
  if (serveWeb) await app.register(fastifyStatic, { root: WEB_ROOT, wildcard: false });
  app.setNotFoundHandler((request, reply) => {
    // The web app owns every other path: /organizations/123 reloads into the same page.
    if (serveWeb && request.method === 'GET' && !request.url.startsWith('/api/')) return reply.sendFile('index.html');
    return sendProblem(request, reply, apiNotFound());
  });

  return app;
}
