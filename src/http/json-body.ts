import { FastifyInstance } from 'fastify';
import secureJson from 'secure-json-parse';
import { ProblemError } from '../problems/problem.error';
import { bodyFault, BodyFault } from './body-shape';

const utf8 = new TextDecoder('utf-8', { fatal: true });

const DETAIL: Record<BodyFault | 'utf8' | 'json' | 'empty', string> = {
  empty: 'The body is empty: send a JSON object',
  utf8: 'The body is not valid UTF-8',
  json: 'The body is not valid JSON, or uses the reserved keys __proto__ or constructor.prototype',
  'not-an-object': 'The body must be a JSON object',
  'too-deep': 'The body is nested too deeply',
  'not-well-formed': 'A key or string of the body is not well-formed Unicode',
};

const refuse = (why: keyof typeof DETAIL) => new ProblemError('invalid_request', DETAIL[why]);

function parse(raw: Buffer, maxDepth: number): unknown {
  let text: string;
  try {
    text = utf8.decode(raw);
  } catch {
    throw refuse('utf8');
  }
  if (!text.trim()) throw refuse('empty');
  let body: unknown;
  try {
    body = secureJson.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' });
  } catch {
    throw refuse('json');
  }
  const fault = bodyFault(body, maxDepth);
  if (fault) throw refuse(fault);
  return body;
}

/**
 * Makes `application/json` the only body the API accepts: every parser Fastify or Nest would
 * register (form, text) is removed, so any other content type, or a body without one, is 415
 * and a cross-site HTML form can never reach a route. Call before the app initialises, on an
 * app created with `bodyParser: false`.
 */
export function acceptJsonOnly(fastify: FastifyInstance, maxDepth: number): void {
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser(
    'application/json',
    { parseAs: 'buffer' },
    (_request, raw: Buffer, done) => {
      try {
        done(null, parse(raw, maxDepth));
      } catch (error) {
        done(error as Error, undefined);
      }
    },
  );
}
