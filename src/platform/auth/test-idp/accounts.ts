// The test identity provider's accounts: the test register's people and businesses,
// and fictional employees covering every department and every staff role.
import type { Config } from '../../../config.ts';
import type { StaffRole } from '../../policy/index.ts';
import { testBusinesses, testPeople } from '../register/test-register.ts';

export interface TestAccount {
  /** The subject identifier (sub) the provider issues: never a CPR number. */
  id: string;
  kind: 'citizen' | 'business' | 'staff';
  name: string;
  /** The claims the provider issues, named as Kanal's configuration expects them. */
  claims: Record<string, unknown>;
  /** For the login page: what sets this account apart. */
  facts: { cpr?: string; cvr?: string; organisation?: string; address?: string; birthDate?: string; department?: string; role?: StaffRole | undefined };
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replaceAll('æ', 'ae')
    .replaceAll('ø', 'oe')
    .replaceAll('å', 'aa')
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

const employeeNames = [
  'Lise Frandsen', 'Peter Holm', 'Birgitte Kjær', 'Omar Khalil', 'Hanne Vestergaard', 'Søren Dahl',
  'Mona Jakobsen', 'Thomas Bech', 'Karin Lund', 'Ali Yilmaz', 'Ulla Mortensen', 'Rasmus Friis',
  'Inge Poulsen', 'Niels Thomsen', 'Camilla Krogh', 'Jakob Winther', 'Sara Nygaard', 'Martin Skov',
];

export function testAccounts(config: Config): TestAccount[] {
  const citizenClaims = config.auth.citizen.claims;
  const staffClaims = config.auth.staff.claims;
  const claim = (names: Record<string, string>, key: string) => names[key] ?? key;
  const accounts: TestAccount[] = [];

  for (const person of testPeople) {
    const address = person.address ? `${person.address.street}, ${person.address.postcode} ${person.address.city}` : undefined;
    accounts.push({
      id: `borger-${slug(person.name)}`,
      kind: 'citizen',
      name: person.name,
      claims: { [claim(citizenClaims, 'name')]: person.name, [claim(citizenClaims, 'cpr')]: person.cpr },
      facts: { cpr: person.cpr, birthDate: person.birthDate, address },
    });
  }

  const representatives = ['Jens Nielsen', 'Anna Sørensen', 'Fatima Hassan'];
  testBusinesses.forEach((business, i) => {
    const name = representatives[i % representatives.length]!;
    accounts.push({
      id: `virksomhed-${business.cvr}-${slug(name)}`,
      kind: 'business',
      name,
      claims: { [claim(citizenClaims, 'name')]: name, [claim(citizenClaims, 'cvr')]: business.cvr, [claim(citizenClaims, 'organisation')]: business.name },
      facts: { cvr: business.cvr, organisation: business.name },
    });
  });

  const groupFor = (role: StaffRole) => Object.entries(config.auth.staff.roleMap).find(([, r]) => r === role)?.[0];
  const departments = config.auth.departments;
  const frontdesk = departments.find((d) => d.id === 'borgerservice') ?? departments[0]!;
  const administration = departments.find((d) => d.id === 'administration') ?? departments[departments.length - 1]!;
  const placements: { department: (typeof departments)[number]; role: StaffRole | undefined }[] = [
    { department: frontdesk, role: 'frontdesk' },
    ...departments.flatMap((department) => [
      { department, role: 'caseworker' as const },
      { department, role: 'manager' as const },
    ]),
    { department: administration, role: 'admin' },
    { department: administration, role: 'dpo' },
    // Someone the municipality's provider knows but who has no Kanal role: refused at login.
    { department: frontdesk, role: undefined },
  ];
  placements.forEach(({ department, role }, i) => {
    const group = role ? groupFor(role) : 'alle-medarbejdere';
    if (role && !group) return;
    const name = employeeNames[i % employeeNames.length]!;
    accounts.push({
      id: `medarbejder-${department.id}-${role ?? 'uden-rolle'}`,
      kind: 'staff',
      name,
      claims: {
        [claim(staffClaims, 'name')]: name,
        email: `${slug(name).replace(/-/g, '.')}@kommune.test`,
        [claim(staffClaims, 'groups')]: [group],
        [claim(staffClaims, 'department')]: department.id,
      },
      facts: { department: department.name, role },
    });
  });
  return accounts;
}
