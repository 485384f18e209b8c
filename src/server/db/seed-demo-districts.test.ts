import { describe, expect, it } from 'vitest';
import { districtAt, labelPoint } from '../../shared/domain/social-space/geo';
import { MUELHEIM_DISTRICTS } from './seed-demo';
import { DEMO_DISTRICT_NAMES, demoDistrict } from './seed-demo-districts';

const seeded = MUELHEIM_DISTRICTS.map((d) => ({
  name: d.name,
  geometry: demoDistrict(d.name)!.geometry,
}));

describe('demo district outlines', () => {
  it('has an outline and a population for each of the 15 districts, and no other name', () => {
    expect(MUELHEIM_DISTRICTS).toHaveLength(15);
    expect([...DEMO_DISTRICT_NAMES].sort()).toEqual(MUELHEIM_DISTRICTS.map((d) => d.name).sort());
    for (const d of MUELHEIM_DISTRICTS) {
      const demo = demoDistrict(d.name);
      expect(demo?.population).toBeGreaterThan(0);
      expect(demo?.populationAsOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(demoDistrict('Nirgendwo')).toBeUndefined();
  });

  it('finds every district at its own label point, and only that district', () => {
    for (const d of seeded) {
      const point = labelPoint(d.geometry)!;
      expect(districtAt(seeded, point)?.name).toBe(d.name);
      const containing = seeded.filter((other) => districtAt([other], point) !== null).map((o) => o.name);
      expect(containing).toEqual([d.name]);
    }
  });

  it('closes every ring and stays around Mülheim (51.35–51.48 N, 6.79–7.0 E)', () => {
    for (const d of seeded) {
      if (d.geometry.type !== 'Polygon') throw new Error('expected a Polygon');
      const ring = d.geometry.coordinates[0]!;
      expect(ring[0]).toEqual(ring[ring.length - 1]);
      for (const [lon, lat] of ring) {
        expect(lat).toBeGreaterThanOrEqual(51.35);
        expect(lat).toBeLessThanOrEqual(51.48);
        expect(lon).toBeGreaterThanOrEqual(6.79);
        expect(lon).toBeLessThanOrEqual(7.0);
      }
    }
  });

  it('puts the districts where they roughly are: Styrum north-west of Mintard, Heißen east of Speldorf', () => {
    const at = (name: string) => labelPoint(seeded.find((d) => d.name === name)!.geometry)!;
    expect(at('Styrum').latitude).toBeGreaterThan(at('Mintard').latitude);
    expect(at('Styrum').longitude).toBeLessThan(at('Mintard').longitude);
    expect(at('Heißen').longitude).toBeGreaterThan(at('Speldorf').longitude);
    expect(at('Dümpten').latitude).toBeGreaterThan(at('Altstadt I').latitude);
  });
});
