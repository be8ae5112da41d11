// The person register: names and addresses by CPR number, businesses by CVR number.
// NemLog-in gives no address, so Kanal asks the register (in production the CPR
// register through the municipality's integration; embedded: the test register).

export interface Address {
  street: string;
  postcode: string;
  city: string;
}

export interface Child {
  cpr: string;
  name: string;
  birthDate: string;
}

export interface Person {
  cpr: string;
  name: string;
  /** YYYY-MM-DD */
  birthDate: string;
  address: Address | undefined;
  /** Navne- og adressebeskyttelse: the address is shown to the person alone, never to staff or in letters' headers. */
  protectedAddress: boolean;
  /** Children under 18 the person has custody of. */
  children: Child[];
}

export interface Business {
  cvr: string;
  name: string;
  kind: 'company' | 'association';
  address: Address;
}

export interface PersonRegister {
  lookupPerson(cpr: string): Promise<Person | undefined>;
  lookupBusiness(cvr: string): Promise<Business | undefined>;
}
