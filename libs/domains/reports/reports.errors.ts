import { DomainError } from '@lectern/errors/domain.error';

export const ReportErrors = {
  notFound: (id: string) => new DomainError('REPORT_NOT_FOUND', 404, { id }),
  notReady: (status: string) => new DomainError('REPORT_NOT_READY', 409, { status }),
};
