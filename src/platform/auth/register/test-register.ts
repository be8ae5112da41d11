// The test register: fictional people and businesses in Albertslund. The CPR numbers
// have real dates of birth; none is meant to be a real person's.
import type { Business, Person, PersonRegister } from './types.ts';

const albertslund = (street: string) => ({ street, postcode: '2620', city: 'Albertslund' });

export const testPeople: readonly Person[] = [
  {
    cpr: '1203881234',
    name: 'Anna Sørensen',
    birthDate: '1988-03-12',
    address: albertslund('Hyldespjældet 31'),
    protectedAddress: false,
    children: [{ cpr: '0305164127', name: 'Emil Sørensen', birthDate: '2016-05-03' }],
  },
  { cpr: '0305164127', name: 'Emil Sørensen', birthDate: '2016-05-03', address: albertslund('Hyldespjældet 31'), protectedAddress: false, children: [] },
  { cpr: '0211360213', name: 'Karl Henriksen', birthDate: '1936-11-02', address: albertslund('Galgebakken Sønder 7'), protectedAddress: false, children: [] },
  { cpr: '2107952468', name: 'Fatima Hassan', birthDate: '1995-07-21', address: albertslund('Kanalens Kvarter 12, 2. th.'), protectedAddress: false, children: [] },
  { cpr: '3001711357', name: 'Jens Nielsen', birthDate: '1971-01-30', address: albertslund('Roskildevej 186'), protectedAddress: false, children: [] },
  { cpr: '0909833142', name: 'Mette Larsen', birthDate: '1983-09-09', address: albertslund('Herstedvang 14, 1. tv.'), protectedAddress: true, children: [] },
];

export const testBusinesses: readonly Business[] = [
  { cvr: '31415926', name: 'Albertslund Cykler ApS', kind: 'company', address: albertslund('Stationstorvet 4') },
  { cvr: '27182818', name: 'Beboerforeningen Hyldespjældet', kind: 'association', address: albertslund('Hyldespjældet 1') },
  { cvr: '16180339', name: 'Albertslund Svømmeklub', kind: 'association', address: albertslund('Bibliotekstorvet 2') },
];

export const testRegister: PersonRegister = {
  lookupPerson: async (cpr) => testPeople.find((p) => p.cpr === cpr),
  lookupBusiness: async (cvr) => testBusinesses.find((b) => b.cvr === cvr),
};

/** KANAL_PERSON_REGISTER=none: nobody is found, and pages say the address is not available. */
export const noRegister: PersonRegister = {
  lookupPerson: async () => undefined,
  lookupBusiness: async () => undefined,
};
