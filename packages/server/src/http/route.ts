import type { Actor, Endpoint } from '@evne/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ProblemSchema } from '@evne/core';

export interface HandlerContext<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  request: FastifyRequest;
  reply: FastifyReply;
}

type Out<T> = T extends z.ZodType ? z.output<T> : never;

/** Registers one endpoint of the core contract, with its schemas, on the app. */
export function route<
  P extends z.ZodType,
  Q extends z.ZodType,
  B extends z.ZodType,
  R extends z.ZodType,
>(
  app: FastifyInstance,
  endpoint: Endpoint<P, Q, B, R>,
  handler: (
    context: HandlerContext<Out<P>, Out<Q>, Out<B>>,
  ) => Promise<R extends z.ZodType ? z.input<R> : undefined>,
  options: {
    /** A smaller request body limit than the app's, in bytes. */
    bodyLimit?: number;
    rateLimit?: {
      max: number;
      timeWindow: string;
      keyGenerator: (request: FastifyRequest) => string;
    };
  } = {},
): void {
  const errorResponses = Object.fromEntries(
    [400, 401, 403, 404, 409, 410, 413, 422].map((status) => [status, ProblemSchema]),
  );
  app.withTypeProvider<ZodTypeProvider>().route({
    method: endpoint.method,
    url: endpoint.path,
    ...(options.bodyLimit !== undefined ? { bodyLimit: options.bodyLimit } : {}),
    schema: {
      summary: endpoint.summary,
      tags: endpoint.tags,
      ...(endpoint.params ? { params: endpoint.params } : {}),
      ...(endpoint.query ? { querystring: endpoint.query } : {}),
      ...(endpoint.body ? { body: endpoint.body } : {}),
      response: {
        [endpoint.status]: endpoint.response ?? z.null().describe('No content'),
        ...errorResponses,
      },
    },
    config: {
      isPublic: endpoint.isPublic === true,
      ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}),
    },
    handler: async (request, reply) => {
      const result = await handler({
        params: request.params as Out<P>,
        query: request.query as Out<Q>,
        body: request.body as Out<B>,
        request,
        reply,
      });
      void reply.status(endpoint.status);
      return endpoint.status === 204 ? reply.send() : result;
    },
  });
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    isPublic?: boolean;
  }
}

/** The signed-in actor; routes that are not public can rely on it. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) {
    throw new Error('Route expected an authenticated actor');
  }
  return request.actor;
}
