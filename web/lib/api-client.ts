import type { Problem } from '../../contracts/common.ts';

const API_BASE = '/api/v1';

/** A failed API call, carrying the server's problem details (messages already translated). */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
  }
}

type ClientSettings = {
  language: () => string;
  csrfToken: string | null;
  onUnauthorized: () => void;
};

const settings: ClientSettings = {
  language: () => 'vi',
  csrfToken: null,
  onUnauthorized: () => {},
};

export function configureApiClient(options: Partial<ClientSettings>): void {
  Object.assign(settings, options);
}

export function setCsrfToken(token: string | null): void {
  settings.csrfToken = token;
}

export type QueryValue = string | number | boolean | null | undefined;

type RequestOptions = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
};

export function buildQueryString(query: Record<string, QueryValue> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The address of an API resource, for a plain link (a download: the session cookie authenticates GETs). */
export function apiUrl(path: string, query?: Record<string, QueryValue>): string {
  return `${API_BASE}${path}${buildQueryString(query)}`;
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': settings.language(),
  };
  // An upload (FormData) sets its own multipart boundary; anything else goes as JSON.
  const isForm = options.body instanceof FormData;
  if (options.body !== undefined && !isForm) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && settings.csrfToken) headers['X-CSRF-Token'] = settings.csrfToken;

  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}${buildQueryString(options.query)}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : isForm ? (options.body as FormData) : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({ type: 'about:blank', title: 'network_error', status: 0, code: 'network_error' });
  }

  if (response.status === 401 && path !== '/session') settings.onUnauthorized();
  if (!response.ok) throw new ApiError(await readProblem(response));
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

async function readProblem(response: Response): Promise<Problem> {
  const fallback: Problem = { type: 'about:blank', title: response.statusText || 'Error', status: response.status };
  if (!(response.headers.get('content-type') ?? '').includes('json')) return fallback;
  try {
    const body = (await response.json()) as Partial<Problem>;
    return { ...fallback, ...body, status: response.status };
  } catch {
    return fallback;
  }
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}
