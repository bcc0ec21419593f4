import { FastifyRequest } from 'fastify';
import { Language, negotiateLanguage } from '@lectern/i18n/i18n';

export function requestLanguage(request: FastifyRequest): Language {
  const header = request.headers['accept-language'];
  return negotiateLanguage(Array.isArray(header) ? header.join(',') : header);
}
