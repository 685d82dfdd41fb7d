/**
 * The knobs that tie the generated Jinan to the seed's figures (shared/DOMAIN.md). Counts are
 * per unit of scale; the README's calibration table says how each lands in the data.
 */
export const CALIBRATION = {
  organizations: 60_000,
  /** Share of organizations that are social organizations (51/52/53); the rest are 91/92/93. */
  socialShare: 0.12,
  deregisteredShare: 0.05,
  /** Party members (probationary + full) drawn before joint organizations are topped up. */
  partyMembers: 40_300,
  /** Members whose relation is held by a Party organization: exactly this many × scale. */
  relationInPartyOrganization: 33_500,
  /** Applicants, activists and candidates (relation NONE). */
  developingMembers: 3_200,
  instructors: 3_450,
  /** Party organizations established in the calendar year of asOf: exactly this many × scale. */
  newPartyOrganizations: 300,
  /** Member units' 包挂 of key organizations without a Party organization of their own. */
  memberUnitPoints: 300,
  nationalParks: 3,
  provincialParks: 7,
  municipalParks: 20,
  buildings: 300,
  /** 亿元楼宇: annual tax ≥ 100 million CNY. */
  bigBuildings: 50,
  businessDistricts: 130,
  /** Coverage class shares for an active organization under 100 employees (the rest are blind spots). */
  smallCovered: 0.795,
  smallWorkCovered: 0.139,
  /** … and for one of 100 employees or more. */
  largeCovered: 0.93,
  largeWorkCovered: 0.05,
  /** Share of work-covered organizations that get an instructor (the others get a recent visit). */
  instructorForWorkCovered: 0.55,
  /** Share of eligible Party organizations with no activity in the last 90 days. */
  weak: 0.1,
  /** Days of dated history before asOf for visits, activities, transfers and funds. */
  historyDays: 1095,
  /** The campaign: visits in these last days before asOf come several times as often. */
  campaignDays: 180,
  workGroupPerStreet: [9, 11] as const,
  directPerCommittee: [6, 10] as const,
} as const;
