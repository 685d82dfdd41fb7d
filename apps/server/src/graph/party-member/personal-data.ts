import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { may } from '../../auth/permissions.js';
import type { Principal } from '../../auth/principal.js';
import type { Context } from '../../context.js';
import { PartyMember } from './party-member.entity.js';

/**
 * Personal data of Party members (and of instructors' phone numbers): the ONE place that decides
 * what of it leaves the server. Roles that may read it (auth/permissions.ts: readPersonalData —
 * city administrator, district officer, street worker, each within their reach) get the recorded
 * value; everyone else the masked form: the surname only (张**), the phone's first three and last
 * four digits (138****1234), the identity number's first four and last four characters
 * (3701**********0011), no address. Gender and birth date have no field at all.
 *
 * Nothing else may expose these columns — no other field, no filter (members cannot be searched
 * or ordered by name, phone or identity number: a search would be an oracle for the masked
 * values), no error message, no log line. Exports ask `showsPersonalData` too.
 */

/** Whether the caller reads personal data as recorded (else masked). */
export function showsPersonalData(principal: Principal | null | undefined): boolean {
  return may(principal, 'readPersonalData');
}

const MASK = '*';

function characters(text: string): string[] {
  return Array.from(text);
}

/** 张三丰 → 张**; a one-character name → *. Keeps the first character (the surname in most names). */
export function maskName(name: string): string {
  const chars = characters(name.trim());
  if (chars.length <= 1) return MASK;
  return chars[0] + MASK.repeat(chars.length - 1);
}

/**
 * 13812341234 → 138****1234. Always hides at least four characters: keeps at most the last four
 * and the first three, fewer for short numbers (82345678 → ****5678).
 */
export function maskPhone(phone: string | null): string | null {
  if (phone === null) return null;
  const chars = characters(phone.trim());
  const n = chars.length;
  const tail = Math.min(4, Math.max(0, n - 4));
  const head = Math.min(3, Math.max(0, n - 4 - tail));
  return chars.slice(0, head).join('') + MASK.repeat(n - head - tail) + chars.slice(n - tail).join('');
}

/** 370102199001010011 → 3701**********0011: the city's division prefix and the last four. */
export function maskIdNumber(idNumber: string): string {
  const chars = characters(idNumber.trim());
  const n = chars.length;
  if (n < 12) return MASK.repeat(n);
  return chars.slice(0, 4).join('') + MASK.repeat(n - 8) + chars.slice(n - 4).join('');
}

@Resolver(() => PartyMember)
export class PartyMemberPersonalDataResolver {
  @FieldResolver(() => String, { description: 'Name (姓名): as recorded for roles that may read personal data, else masked to the surname, e.g. 张**.' })
  name(@Root() member: PartyMember, @Ctx() { principal }: Context): string {
    return showsPersonalData(principal) ? member.name : maskName(member.name);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Phone number (电话): as recorded for roles that may read personal data, else masked, e.g. 138****1234; null if none is recorded.',
  })
  phone(@Root() member: PartyMember, @Ctx() { principal }: Context): string | null {
    return showsPersonalData(principal) ? member.phone : maskPhone(member.phone);
  }

  @FieldResolver(() => String, {
    description:
      'Resident identity number (身份证号): as recorded for roles that may read personal data, else masked to the first four and last four characters, e.g. 3701**********0011.',
  })
  idNumber(@Root() member: PartyMember, @Ctx() { principal }: Context): string {
    return showsPersonalData(principal) ? member.idNumber : maskIdNumber(member.idNumber);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Home address (住址): for roles that may read personal data; null for others, and if none is recorded.' })
  address(@Root() member: PartyMember, @Ctx() { principal }: Context): string | null {
    return showsPersonalData(principal) ? member.address : null;
  }
}
