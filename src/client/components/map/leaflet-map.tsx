import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useRef } from 'react';
import { labelPoint, type BoundingBox, type Geometry, type Point } from '../../../shared/domain/social-space/geo';
import './map.css';

/** A district or other area drawn as an outline, labelled with its name. */
export type MapPolygon = {
  id: string;
  name: string;
  geometry: Geometry;
  /** Shown when the pointer rests on the area (e.g. "Styrum – 12 Klientinnen und Klienten"). */
  tooltip?: string;
  /** Drawn stronger, e.g. the district of a detail page or the one a picked point lies in. */
  highlighted?: boolean;
};

/** A point of interest; `name` is its accessible name (a keyboard-focusable button on the map). */
export type MapMarker = {
  id: string;
  latitude: number;
  longitude: number;
  name: string;
  tooltip?: string;
  /** resource (blue), closed (grey), address (red, a delivery problem), picked (the point of a picker). */
  variant?: 'resource' | 'closed' | 'address' | 'picked';
  onSelect?: () => void;
};

export type LeafletMapProps = {
  /** Accessible name of the map region (e.g. "Karte der Stadtteile"). */
  label: string;
  polygons?: readonly MapPolygon[];
  markers?: readonly MapMarker[];
  /** The view to fit; without it the map fits the polygons, else shows Mülheim an der Ruhr. */
  bounds?: BoundingBox | null;
  /** A tile server URL template ({z}/{x}/{y}); without it the map has a plain background. */
  tileUrl?: string | null;
  tileAttribution?: string | null;
  /** Write each polygon's name on the map (default true). */
  showLabels?: boolean;
  /** Called with the clicked point (WGS 84). */
  onMapClick?: (point: Point) => void;
  /** CSS height of the map (default 32rem). */
  height?: string;
  /** Receives the Leaflet map once it exists (e.g. to read its centre). */
  onReady?: (map: L.Map | null) => void;
};

/** Mülheim an der Ruhr, for a map without outlines. */
export const MUELHEIM_BOUNDS: BoundingBox = { south: 51.35, west: 6.8, north: 51.475, east: 6.99 };

const toLatLngBounds = (b: BoundingBox) => L.latLngBounds([b.south, b.west], [b.north, b.east]);

/** GeoJSON positions ([lon, lat]) as Leaflet rings ([lat, lon]). */
function latLngsOf(geometry: Geometry): L.LatLngExpression[][] | L.LatLngExpression[][][] {
  const ring = (r: readonly (readonly [number, number])[]) => r.map(([lon, lat]) => [lat, lon] as [number, number]);
  return geometry.type === 'Polygon'
    ? geometry.coordinates.map(ring)
    : geometry.coordinates.map((polygon) => polygon.map(ring));
}

function markerIcon(variant: MapMarker['variant'] = 'resource'): L.DivIcon {
  return L.divIcon({
    className: `lotse-map-marker lotse-map-marker--${variant}`,
    html: '<span aria-hidden="true"></span>',
    iconSize: [18, 18],
    iconAnchor: [9, 9],
  });
}

/**
 * A Leaflet map that works without a tile server: district outlines as SVG polygons with their
 * names, and point markers that are keyboard-focusable buttons with an accessible name. Tab moves
 * through the map (the arrow keys pan it) and out again; it is not a keyboard trap. Pages offer a
 * list view with the same data as the accessible equivalent.
 */
export function LeafletMap({
  label,
  polygons = [],
  markers = [],
  bounds,
  tileUrl,
  tileAttribution,
  showLabels = true,
  onMapClick,
  height = '32rem',
  onReady,
}: LeafletMapProps) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<L.Map | null>(null);
  const layers = useRef<L.LayerGroup | null>(null);
  const clickRef = useRef(onMapClick);
  useEffect(() => {
    clickRef.current = onMapClick;
  });

  useEffect(() => {
    if (!container.current) return;
    const map = L.map(container.current, { zoomSnap: 0.25, attributionControl: true });
    map.attributionControl.setPrefix(false);
    mapRef.current = map;
    layers.current = L.layerGroup().addTo(map);
    map.on('click', (e: L.LeafletMouseEvent) =>
      clickRef.current?.({ latitude: e.latlng.lat, longitude: e.latlng.lng }),
    );
    onReady?.(map);
    return () => {
      onReady?.(null);
      map.remove();
      mapRef.current = null;
      layers.current = null;
    };
    // The map is created once; props are applied by the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !tileUrl) return;
    const tiles = L.tileLayer(tileUrl, { attribution: tileAttribution ?? '', maxZoom: 19 }).addTo(map);
    return () => {
      tiles.remove();
    };
  }, [tileUrl, tileAttribution]);

  const fitKey = bounds ? `${bounds.south},${bounds.west},${bounds.north},${bounds.east}` : '';
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const target = bounds ? toLatLngBounds(bounds) : null;
    map.fitBounds(target ?? toLatLngBounds(MUELHEIM_BOUNDS), { padding: [8, 8] });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fitKey]);

  useEffect(() => {
    const group = layers.current;
    if (!group) return;
    group.clearLayers();
    for (const p of polygons) {
      const shape = L.polygon(latLngsOf(p.geometry), {
        className: `lotse-map-district${p.highlighted ? ' lotse-map-district--highlighted' : ''}`,
        weight: p.highlighted ? 3 : 1.5,
        fillOpacity: p.highlighted ? 0.3 : 0.12,
      });
      if (p.tooltip) {
        shape.bindTooltip(p.tooltip, { sticky: true });
        // Leaflet's tooltip listens for focus, which makes Chromium treat the SVG path as a tab stop
        // without a name; the label and the list view carry the same, so it leaves the tab order.
        shape.on('add', () => shape.getElement()?.setAttribute('tabindex', '-1'));
      }
      group.addLayer(shape);
      const at = showLabels ? labelPoint(p.geometry) : null;
      if (at) {
        group.addLayer(
          L.tooltip({ permanent: true, direction: 'center', className: 'lotse-map-label', interactive: false })
            .setLatLng([at.latitude, at.longitude])
            .setContent(escapeHtml(p.name)),
        );
      }
    }
    for (const m of markers) {
      const marker = L.marker([m.latitude, m.longitude], {
        icon: markerIcon(m.variant),
        title: m.name,
        keyboard: Boolean(m.onSelect),
        riseOnHover: true,
      });
      marker.on('add', () => {
        const el = marker.getElement();
        el?.setAttribute('aria-label', m.name);
        if (!m.onSelect) el?.setAttribute('role', 'img');
      });
      if (m.tooltip) marker.bindTooltip(m.tooltip);
      if (m.onSelect) {
        const select = m.onSelect;
        marker.on('click', (e) => {
          L.DomEvent.stopPropagation(e);
          select();
        });
        marker.on('keypress', (e: L.LeafletKeyboardEvent) => {
          if (e.originalEvent.key === 'Enter' || e.originalEvent.key === ' ') select();
        });
      }
      group.addLayer(marker);
    }
  }, [polygons, markers, showLabels]);

  return <div ref={container} className="lotse-map" style={{ height }} role="region" aria-label={label} />;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
