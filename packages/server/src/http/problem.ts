import {
  AppError,
  ConflictError,
  ForbiddenError,
  GoneError,
  NotFoundError,
  UnauthenticatedError,
  ValidationError,
  type Issue,
} from '@evne/core';
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code: string;
  requestId?: string;
  issues?: Issue[];
}

function statusOf(error: AppError): number {
  if (error instanceof ValidationError) {
    return 422;
  }
  if (error instanceof NotFoundError) {
    return 404;
  }
  if (error instanceof ForbiddenError) {
    return 403;
  }
  if (error instanceof ConflictError) {
    return 409;
  }
  if (error instanceof GoneError) {
    return 410;
  }
  if (error instanceof UnauthenticatedError) {
    return 401;
  }
  return 400;
}

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthenticated',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  410: 'Gone',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  429: 'Too many requests',
  500: 'Internal server error',
};

function problem(
  status: number,
  code: string,
  detail: string,
  requestId: string,
  issues?: Issue[],
): ProblemBody {
  return {
    type: `https://evne.dev/problems/${code}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    code,
    requestId,
    ...(issues && issues.length > 0 ? { issues } : {}),
  };
}

/** Maps every error to RFC 9457 problem+json; the one place where domain errors become HTTP. */
export function registerProblemHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError | Error, request, reply) => {
    let body: ProblemBody;
    if (error instanceof AppError) {
      body = problem(statusOf(error), error.code, error.message, request.id, error.issues);
    } else if (hasZodFastifySchemaValidationErrors(error)) {
      const issues: Issue[] = error.validation.map((item) => ({
        code: 'invalid_value',
        message: item.message ?? 'Invalid value',
        path: `${error.validationContext ?? 'body'}${item.instancePath.replace(/\//g, '.')}`,
      }));
      body = problem(
        400,
        'invalid_request',
        'The request does not match the expected shape',
        request.id,
        issues,
      );
    } else {
      const status =
        'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : 500;
      if (status >= 500) {
        request.log.error({ err: error }, 'request failed');
        body = problem(500, 'internal_error', 'Something went wrong on our side', request.id);
      } else {
        const code =
          status === 413
            ? 'payload_too_large'
            : status === 415
              ? 'unsupported_media_type'
              : status === 429
                ? 'too_many_requests'
                : 'code' in error && error.code === 'FST_ERR_CTP_INVALID_JSON_BODY'
                  ? 'invalid_json'
                  : 'bad_request';
        body = problem(status, code, error.message, request.id);
      }
    }
    void reply.status(body.status).type('application/problem+json').send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    void reply
      .status(404)
      .type('application/problem+json')
      .send(
        problem(404, 'route_not_found', `No route ${request.method} ${request.url}`, request.id),
      );
  });
}
