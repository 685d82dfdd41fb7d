import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Organization } from '../organization/organization.entity.js';
import { PartyOrganization } from './party-organization.entity.js';

/**
 * The edge "Party organization covers organization" (组织覆盖) and since when: its own
 * organization, the members of a joint one, the organizations a container Party organization
 * lists. An edge with `until` set has ended; as-of questions read since ≤ d < until.
 */
@Entity({ name: 'party_organization_coverage' })
export class PartyOrganizationCoverage {
  @PrimaryColumn({ name: 'party_organization_id', type: 'integer' })
  partyOrganizationId: number;

  @PrimaryColumn({ name: 'organization_id', type: 'integer' })
  organizationId: number;

  @PrimaryColumn({ name: 'since', type: 'date' })
  since: string;

  @Column({ name: 'until', type: 'date', nullable: true })
  until: string | null;

  @ManyToOne(() => PartyOrganization)
  @JoinColumn({ name: 'party_organization_id' })
  partyOrganization?: Relation<PartyOrganization>;

  @ManyToOne(() => Organization)
  @JoinColumn({ name: 'organization_id' })
  organization?: Relation<Organization>;
}
