import type L from 'leaflet';
import { useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GeoPoint } from '../../../shared/contracts/addresses';
import { boundingBox, districtAt, isValidPoint, type Geometry } from '../../../shared/domain/social-space/geo';
import { Button } from '../ui/button';
import { TextField } from '../ui/form-field';
import { LeafletMap, type MapMarker, type MapPolygon } from './leaflet-map';

export type PointPickerDistrict = { id: string; name: string; geometry: Geometry | null };

export type PointPickerProps = {
  /** The chosen WGS 84 point, or null when none is set. */
  value: GeoPoint | null;
  /** Called with the new point, or null when the fields are emptied. */
  onChange: (value: GeoPoint | null) => void;
  /** District outlines to draw; the picker then names the district the point lies in. */
  districts?: readonly PointPickerDistrict[];
  /** Legend of the group (default "Lage auf der Karte"). */
  label?: string;
  /** An error to show under the fields (e.g. a server field error for the point). */
  error?: string;
  /** Prefix of the field ids, so that an error summary can link to `${idPrefix}-latitude`. */
  idPrefix?: string;
  tileUrl?: string | null;
  tileAttribution?: string | null;
};

/** "51,43" or "51.43" → 51.43; '' → null; anything else → NaN. */
function parseCoordinate(text: string): number | null {
  const t = text.trim().replace(',', '.');
  if (t === '') return null;
  return /^-?\d{1,3}(\.\d+)?$/.test(t) ? Number(t) : Number.NaN;
}

const format = (n: number) => String(Math.round(n * 1e6) / 1e6);

/**
 * Sets a WGS 84 point: click on the map, or type latitude and longitude in the fields beside it
 * (comma or point as decimal separator), or pan the map with the arrow keys and take its centre.
 */
export function PointPicker({
  value,
  onChange,
  districts = [],
  label,
  error,
  idPrefix,
  tileUrl,
  tileAttribution,
}: PointPickerProps) {
  const { t } = useTranslation();
  const generated = useId();
  const prefix = idPrefix ?? `point-${generated.replace(/:/g, '')}`;
  const map = useRef<L.Map | null>(null);
  const [lat, setLat] = useState(value ? format(value.latitude) : '');
  const [lon, setLon] = useState(value ? format(value.longitude) : '');
  const [localError, setLocalError] = useState<string | null>(null);

  // Follow a value set from outside (adjusting state while rendering, as React recommends),
  // without overwriting what is being typed when it already means the same point.
  const [seen, setSeen] = useState<GeoPoint | null>(value);
  if (seen?.latitude !== value?.latitude || seen?.longitude !== value?.longitude) {
    setSeen(value);
    const typed = { latitude: parseCoordinate(lat), longitude: parseCoordinate(lon) };
    if (value && (typed.latitude !== value.latitude || typed.longitude !== value.longitude)) {
      setLat(format(value.latitude));
      setLon(format(value.longitude));
    }
    if (!value) {
      setLat('');
      setLon('');
    }
  }

  const withOutline = useMemo(
    () => districts.filter((d): d is PointPickerDistrict & { geometry: Geometry } => d.geometry !== null),
    [districts],
  );
  const inDistrict = value ? districtAt(withOutline, value) : null;
  const polygons = useMemo<MapPolygon[]>(
    () =>
      withOutline.map((d) => ({ id: d.id, name: d.name, geometry: d.geometry, highlighted: d.id === inDistrict?.id })),
    [withOutline, inDistrict?.id],
  );
  const markers = useMemo<MapMarker[]>(
    () =>
      value
        ? [
            {
              id: 'picked',
              latitude: value.latitude,
              longitude: value.longitude,
              name: t('districts.picker.marker'),
              variant: 'picked',
            },
          ]
        : [],
    [value, t],
  );
  const bounds = useMemo(() => boundingBox(withOutline.map((d) => d.geometry)), [withOutline]);

  const commit = (nextLat: string, nextLon: string) => {
    const latitude = parseCoordinate(nextLat);
    const longitude = parseCoordinate(nextLon);
    if (latitude === null && longitude === null) {
      setLocalError(null);
      onChange(null);
      return;
    }
    if (
      latitude === null ||
      longitude === null ||
      Number.isNaN(latitude) ||
      Number.isNaN(longitude) ||
      !isValidPoint({ latitude, longitude })
    ) {
      setLocalError(t('districts.picker.invalid'));
      return;
    }
    setLocalError(null);
    onChange({ latitude, longitude });
  };

  const pick = (p: GeoPoint) => {
    const point = { latitude: Number(format(p.latitude)), longitude: Number(format(p.longitude)) };
    setLat(format(point.latitude));
    setLon(format(point.longitude));
    setLocalError(null);
    onChange(point);
  };

  const shownError = localError ?? error;
  return (
    <fieldset className="kern-fieldset" id={prefix}>
      <legend className="kern-label">{label ?? t('districts.picker.legend')}</legend>
      <div className="kern-hint" id={`${prefix}-hint`}>
        {t('districts.picker.hint')}
      </div>
      <div className="lotse-point-picker">
        <LeafletMap
          label={t('districts.picker.mapLabel')}
          polygons={polygons}
          markers={markers}
          bounds={bounds}
          tileUrl={tileUrl}
          tileAttribution={tileAttribution}
          onMapClick={pick}
          height="20rem"
          onReady={(m) => {
            map.current = m;
          }}
        />
        <div>
          <TextField
            id={`${prefix}-latitude`}
            label={t('districts.picker.latitude')}
            inputMode="decimal"
            autoComplete="off"
            value={lat}
            onChange={(e) => setLat(e.target.value)}
            onBlur={() => commit(lat, lon)}
            error={shownError}
          />
          <TextField
            id={`${prefix}-longitude`}
            label={t('districts.picker.longitude')}
            inputMode="decimal"
            autoComplete="off"
            value={lon}
            onChange={(e) => setLon(e.target.value)}
            onBlur={() => commit(lat, lon)}
          />
          <p className="kern-body" aria-live="polite">
            {value
              ? inDistrict
                ? t('districts.picker.inDistrict', { name: inDistrict.name })
                : withOutline.length > 0
                  ? t('districts.picker.outside')
                  : null
              : t('districts.picker.none')}
          </p>
          <div className="lotse-button-row">
            <Button
              variant="secondary"
              onClick={() => {
                const c = map.current?.getCenter();
                if (c) pick({ latitude: c.lat, longitude: c.lng });
              }}
            >
              {t('districts.picker.useCentre')}
            </Button>
            {value ? (
              <Button
                variant="tertiary"
                onClick={() => {
                  setLat('');
                  setLon('');
                  setLocalError(null);
                  onChange(null);
                }}
              >
                {t('districts.picker.clear')}
              </Button>
            ) : null}
          </div>
        </div>
      </div>
    </fieldset>
  );
}
