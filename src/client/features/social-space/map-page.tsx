import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MapAddress, MapResource } from '../../../shared/contracts/social-space-map';
import { LeafletMap, type MapMarker, type MapPolygon } from '../../components/map/leaflet-map';
import { Alert } from '../../components/ui/alert';
import { Checkbox, Fieldset } from '../../components/ui/form-field';
import { Loading } from '../../components/ui/loading';
import { PageHeading } from '../../components/ui/page-heading';
import { QueryError } from '../../components/ui/query-error';
import { paths } from '../../lib/paths';
import { socialSpaceMapQuery, taxonomyNamesQuery } from './districts-api';
import { formatCalendarDate, formatClients } from './districts-format';
import { SocialSpaceNav } from './social-space-nav';

type Layers = { districts: boolean; resources: boolean; addresses: boolean };
type Selected = { kind: 'resource'; item: MapResource } | { kind: 'address'; item: MapAddress } | null;

/**
 * The social-space map (Sozialraumkarte): district outlines with aggregated figures, located
 * resources, and addresses with delivery problems for those who may read the address register.
 * The list view shows the same data as tables — the accessible equivalent of the map.
 */
export function SocialSpaceMapPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [categories, setCategories] = useState<string[]>([]);
  const [includeClosed, setIncludeClosed] = useState(false);
  const [layers, setLayers] = useState<Layers>({ districts: true, resources: true, addresses: true });
  const [view, setView] = useState<'map' | 'list'>('map');
  const [selected, setSelected] = useState<Selected>(null);
  const data = useQuery(socialSpaceMapQuery({ categories, includeClosed }));
  const taxonomy = useQuery(taxonomyNamesQuery);
  // The category list stays the same while a filter narrows the resources.
  const all = useQuery(socialSpaceMapQuery({ categories: [], includeClosed: true }));
  const m = data.data;

  const categoryName = (code: string) => {
    const term = taxonomy.data?.items.find((i) => i.code === code);
    return term ? (lang === 'en' && term.nameEn ? term.nameEn : term.name) : code;
  };
  const statusName = (status: string) => t(`districts.map.status.${status}`, { defaultValue: status });
  const problemOf = (a: MapAddress) =>
    [
      a.mailDelivery !== 'unknown' && a.mailDelivery !== 'reliable'
        ? t(`socialSpace.mailDelivery.${a.mailDelivery}`)
        : null,
      a.mailboxPresent === false ? t('districts.map.problem.noMailbox') : null,
      a.sharedAccommodation ? t('districts.map.problem.shared') : null,
    ]
      .filter(Boolean)
      .join(', ');

  const polygons = useMemo<MapPolygon[]>(
    () =>
      layers.districts && m
        ? m.districts.features.flatMap((f) =>
            f.geometry
              ? [
                  {
                    id: f.id,
                    name: f.properties.name,
                    geometry: f.geometry,
                    tooltip: t('districts.map.districtTooltip', {
                      name: f.properties.name,
                      clients: formatClients(f.properties.clients, t, lang),
                      staff: f.properties.staffCount,
                    }),
                  },
                ]
              : [],
          )
        : [],
    [m, layers.districts, t, lang],
  );
  const markers = useMemo<MapMarker[]>(() => {
    if (!m) return [];
    const resources: MapMarker[] = layers.resources
      ? m.resources.map((r) => ({
          id: `r-${r.serviceId}-${r.latitude}-${r.longitude}`,
          latitude: r.latitude,
          longitude: r.longitude,
          name: t('districts.map.resourceMarker', { name: r.name, organization: r.organizationName }),
          tooltip: r.name,
          variant: r.status === 'active' ? 'resource' : 'closed',
          onSelect: () => setSelected({ kind: 'resource', item: r }),
        }))
      : [];
    const addresses: MapMarker[] =
      layers.addresses && m.addresses
        ? m.addresses.flatMap((a) =>
            a.latitude !== null && a.longitude !== null
              ? [
                  {
                    id: `a-${a.addressId}`,
                    latitude: a.latitude,
                    longitude: a.longitude,
                    name: t('districts.map.addressMarker', { street: a.street, houseNumber: a.houseNumber }),
                    tooltip: `${a.street} ${a.houseNumber}`,
                    variant: 'address' as const,
                    onSelect: () => setSelected({ kind: 'address', item: a }),
                  },
                ]
              : [],
          )
        : [];
    return [...resources, ...addresses];
  }, [m, layers.resources, layers.addresses, t]);

  const categoryCodes = all.data?.categories ?? m?.categories ?? [];
  const withoutPoint = m?.addresses?.filter((a) => a.latitude === null || a.longitude === null).length ?? 0;
  const toggleCategory = (code: string, on: boolean) =>
    setCategories((c) => (on ? [...c, code].sort() : c.filter((x) => x !== code)));

  return (
    <>
      <SocialSpaceNav />
      <PageHeading title={t('districts.map.title')}>{t('districts.map.intro')}</PageHeading>
      <form className="lotse-stack" aria-label={t('districts.map.filters')} onSubmit={(e) => e.preventDefault()}>
        <Fieldset legend={t('districts.map.categories')} hint={t('districts.map.categoriesHint')} horizontal>
          {categoryCodes.length === 0 ? <p className="kern-body">{t('districts.map.noCategories')}</p> : null}
          {categoryCodes.map((code) => (
            <Checkbox
              key={code}
              label={categoryName(code)}
              checked={categories.includes(code)}
              onChange={(e) => toggleCategory(code, e.target.checked)}
            />
          ))}
        </Fieldset>
        <Checkbox
          label={t('districts.map.includeClosed')}
          checked={includeClosed}
          onChange={(e) => setIncludeClosed(e.target.checked)}
        />
        <Fieldset legend={t('districts.map.layers')} horizontal>
          <Checkbox
            label={t('districts.map.layerDistricts')}
            checked={layers.districts}
            onChange={(e) => setLayers((l) => ({ ...l, districts: e.target.checked }))}
          />
          <Checkbox
            label={t('districts.map.layerResources')}
            checked={layers.resources}
            onChange={(e) => setLayers((l) => ({ ...l, resources: e.target.checked }))}
          />
          {m?.addresses ? (
            <Checkbox
              label={t('districts.map.layerAddresses')}
              checked={layers.addresses}
              onChange={(e) => setLayers((l) => ({ ...l, addresses: e.target.checked }))}
            />
          ) : null}
        </Fieldset>
        <Fieldset legend={t('districts.map.view')} horizontal>
          {(['map', 'list'] as const).map((v) => (
            <div className="kern-form-check" key={v}>
              <input
                className="kern-form-check__radio"
                type="radio"
                id={`map-view-${v}`}
                name="map-view"
                value={v}
                checked={view === v}
                onChange={() => setView(v)}
              />
              <label className="kern-label" htmlFor={`map-view-${v}`}>
                {v === 'map' ? t('districts.map.mapView') : t('districts.map.listView')}
              </label>
            </div>
          ))}
        </Fieldset>
      </form>

      {data.isPending ? <Loading /> : null}
      {data.error ? <QueryError error={data.error} onRetry={() => void data.refetch()} /> : null}
      {m && view === 'map' ? (
        <section className="lotse-stack" aria-labelledby="map-heading">
          <h2 className="kern-title kern-title--large" id="map-heading">
            {t('districts.map.mapView')}
          </h2>
          <p className="kern-body">{t('districts.map.mapHint')}</p>
          {m.districts.features.every((f) => f.geometry === null) ? (
            <Alert tone="info" title={t('districts.map.noOutlines')} />
          ) : null}
          {withoutPoint > 0 && layers.addresses ? (
            <Alert tone="info" title={t('districts.map.addressesWithoutPoint', { count: withoutPoint })} />
          ) : null}
          <LeafletMap
            label={t('districts.map.mapLabel')}
            polygons={polygons}
            markers={markers}
            bounds={m.bbox}
            tileUrl={m.tileUrl}
            tileAttribution={m.tileAttribution}
          />
          <ul className="lotse-map-legend" aria-label={t('districts.map.legend')}>
            <li>
              <span className="lotse-map-marker lotse-map-marker--resource" aria-hidden="true">
                <span />
              </span>
              {t('districts.map.legendResource')}
            </li>
            <li>
              <span className="lotse-map-marker lotse-map-marker--closed" aria-hidden="true">
                <span />
              </span>
              {t('districts.map.legendClosed')}
            </li>
            {m.addresses ? (
              <li>
                <span className="lotse-map-marker lotse-map-marker--address" aria-hidden="true">
                  <span />
                </span>
                {t('districts.map.legendAddress')}
              </li>
            ) : null}
          </ul>
          <div aria-live="polite">
            {selected ? (
              <div className="kern-card kern-card--hug">
                <div className="kern-card__container">
                  <div className="kern-card__body">
                    <p className="kern-preline">{t('districts.map.selected')}</p>
                    {selected.kind === 'resource' ? (
                      <p className="kern-body">
                        <strong>{selected.item.name}</strong> ({selected.item.organizationName}) –{' '}
                        {selected.item.categories.map(categoryName).join(', ')} – {statusName(selected.item.status)}{' '}
                        <Link className="kern-link" to={paths.resource(selected.item.serviceId)}>
                          {t('districts.map.openResource')}
                        </Link>
                      </p>
                    ) : (
                      <p className="kern-body">
                        <strong>
                          {selected.item.street} {selected.item.houseNumber}
                        </strong>{' '}
                        – {problemOf(selected.item)}{' '}
                        <Link className="kern-link" to={paths.address(selected.item.addressId)}>
                          {t('districts.map.openAddress')}
                        </Link>
                      </p>
                    )}
                  </div>
                </div>
              </div>
            ) : null}
          </div>
        </section>
      ) : null}
      {m && view === 'list' ? (
        <div className="lotse-stack">
          {layers.districts ? (
            <section aria-labelledby="list-districts">
              <h2 className="kern-title kern-title--large" id="list-districts">
                {t('districts.map.tableDistricts')}
              </h2>
              <p className="kern-body kern-body--muted">{t('districts.clients.suppressedHint')}</p>
              <div className="kern-table-responsive">
                <table className="kern-table lotse-table-full">
                  <thead className="kern-table__head">
                    <tr className="kern-table__row">
                      <th scope="col" className="kern-table__header">
                        {t('districts.map.col.district')}
                      </th>
                      <th scope="col" className="kern-table__header">
                        {t('districts.map.col.clients')}
                      </th>
                      <th scope="col" className="kern-table__header">
                        {t('districts.map.col.staff')}
                      </th>
                      <th scope="col" className="kern-table__header">
                        {t('districts.map.col.resources')}
                      </th>
                      <th scope="col" className="kern-table__header">
                        {t('districts.map.col.lastExplored')}
                      </th>
                    </tr>
                  </thead>
                  <tbody className="kern-table__body">
                    {m.districts.features.map((f) => (
                      <tr className="kern-table__row" key={f.id}>
                        <th scope="row" className="kern-table__header">
                          <Link className="kern-link" to={paths.district(f.id)}>
                            {f.properties.name}
                          </Link>
                        </th>
                        <td className="kern-table__cell">{formatClients(f.properties.clients, t, lang)}</td>
                        <td className="kern-table__cell">{f.properties.staffCount}</td>
                        <td className="kern-table__cell">{f.properties.resourceCount}</td>
                        <td className="kern-table__cell">
                          {f.properties.lastExploredOn
                            ? formatCalendarDate(f.properties.lastExploredOn, lang)
                            : t('districts.detail.never')}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          ) : null}
          {layers.resources ? (
            <section aria-labelledby="list-resources">
              <h2 className="kern-title kern-title--large" id="list-resources">
                {t('districts.map.tableResources')}
              </h2>
              {m.resources.length === 0 ? (
                <p className="kern-body">{t('districts.map.noResources')}</p>
              ) : (
                <div className="kern-table-responsive">
                  <table className="kern-table lotse-table-full">
                    <thead className="kern-table__head">
                      <tr className="kern-table__row">
                        <th scope="col" className="kern-table__header">
                          {t('districts.map.col.resource')}
                        </th>
                        <th scope="col" className="kern-table__header">
                          {t('districts.map.col.organization')}
                        </th>
                        <th scope="col" className="kern-table__header">
                          {t('districts.map.col.categories')}
                        </th>
                        <th scope="col" className="kern-table__header">
                          {t('districts.map.col.district')}
                        </th>
                        <th scope="col" className="kern-table__header">
                          {t('districts.map.col.status')}
                        </th>
                      </tr>
                    </thead>
                    <tbody className="kern-table__body">
                      {m.resources.map((r) => (
                        <tr className="kern-table__row" key={`${r.serviceId}-${r.latitude}-${r.longitude}`}>
                          <th scope="row" className="kern-table__header">
                            <Link className="kern-link" to={paths.resource(r.serviceId)}>
                              {r.name}
                            </Link>
                          </th>
                          <td className="kern-table__cell">{r.organizationName}</td>
                          <td className="kern-table__cell">{r.categories.map(categoryName).join(', ')}</td>
                          <td className="kern-table__cell">{r.districtName ?? ''}</td>
                          <td className="kern-table__cell">{statusName(r.status)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </section>
          ) : null}
          {layers.addresses && m.addresses ? (
            <section aria-labelledby="list-addresses">
              <h2 className="kern-title kern-title--large" id="list-addresses">
                {t('districts.map.tableAddresses')}
              </h2>
              {m.addresses.length === 0 ? (
                <p className="kern-body">{t('districts.map.noAddresses')}</p>
              ) : (
                <div className="kern-table-responsive">
                  <table className="kern-table lotse-table-full">
                    <thead className="kern-table__head">
                      <tr className="kern-table__row">
                        <th scope="col" className="kern-table__header">
                          {t('districts.map.col.address')}
                        </th>
                        <th scope="col" className="kern-table__header">
                          {t('districts.map.col.district')}
                        </th>
                        <th scope="col" className="kern-table__header">
                          {t('districts.map.col.problem')}
                        </th>
                      </tr>
                    </thead>
                    <tbody className="kern-table__body">
                      {m.addresses.map((a) => (
                        <tr className="kern-table__row" key={a.addressId}>
                          <th scope="row" className="kern-table__header">
                            <Link className="kern-link" to={paths.address(a.addressId)}>
                              {a.street} {a.houseNumber}, {a.postalCode}
                            </Link>
                          </th>
                          <td className="kern-table__cell">{a.districtName ?? ''}</td>
                          <td className="kern-table__cell">{problemOf(a)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </section>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
