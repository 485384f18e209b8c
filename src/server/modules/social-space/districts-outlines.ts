import {
  districtGeometrySchema,
  type DistrictGeometryDto,
  type OutlineImportRequest,
} from '../../../shared/contracts/districts';
import { fieldMessage, type FieldError } from '../../platform/errors/app-error';

export type OutlineTarget = { id: string; code: string; name: string };
export type MatchedOutline = { district: OutlineTarget; geometry: DistrictGeometryDto };

const key = (s: string) => s.normalize('NFC').trim().toLocaleLowerCase('de');

/**
 * Checks a GeoJSON FeatureCollection of district outlines and matches each feature to a district
 * by `properties.code` (exact) or `properties.name` (ignoring case). Every problem is reported
 * with the feature's index; a caller writes nothing when there is one (all or nothing).
 * Geometries must be Polygon or MultiPolygon with closed rings of WGS 84 positions [lon, lat].
 */
export function matchOutlines(
  input: OutlineImportRequest,
  districts: readonly OutlineTarget[],
): { matched: MatchedOutline[]; errors: FieldError[] } {
  const byCode = new Map(districts.map((d) => [d.code, d]));
  const byName = new Map(districts.map((d) => [key(d.name), d]));
  const seen = new Map<string, number>();
  const matched: MatchedOutline[] = [];
  const errors: FieldError[] = [];
  input.features.forEach((feature, i) => {
    const props = feature.properties ?? {};
    const code = typeof props.code === 'string' ? props.code : null;
    const name = typeof props.name === 'string' ? props.name : null;
    const district =
      (code !== null ? byCode.get(code.trim()) : undefined) ?? (name !== null ? byName.get(key(name)) : undefined);
    if (!district) {
      errors.push({
        path: `features.${i}.properties`,
        message: fieldMessage(
          `Objekt ${i + 1}: kein Stadtteil mit ${code !== null ? `dem Kürzel „${code}“` : name !== null ? `dem Namen „${name}“` : 'diesem Namen (properties.name oder properties.code fehlt)'}.`,
          `Feature ${i + 1}: no district with ${code !== null ? `the code "${code}"` : name !== null ? `the name "${name}"` : 'this name (properties.name or properties.code is missing)'}.`,
        ),
      });
    } else if (seen.has(district.id)) {
      errors.push({
        path: `features.${i}.properties`,
        message: fieldMessage(
          `Objekt ${i + 1}: der Stadtteil „${district.name}“ kommt schon in Objekt ${seen.get(district.id)! + 1} vor.`,
          `Feature ${i + 1}: the district "${district.name}" already appears in feature ${seen.get(district.id)! + 1}.`,
        ),
      });
    } else {
      seen.set(district.id, i);
    }
    const geometry = districtGeometrySchema.safeParse(feature.geometry);
    if (!geometry.success) {
      errors.push({
        path: `features.${i}.geometry`,
        message: fieldMessage(
          `Objekt ${i + 1}: die Geometrie ist kein gültiges Polygon oder MultiPolygon in WGS 84 (geschlossene Ringe aus mindestens vier Punkten [Länge, Breite]).`,
          `Feature ${i + 1}: the geometry is not a valid Polygon or MultiPolygon in WGS 84 (closed rings of at least four positions [longitude, latitude]).`,
        ),
      });
    } else if (district && !errors.some((e) => e.path.startsWith(`features.${i}.`))) {
      matched.push({ district, geometry: geometry.data });
    }
  });
  return { matched, errors };
}
