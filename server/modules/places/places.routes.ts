import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { communeQuerySchema, communeSchema, provinceSchema } from '../../../contracts/places.ts';
import { toSearchTokens } from '../../platform/search-text.ts';
import type { PlacesRepository } from './places.repository.ts';

/** Places are reference data: any logged-in user reads them, nobody needs a service layer of rules. */
export function placesRoutes(places: PlacesRepository): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/provinces',
      { schema: { tags: ['places'], summary: 'The 34 provinces', response: { 200: z.array(provinceSchema) } } },
      async () => places.findProvinces(),
    );

    app.get(
      '/communes',
      {
        schema: {
          tags: ['places'],
          summary: 'Communes, searched by name without diacritics',
          querystring: communeQuerySchema,
          response: { 200: z.array(communeSchema) },
        },
      },
      async (request) => {
        const { q, provinceCode, code, limit } = request.query;
        return places.findCommunes({ tokens: toSearchTokens(q), provinceCode, codes: code?.split(','), limit });
      },
    );
  };
}
