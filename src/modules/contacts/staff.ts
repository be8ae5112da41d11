// Who is registering, and the menu they see.
import type { FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import { requireStaff, staffNav } from '../../platform/auth/index.ts';
import { pageContext } from '../../platform/ui/index.ts';
import { contactMessages } from './messages.ts';
import { paths, type StaffPageContext } from './views/shared.tsx';

/** The logged-in employee's stable id (the identity provider's subject), which owns "my latest registrations". */
export function employeeOf(request: FastifyRequest): { id: string } {
  return { id: requireStaff(request).subject };
}

/** The page context for a contacts page: the staff menu, with topics and import for admins. */
export function staffPage(request: FastifyRequest, config: Config): StaffPageContext {
  const identity = requireStaff(request);
  const t = contactMessages[request.lang];
  const nav = [...staffNav(identity, request.lang), { href: paths.register, text: t.navRegister }, { href: paths.countWeek, text: t.navCountWeek }];
  if (identity.roles.includes('admin')) nav.push({ href: paths.topics, text: t.navTopics }, { href: paths.import, text: t.navImport });
  return Object.assign(pageContext(request, config), { nav });
}
