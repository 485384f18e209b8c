import { describe, expect, it } from 'vitest';
import { boundingBox, districtAt, labelPoint, pointInGeometry, type Geometry, type Position } from './geo';

const ring = (west: number, south: number, size: number): Position[] => [
  [west, south],
  [west + size, south],
  [west + size, south + size],
  [west, south + size],
  [west, south],
];
const square = (west: number, south: number, size: number): Geometry => ({
  type: 'Polygon',
  coordinates: [ring(west, south, size)],
});

describe('social-space geometry', () => {
  it('finds the district a point lies in, and none outside', () => {
    const districts = [
      { name: 'west', geometry: square(6.8, 51.4, 0.05) },
      { name: 'east', geometry: square(6.85, 51.4, 0.05) },
      { name: 'without outline', geometry: null },
    ];
    expect(districtAt(districts, { longitude: 6.81, latitude: 51.42 })?.name).toBe('west');
    expect(districtAt(districts, { longitude: 6.87, latitude: 51.42 })?.name).toBe('east');
    expect(districtAt(districts, { longitude: 7.5, latitude: 51.42 })).toBeNull();
  });

  it('respects holes and multipolygons', () => {
    const withHole: Geometry = {
      type: 'Polygon',
      coordinates: [ring(0, 0, 10), ring(4, 4, 2)],
    };
    expect(pointInGeometry({ longitude: 1, latitude: 1 }, withHole)).toBe(true);
    expect(pointInGeometry({ longitude: 5, latitude: 5 }, withHole)).toBe(false);
    const multi: Geometry = {
      type: 'MultiPolygon',
      coordinates: [[ring(0, 0, 1)], [ring(5, 5, 1)]],
    };
    expect(pointInGeometry({ longitude: 5.5, latitude: 5.5 }, multi)).toBe(true);
    expect(pointInGeometry({ longitude: 3, latitude: 3 }, multi)).toBe(false);
  });

  it('computes the bounding box and a label point inside the shape', () => {
    expect(boundingBox([square(1, 2, 1), square(3, 0, 1)])).toEqual({ south: 0, west: 1, north: 3, east: 4 });
    expect(boundingBox([])).toBeNull();
    const label = labelPoint(square(2, 4, 2))!;
    expect(label.longitude).toBeCloseTo(3);
    expect(label.latitude).toBeCloseTo(5);
  });
});
