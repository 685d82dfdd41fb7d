import type { ReferenceKind } from './references.js';

/*
 * The nodes several mutations' inputs point at, with the names their messages use: one
 * definition each, so the same reference reads the same in every message. A field that names
 * its node otherwise (a "parent Party organization", an "employer organization") spreads one of
 * these with its own label; a kind only one mutation uses stays beside that mutation.
 */

export const ORGANIZATION: ReferenceKind = { typeName: 'Organization', table: 'organization', label: { zh: '组织', en: 'organization' } };

export const PARTY_ORGANIZATION: ReferenceKind = {
  typeName: 'PartyOrganization',
  table: 'party_organization',
  label: { zh: '党组织', en: 'Party organization' },
};

export const PARK: ReferenceKind = { typeName: 'Park', table: 'park', label: { zh: '园区', en: 'park' } };

export const BUILDING: ReferenceKind = { typeName: 'Building', table: 'building', label: { zh: '楼宇', en: 'building' } };

export const BUSINESS_DISTRICT: ReferenceKind = {
  typeName: 'BusinessDistrict',
  table: 'business_district',
  label: { zh: '商圈/市场', en: 'business district or market' },
};

/** An Area id where a street is asked for (the level is the caller's check). */
export const STREET: ReferenceKind = { typeName: 'Area', table: 'area', label: { zh: '街道', en: 'street' } };
