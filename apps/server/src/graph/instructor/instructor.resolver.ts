import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { Area } from '../area/area.entity.js';
import { maskPhone, showsPersonalData } from '../party-member/personal-data.js';
import { required } from '../required.js';
import { Instructor } from './instructor.entity.js';

@Resolver(() => Instructor)
export class InstructorResolver {
  @FieldResolver(() => Area, { description: 'The area whose talent pool (人才库) dispatched the instructor: the city or a district.' })
  async poolArea(@Root() instructor: Instructor, @Ctx() { loaders }: Context): Promise<Area> {
    return required(await loaders.area.byId.load(instructor.poolAreaId), 'Area', instructor.poolAreaId);
  }

  // Personal data: masked like a member's phone (party-member/personal-data.ts decides).
  @FieldResolver(() => String, {
    nullable: true,
    description: 'Phone number (电话): as recorded for roles that may read personal data, else masked, e.g. 138****1234; null if none is recorded.',
  })
  phone(@Root() instructor: Instructor, @Ctx() { principal }: Context): string | null {
    return showsPersonalData(principal) ? instructor.phone : maskPhone(instructor.phone);
  }
}
