import { NotificationStatus } from '@lectern/database/generated/enums';
import { PageQuery } from '@lectern/database/pagination.types';

export interface ListNotificationsQuery extends PageQuery {
  status?: NotificationStatus;
}
