import { z } from 'zod';
import { agencySummarySchema } from './agencies';

export const workspaceSchema = z.object({
  recentSignIns: z.array(
    z.object({ occurredAt: z.iso.datetime(), outcome: z.enum(['success', 'failure']), ip: z.string().nullable() }),
  ),
  agency: agencySummarySchema,
});
export type Workspace = z.infer<typeof workspaceSchema>;
