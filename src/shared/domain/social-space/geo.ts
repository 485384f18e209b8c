/**
 * Plane geometry on WGS 84 coordinates for a city-sized area: which district a point lies in, a
 * district's bounding box and a label point. GeoJSON order is [longitude, latitude] (RFC 7946).
 * At the scale of one city, treating degrees as a plane is exact enough for "in which district".
 */

export type Position = readonly [number, number];
export type PolygonCoordinates = readonly (readonly Position[])[];
export type Geometry =
  | { type: 'Polygon'; coordinates: PolygonCoordinates }
  | { type: 'MultiPolygon'; coordinates: readonly PolygonCoordinates[] };
export type Point = { latitude: number; longitude: number };

/** Ray casting: is the point inside the ring (a closed list of positions)? */
function inRing(point: Point, ring: readonly Position[]): boolean {
  let inside = false;
  const x = point.longitude;
  const y = point.latitude;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Inside the outer ring and outside every hole. */
function inPolygon(point: Point, polygon: PolygonCoordinates): boolean {
  const [outer, ...holes] = polygon;
  if (!outer || !inRing(point, outer)) return false;
  return holes.every((hole) => !inRing(point, hole));
}

export function pointInGeometry(point: Point, geometry: Geometry): boolean {
  return geometry.type === 'Polygon'
    ? inPolygon(point, geometry.coordinates)
    : geometry.coordinates.some((polygon) => inPolygon(point, polygon));
}

/** The first district whose outline contains the point, or null (outside the city or no outlines). */
export function districtAt<D extends { geometry: Geometry | null }>(districts: readonly D[], point: Point): D | null {
  return districts.find((d) => d.geometry !== null && pointInGeometry(point, d.geometry)) ?? null;
}

export type BoundingBox = { south: number; west: number; north: number; east: number };

function outerRings(geometry: Geometry): readonly (readonly Position[])[] {
  return geometry.type === 'Polygon'
    ? geometry.coordinates.slice(0, 1)
    : geometry.coordinates.map((polygon) => polygon[0] ?? []);
}

/** The smallest box around the geometries (null when there are none). */
export function boundingBox(geometries: readonly Geometry[]): BoundingBox | null {
  let box: BoundingBox | null = null;
  for (const geometry of geometries)
    for (const ring of outerRings(geometry))
      for (const [longitude, latitude] of ring) {
        box = box
          ? {
              south: Math.min(box.south, latitude),
              west: Math.min(box.west, longitude),
              north: Math.max(box.north, latitude),
              east: Math.max(box.east, longitude),
            }
          : { south: latitude, west: longitude, north: latitude, east: longitude };
      }
  return box;
}

/**
 * A point to put a district's label on: the area centroid of its largest outer ring (for the
 * convex-ish shapes of districts this lies inside).
 */
export function labelPoint(geometry: Geometry): Point | null {
  let best: { area: number; point: Point } | null = null;
  for (const ring of outerRings(geometry)) {
    let area = 0;
    let cx = 0;
    let cy = 0;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
      const [xi, yi] = ring[i]!;
      const [xj, yj] = ring[j]!;
      const cross = xj * yi - xi * yj;
      area += cross;
      cx += (xj + xi) * cross;
      cy += (yj + yi) * cross;
    }
    if (area === 0) continue;
    const point = { longitude: cx / (3 * area), latitude: cy / (3 * area) };
    if (!best || Math.abs(area) > best.area) best = { area: Math.abs(area), point };
  }
  return best?.point ?? null;
}

/** Is the value a WGS 84 point (latitude −90…90, longitude −180…180)? */
export function isValidPoint(point: Point): boolean {
  return (
    Number.isFinite(point.latitude) &&
    Number.isFinite(point.longitude) &&
    Math.abs(point.latitude) <= 90 &&
    Math.abs(point.longitude) <= 180
  );
}
