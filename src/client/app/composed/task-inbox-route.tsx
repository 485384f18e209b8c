import { TaskInboxPage } from '../../features/cases/task-inbox-page';
import { FollowUpInboxSection } from '../../features/social-space/follow-up-inbox-section';

/** "Aufgaben": the case task inbox, followed by the follow-ups of neighbourhood explorations. */
export function TaskInboxRoute() {
  return (
    <>
      <TaskInboxPage />
      <FollowUpInboxSection />
    </>
  );
}
