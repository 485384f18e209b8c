import { NotificationsCard } from '../../features/data-protection/notifications-card';
import { WorkspacePage } from '../../features/workspace/workspace-page';

/** "Mein Arbeitsplatz" with the notifications card of the data-protection feature. */
export function WorkspaceRoute() {
  return <WorkspacePage cards={<NotificationsCard />} />;
}
