import { DomainError } from '@lectern/errors/domain.error';

export const NotificationErrors = {
  notFound: () => new DomainError('NOTIFICATION_NOT_FOUND', 404),
  resendConflict: () => new DomainError('NOTIFICATION_RESEND_CONFLICT', 409),
};
