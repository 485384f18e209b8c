import type { MailDelivery } from '../../../shared/contracts/addresses';
import type { SocialSpaceMap } from '../../../shared/contracts/social-space-map';
import { boundingBox } from '../../../shared/domain/social-space/geo';
import type { Config } from '../../config';
import type { Db } from '../../db/client';
import { check, hasPermission } from '../../platform/access/access';
import type { Actor } from '../../platform/access/actor';
import { recordAudit, type AuditContext } from '../../platform/audit/audit-log';
import { districtFigures } from './districts.service';
import { outlineOf, suppressSmallCount } from './districts.presenter';
import { listDistricts } from './districts.repository';
import { locatedCategories, locatedResources, problemAddresses } from './social-space-map.repository';

export type MapFilter = { categories: string[]; includeClosed: boolean };

/**
 * The social-space map in one answer: district outlines with aggregated figures (client counts
 * 1–4 suppressed), the located resources, and — only for roles that read the address register —
 * addresses with a delivery problem (facts, never names or people). Never a marker per person.
 */
export async function getSocialSpaceMap(
  db: Db,
  actor: Actor | null,
  filter: MapFilter,
  config: Pick<Config, 'mapTileUrl' | 'mapTileAttribution'>,
  ctx: AuditContext,
): Promise<SocialSpaceMap> {
  const a = await check(db, actor, 'social_space.read');
  const statuses = filter.includeClosed ? ['active', 'temporarily closed'] : ['active'];
  const [rows, figures, resources, categories] = await Promise.all([
    listDistricts(db),
    districtFigures(db, ctx.now),
    locatedResources(db, { categories: filter.categories, statuses }),
    locatedCategories(db),
  ]);
  const features = rows.map((row) => {
    const f = figures(row.id);
    return {
      type: 'Feature' as const,
      id: row.id,
      geometry: outlineOf(row.geometry),
      properties: {
        id: row.id,
        code: row.code,
        name: row.name,
        borough: row.borough,
        clients: suppressSmallCount(f.clients),
        staffCount: f.staffCount,
        resourceCount: f.resourceCount,
        lastExploredOn: f.lastExploredOn,
      },
    };
  });
  const map: SocialSpaceMap = {
    districts: { type: 'FeatureCollection', features },
    resources: resources.map((r) => ({ ...r, latitude: r.latitude!, longitude: r.longitude! })),
    categories,
    tileUrl: config.mapTileUrl,
    tileAttribution: config.mapTileAttribution,
    bbox: boundingBox(rows.flatMap((r) => outlineOf(r.geometry) ?? [])),
  };
  if (!hasPermission(a, 'address.read')) return map;
  const addresses = await db.transaction(async (tx) => {
    const list = await problemAddresses(tx);
    await recordAudit(tx, ctx, { type: 'social_space.map_addresses_viewed', details: { resultCount: list.length } });
    return list;
  });
  return {
    ...map,
    addresses: addresses.map((x) => ({
      ...x,
      mailDelivery: x.mailDelivery as MailDelivery,
      lastCheckedAt: x.lastCheckedAt?.toISOString() ?? null,
    })),
  };
}
