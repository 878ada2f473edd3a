import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { ZodError, type z } from 'zod';
import { AppError, badRequest, type Localized, notFound, toProblem } from './errors.ts';
import { languageOf } from './language.ts';
import { toFieldErrors } from './validation.ts';

const INVALID_INPUT: Localized = {
  vi: 'Dữ liệu gửi lên chưa hợp lệ, hãy sửa các ô được đánh dấu.',
  en: 'Some fields are not valid; please correct them.',
};

/** Fastify's own client errors, in words a user understands. */
const FRAMEWORK_ERRORS: Record<string, { status: number; detail: Localized }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    detail: { vi: 'Nội dung gửi lên không phải JSON hợp lệ.', en: 'The request body is not valid JSON.' },
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, detail: { vi: 'Nội dung gửi lên đang trống.', en: 'The request body is empty.' } },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, detail: { vi: 'Định dạng nội dung không được hỗ trợ.', en: 'Unsupported content type.' } },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, detail: { vi: 'Nội dung gửi lên quá lớn.', en: 'The request body is too large.' } },
};

const RATE_LIMITED: Localized = {
  vi: 'Bạn đã thử quá nhiều lần. Hãy đợi một phút rồi thử lại.',
  en: 'Too many attempts. Wait a minute and try again.',
};

function toAppError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues = error.validation.map((item) => ({
      ...(item.params as object),
      code: item.keyword,
      path: item.instancePath.split('/').filter(Boolean),
      message: item.message ?? '',
    })) as unknown as z.core.$ZodIssue[];
    return badRequest(INVALID_INPUT, toFieldErrors(issues));
  }
  if (error instanceof ZodError) return badRequest(INVALID_INPUT, toFieldErrors(error.issues));
  const fastifyError = error as Partial<FastifyError>;
  const known = fastifyError.code ? FRAMEWORK_ERRORS[fastifyError.code] : undefined;
  if (known) return new AppError(known.status, 'invalid_request', known.detail);
  if (fastifyError.statusCode === 429) return new AppError(429, 'rate_limited', RATE_LIMITED);
  if (fastifyError.statusCode === 400 && fastifyError.code?.startsWith('FST_')) {
    return badRequest({ vi: 'Yêu cầu không hợp lệ.', en: 'Invalid request.' });
  }
  return undefined;
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: AppError) {
  return reply
    .status(error.status)
    .type('application/problem+json')
    .send(toProblem(error, languageOf(request.headers['accept-language'])));
}

/** Every error leaves as problem+json; nothing internal (stack, SQL) ever reaches the client. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const known = toAppError(error);
    if (known) return sendProblem(request, reply, known);
    if (isResponseSerializationError(error as never)) request.log.error({ err: error }, 'response does not match its schema');
    else request.log.error({ err: error }, 'unexpected error');
    return sendProblem(
      request,
      reply,
      new AppError(500, 'server_error', {
        vi: 'Đã có lỗi hệ thống; dữ liệu của bạn không bị thay đổi. Hãy thử lại sau.',
        en: 'A server error occurred; your data was not changed. Please try again later.',
      }),
    );
  });
}

export const apiNotFound = () => notFound({ vi: 'địa chỉ API này', en: 'This API address' });
