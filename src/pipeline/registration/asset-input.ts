import type { Asset, FieldError } from '../../domain/index.js';
import { ASSET_KINDS, DOMAIN_NAMES, isAssetKind, isDomain, isGeometry } from '../../domain/index.js';

const ID = /^[A-Za-z0-9][A-Za-z0-9._:\-]{0,127}$/;

/** Keys of a feature's properties that are columns of the asset, not free attributes. */
const RESERVED = new Set(['id', 'kind', 'domain', 'name', 'department', 'sensors']);

/**
 * A GeoJSON Feature → an Asset. The id is the feature's `id` (or `properties.id`); `kind` and
 * `domain` are required properties; other properties are kept as the asset's attributes.
 */
export function assetFromFeature(input: unknown, at = ''): Asset | FieldError {
  const f = (field: string, reason: string, code = 'invalid'): FieldError => ({ field: `${at}${field}`, code, reason });
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return f('', 'must be a GeoJSON Feature object');
  const feature = input as Record<string, unknown>;
  if (feature.type !== 'Feature') return f('type', "must be 'Feature'");
  const props = (feature.properties ?? {}) as Record<string, unknown>;
  if (typeof props !== 'object' || Array.isArray(props)) return f('properties', 'must be an object');
  const id = feature.id ?? props.id;
  if (typeof id !== 'string' || !ID.test(id)) return f('id', 'must be a string of letters, digits, . _ : - (1–128 characters)', 'missing');
  if (!isGeometry(feature.geometry)) return f('geometry', 'must be a GeoJSON geometry with [lon, lat] coordinates');
  if (!isAssetKind(props.kind)) return f('properties.kind', `must be one of ${ASSET_KINDS.join(', ')}`);
  if (!isDomain(props.domain)) return f('properties.domain', `must be one of ${DOMAIN_NAMES.join(', ')}`);
  if (props.name !== undefined && typeof props.name !== 'string') return f('properties.name', 'must be a string');
  if (props.department !== undefined && typeof props.department !== 'string') return f('properties.department', 'must be a string');
  const properties: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(props)) if (!RESERVED.has(k)) properties[k] = v;
  return {
    id, kind: props.kind, domain: props.domain, geometry: feature.geometry,
    ...(props.name !== undefined ? { name: props.name as string } : {}),
    ...(props.department !== undefined ? { department: props.department as string } : {}),
    properties,
  };
}

/** An Asset → a GeoJSON Feature, as the API answers it. */
export function assetToFeature(asset: Asset): { type: 'Feature'; id: string; geometry: Asset['geometry']; properties: Record<string, unknown> } {
  return {
    type: 'Feature',
    id: asset.id,
    geometry: asset.geometry,
    properties: {
      kind: asset.kind, domain: asset.domain,
      ...(asset.name !== undefined ? { name: asset.name } : {}),
      ...(asset.department !== undefined ? { department: asset.department } : {}),
      ...asset.properties,
    },
  };
}
