import { z } from 'zod';

/**
 * Colleagues of an agency who can be named on a case: on the case team, as responsible for a plan
 * step, as assignee of a task, as participant of a case conference. Active caseworkers and team
 * leads only; names and ids, nothing else (it is a staff directory, not social data).
 */
export const agencyCaseworkerSchema = z.object({
  id: z.uuid(),
  displayName: z.string(),
  /** Team within the agency, if any. */
  team: z.string().nullable(),
});
export type AgencyCaseworker = z.infer<typeof agencyCaseworkerSchema>;

export const agencyCaseworkerListSchema = z.object({ items: z.array(agencyCaseworkerSchema) });
export type AgencyCaseworkerList = z.infer<typeof agencyCaseworkerListSchema>;
