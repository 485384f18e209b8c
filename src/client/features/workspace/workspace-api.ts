import { workspaceSchema } from '../../../shared/contracts/workspace';
import { api } from '../../lib/api';

export type { Workspace } from '../../../shared/contracts/workspace';

export const workspaceQuery = {
  queryKey: ['workspace'] as const,
  queryFn: () => api.get('/workspace', workspaceSchema),
};
