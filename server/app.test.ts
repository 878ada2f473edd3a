import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from './testing/test-database.ts';
import { useTestApp } from './testing/test-app.ts';

describeEachDatabase('security headers on every answer', (kind) => {
  const context = useTestApp(kind);
  let admin: Record<string, string>;

  beforeAll(async () => {
    admin = await context.userHeaders('admin', { provinceCode: null });
  });

  it('tells the browser to run only hoptac’s own scripts and not to guess content types', async () => {
    for (const response of [
      await context.request({ method: 'GET', url: '/api/v1/health' }),
      await context.request({ method: 'GET', url: '/api/v1/organizations', headers: admin }),
      await context.request({ method: 'GET', url: '/api/v1/organizations' }),
      await context.request({ method: 'GET', url: '/api/v1/no-such-thing', headers: admin }),
    ]) {
      const policy = String(response.headers['content-security-policy']);
      expect(policy, `${response.statusCode}`).toContain("default-src 'self'");
      expect(policy).toContain("script-src 'self'");
      // Offices serve hoptac over plain HTTP on their LAN.
      expect(policy).not.toContain('upgrade-insecure-requests');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(response.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('lets the API documentation page keep its own policy', async () => {
    const docs = await context.request({ method: 'GET', url: '/api/docs' });
    expect(docs.statusCode).toBe(200);
    const policy = String(docs.headers['content-security-policy']);
    expect(policy).toContain("img-src 'self' data: validator.swagger.io");
    expect(policy).not.toContain('upgrade-insecure-requests');
  });
});
