import path from 'node:path';
import { z } from 'zod';

const environmentSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().default('sqlite:data/hoptac.sqlite'),
  /** Cookies get Secure when hoptac is served over HTTPS (behind a proxy that says so). */
  COOKIE_SECURE: z.enum(['true', 'false', 'auto']).default('auto'),
  SESSION_DAYS: z.coerce.number().int().min(1).max(90).default(7),
  LOGIN_ATTEMPTS_PER_MINUTE: z.coerce.number().int().min(1).max(1000).default(10),
  /** Registry list pages kept in memory while the data stands still; 0 turns the cache off. */
  LIST_CACHE_ENTRIES: z.coerce.number().int().min(0).max(100_000).default(500),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type DatabaseTarget = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

export type Config = {
  port: number;
  host: string;
  database: DatabaseTarget;
  cookieSecure: 'true' | 'false' | 'auto';
  sessionDays: number;
  loginAttemptsPerMinute: number;
  listCacheEntries: number;
  logLevel: z.infer<typeof environmentSchema>['LOG_LEVEL'];
};

export function parseDatabaseUrl(url: string): DatabaseTarget {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return { kind: 'postgres', url };
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length);
    return { kind: 'sqlite', file: file === ':memory:' ? file : path.resolve(file) };
  }
  throw new Error(`DATABASE_URL phải bắt đầu bằng postgres:// hoặc sqlite: (nhận được "${url}")`);
}

export function loadConfig(environment: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(environment);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Cấu hình không hợp lệ:\n${lines.join('\n')}`);
  }
  const values = parsed.data;
  return {
    port: values.PORT,
    host: values.HOST,
    database: parseDatabaseUrl(values.DATABASE_URL),
    cookieSecure: values.COOKIE_SECURE,
    sessionDays: values.SESSION_DAYS,
    loginAttemptsPerMinute: values.LOGIN_ATTEMPTS_PER_MINUTE,
    listCacheEntries: values.LIST_CACHE_ENTRIES,
    logLevel: values.LOG_LEVEL,
  };
}
