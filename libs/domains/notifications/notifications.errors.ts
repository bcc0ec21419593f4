import { DomainError, FieldError } from '@lectern/errors/domain.error';

export const NotificationErrors = {
  notFound: () => new DomainError('NOTIFICATION_NOT_FOUND', 404),
  resendConflict: () => new DomainError('NOTIFICATION_RESEND_CONFLICT', 409),
  templateNotFound: (template: string) => new DomainError('EMAIL_TEMPLATE_NOT_FOUND', 404, { template }),
  /** Lists the placeholders the message type offers, in the detail and as `allowed`. */
  placeholderUnknown: (unknown: string[], allowed: readonly string[], fields: { field: string; name: string }[]) =>
    new DomainError(
      'EMAIL_TEMPLATE_PLACEHOLDER_UNKNOWN',
      422,
      { unknown: unknown.map((name) => `{${name}}`).join(', '), allowed: allowed.map((name) => `{${name}}`).join(', ') },
      {
        extensions: { unknownPlaceholders: unknown, allowedPlaceholders: [...allowed] },
        fieldErrors: fields.map(({ field, name }) => ({ field, code: 'placeholderUnknown', params: { name, allowed: allowed.join(', ') } })),
      },
    ),
  /** Every language of the edition is required once one is given. */
  templateLanguages: (fieldErrors: FieldError[], languages: readonly string[]) =>
    new DomainError('EMAIL_TEMPLATE_LANGUAGES_INVALID', 400, { languages: languages.join(', ') }, { fieldErrors }),
  previewRecipientNotFound: () => new DomainError('EMAIL_PREVIEW_RECIPIENT_NOT_FOUND', 404),
  messageNotFound: () => new DomainError('COMPOSED_MESSAGE_NOT_FOUND', 404),
  audienceEmpty: () => new DomainError('COMPOSE_AUDIENCE_EMPTY', 400),
  noRecipients: () => new DomainError('COMPOSE_NO_RECIPIENTS', 422),
  /** A filter names something the edition does not have (another edition's track, an unknown ticket type). */
  filterUnknown: (field: string, value: string) =>
    new DomainError('COMPOSE_FILTER_UNKNOWN', 422, { field, value }, { fieldErrors: [{ field, code: 'filterUnknown', params: { value } }] }),
  alreadySent: (sends: number) => new DomainError('COMPOSE_ALREADY_SENT', 409, { sends }),
  nothingHeld: () => new DomainError('HELD_NOTHING_TO_RELEASE', 409),
  notHeld: () => new DomainError('NOTIFICATION_NOT_HELD', 409),
};
