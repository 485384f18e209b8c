import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { okSchema } from '../../../shared/contracts/common';
import { notificationListSchema } from '../../../shared/contracts/notifications';
import { api } from '../../lib/api';

export const notificationsQuery = (page = 1) =>
  queryOptions({
    queryKey: ['notifications', page],
    queryFn: ({ signal }) => api.get('/notifications', notificationListSchema, { page, pageSize: 5 }, signal),
    placeholderData: keepPreviousData,
  });

export const notificationsApi = {
  markRead: (id: string) => api.post(`/notifications/${encodeURIComponent(id)}/read`, undefined, okSchema),
};
