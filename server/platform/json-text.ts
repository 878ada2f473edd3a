import type { FastifyReply } from 'fastify';
import type { z } from 'zod';

const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/**
 * JSON text of answers served again and again (list pages from the list cache), made once per
 * answer object: checked against its contract and written out the first time, reused after.
 * Sent as JSON text (sendJsonText), Fastify skips the route's own serialiser, which would do
 * that work on every request (a sixth of a cached list request's CPU).
 */
export function createJsonText<Schema extends z.ZodType>(schema: Schema) {
  const texts = new WeakMap<object, string>();
  return (source: object, answer: () => z.output<Schema>): string => {
    let text = texts.get(source);
    if (text === undefined) {
      text = JSON.stringify(schema.encode(answer()));
      texts.set(source, text);
    }
    return text;
  };
}

/** Sends text made by createJsonText as it is; the route's response schema still documents it. */
export function sendJsonText(reply: FastifyReply, text: string): FastifyReply {
  return reply.type(JSON_CONTENT_TYPE).send(text);
}
