import { describe, expect, it } from 'vitest';
import { matchOutlines } from './districts-outlines';

const districts = [
  { id: '00000000-0000-4000-8000-000000000001', code: 'MH-01', name: 'Altstadt I' },
  { id: '00000000-0000-4000-8000-000000000002', code: 'MH-02', name: 'Heißen' },
];
const square = {
  type: 'Polygon',
  coordinates: [
    [
      [6.8, 51.4],
      [6.9, 51.4],
      [6.9, 51.5],
      [6.8, 51.4],
    ],
  ],
};
const feature = (properties: Record<string, unknown> | null, geometry: unknown = square) => ({
  type: 'Feature' as const,
  properties,
  geometry,
});

describe('matchOutlines', () => {
  it('matches by code or by name ignoring case', () => {
    const r = matchOutlines(
      {
        type: 'FeatureCollection',
        features: [feature({ code: 'MH-01' }), feature({ name: 'HEISSEN' }), feature({ name: 'heißen' })],
      },
      districts,
    );
    // "HEISSEN" is not "Heißen": only exact names ignoring case count.
    expect(r.errors.map((e) => e.path)).toEqual(['features.1.properties']);
    expect(r.matched.map((m) => m.district.code)).toEqual(['MH-01', 'MH-02']);
  });

  it('rejects an open ring, a position out of WGS 84 range, a Point and a duplicate district', () => {
    const open = {
      type: 'Polygon',
      coordinates: [
        [
          [6.8, 51.4],
          [6.9, 51.4],
          [6.9, 51.5],
          [6.8, 51.5],
        ],
      ],
    };
    const far = {
      type: 'Polygon',
      coordinates: [
        [
          [681000, 5700000],
          [6.9, 51.4],
          [6.9, 51.5],
          [681000, 5700000],
        ],
      ],
    };
    const r = matchOutlines(
      {
        type: 'FeatureCollection',
        features: [
          feature({ code: 'MH-01' }, open),
          feature({ code: 'MH-02' }, far),
          feature({ name: 'Altstadt I' }, { type: 'Point', coordinates: [6.8, 51.4] }),
          feature({ code: 'MH-02' }),
          feature(null),
        ],
      },
      districts,
    );
    expect(r.errors.map((e) => e.path)).toEqual([
      'features.0.geometry',
      'features.1.geometry',
      'features.2.properties', // Altstadt I again (feature 0 named it by code)
      'features.2.geometry',
      'features.3.properties',
      'features.4.properties',
    ]);
  });

  it('accepts a MultiPolygon', () => {
    const r = matchOutlines(
      {
        type: 'FeatureCollection',
        features: [feature({ code: 'MH-02' }, { type: 'MultiPolygon', coordinates: [square.coordinates] })],
      },
      districts,
    );
    expect(r.errors).toEqual([]);
    expect(r.matched[0]?.geometry.type).toBe('MultiPolygon');
  });
});
