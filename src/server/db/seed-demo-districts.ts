/**
 * Demo outlines and population of Mülheim an der Ruhr's 15 districts (Stadtteile).
 *
 * The outlines are APPROXIMATE: a hand-made partition of the city's bounding box into rectangles
 * that lie roughly where each district is (Styrum north-west, Dümpten north, Winkhausen and Heißen
 * east, Speldorf and Broich west of the Ruhr, Saarn, Selbeck and Mintard south on the left bank,
 * Menden-Holthausen and Raadt south-east). They do not overlap, so `districtAt` answers one
 * district for every point inside the city. A municipality imports its official outlines with
 * `POST /api/v1/districts/outlines`.
 *
 * The population figures are APPROXIMATE demo values of the right order of magnitude (the city has
 * about 172,000 inhabitants), not official statistics; the reference date says when they would apply.
 */
import type { DistrictGeometry } from './schema';

export const DEMO_POPULATION_AS_OF = '2023-12-31';

type Box = { west: number; south: number; east: number; north: number };

/** A closed, counter-clockwise GeoJSON ring around the box ([longitude, latitude]). */
function rectangle(b: Box): DistrictGeometry {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [b.west, b.south],
        [b.east, b.south],
        [b.east, b.north],
        [b.west, b.north],
        [b.west, b.south],
      ],
    ],
  };
}

const demo: Record<string, { box: Box; population: number }> = {
  // north (Rechtsruhr-Nord)
  Styrum: { box: { west: 6.8, south: 51.445, east: 6.865, north: 51.475 }, population: 15_200 },
  Dümpten: { box: { west: 6.865, south: 51.445, east: 6.93, north: 51.475 }, population: 18_900 },
  Winkhausen: { box: { west: 6.93, south: 51.445, east: 6.99, north: 51.475 }, population: 9_600 },
  Eppinghofen: { box: { west: 6.885, south: 51.428, east: 6.91, north: 51.445 }, population: 11_800 },
  // centre and east (Rechtsruhr-Süd)
  'Altstadt I': { box: { west: 6.855, south: 51.428, east: 6.885, north: 51.445 }, population: 15_700 },
  Heißen: { box: { west: 6.91, south: 51.428, east: 6.99, north: 51.445 }, population: 17_600 },
  'Altstadt II': { box: { west: 6.875, south: 51.41, east: 6.895, north: 51.428 }, population: 12_400 },
  Holthausen: { box: { west: 6.895, south: 51.41, east: 6.925, north: 51.428 }, population: 10_300 },
  Raadt: { box: { west: 6.925, south: 51.41, east: 6.99, north: 51.428 }, population: 3_900 },
  'Menden-Holthausen': { box: { west: 6.89, south: 51.385, east: 6.97, north: 51.41 }, population: 5_800 },
  // west of the Ruhr and south on its left bank (Linksruhr)
  Speldorf: { box: { west: 6.8, south: 51.41, east: 6.855, north: 51.445 }, population: 20_400 },
  Broich: { box: { west: 6.855, south: 51.41, east: 6.875, north: 51.428 }, population: 11_200 },
  Saarn: { box: { west: 6.82, south: 51.385, east: 6.89, north: 51.41 }, population: 18_800 },
  Selbeck: { box: { west: 6.82, south: 51.35, east: 6.885, north: 51.385 }, population: 1_700 },
  Mintard: { box: { west: 6.885, south: 51.35, east: 6.935, north: 51.385 }, population: 700 },
};

export type DemoDistrict = { geometry: DistrictGeometry; population: number; populationAsOf: string };

/** The demo outline and population of a district by its name, or undefined for an unknown name. */
export function demoDistrict(name: string): DemoDistrict | undefined {
  const d = demo[name];
  return d
    ? { geometry: rectangle(d.box), population: d.population, populationAsOf: DEMO_POPULATION_AS_OF }
    : undefined;
}

export const DEMO_DISTRICT_NAMES: readonly string[] = Object.keys(demo);
