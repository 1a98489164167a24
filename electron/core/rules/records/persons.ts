// Who the people of a case are, as the rules of sections F–L need them: birth date
// and sex (from the ID number when the file gives no other), suspects, officers.
import type { CaseFacts, FactPerson } from '../facts.js';
import { checkIdNumber } from '../../extract/validate.js';
import { sessionsOf, splitNames } from './sessions.js';

/** Birth date as the file gives it, else as the valid ID number encodes it. */
export function birthDateOf(p: FactPerson): string | null {
  if (p.birthDate) return p.birthDate.slice(0, 10);
  if (!p.idNumber) return null;
  const id = checkIdNumber(p.idNumber);
  return id.valid && id.birthDate ? id.birthDate : null;
}

/** Whether the birth date rests on a checked ID number rather than the person's own word. */
export function birthDateFromId(p: FactPerson): boolean {
  if (!p.idNumber) return false;
  const id = checkIdNumber(p.idNumber);
  if (!id.valid || !id.birthDate) return false;
  return !p.birthDate || p.birthDate.slice(0, 10) === id.birthDate;
}

export function genderOf(p: FactPerson): '男' | '女' | null {
  if (p.gender) return p.gender;
  if (!p.idNumber) return null;
  const id = checkIdNumber(p.idNumber);
  return id.valid && id.gender ? id.gender : null;
}

/** Suspects: persons in that role and anyone an interrogation record is about. */
export function suspects(facts: CaseFacts): FactPerson[] {
  const ids = new Set(facts.persons.filter((p) => p.role === 'SUSPECT').map((p) => p.id));
  for (const s of sessionsOf(facts, 'interrogation')) if (s.subjectId) ids.add(s.subjectId);
  return facts.persons.filter((p) => ids.has(p.id));
}

export function namesOf(p: FactPerson): string[] {
  return [p.name, ...p.aliases].map((n) => n.replace(/[\s\u3000]/g, '')).filter((n) => n.length > 0);
}

export function personByName(facts: CaseFacts, name: string): FactPerson | undefined {
  const n = name.replace(/[\s\u3000]/g, '');
  return facts.persons.find((p) => namesOf(p).includes(n));
}

/** Names of everyone acting for the police in the file: investigators, recorders, persons in the officer role. */
export function officerNames(facts: CaseFacts): Set<string> {
  const out = new Set<string>();
  for (const d of facts.documents) {
    for (const n of splitNames(d.fields.investigators)) out.add(n);
    if (d.fields.recorder) for (const n of splitNames([d.fields.recorder])) out.add(n);
  }
  for (const p of facts.persons) if (p.role === 'OFFICER') for (const n of namesOf(p)) out.add(n);
  return out;
}

/** A truthy attribute under any of the given keys (the resolver's naming may vary). */
export function hasAttribute(p: FactPerson, ...keys: string[]): boolean {
  return keys.some((k) => {
    const v = p.attributes[k];
    return v === true || (typeof v === 'string' && v.length > 0 && v !== 'false' && v !== '否') || (typeof v === 'number' && v > 0);
  });
}

export function attributeText(p: FactPerson, key: string): string | null {
  const v = p.attributes[key];
  return typeof v === 'string' && v.length > 0 ? v : null;
}
