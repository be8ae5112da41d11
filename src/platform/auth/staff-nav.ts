// The staff back office's menu, by role.
import type { Lang } from '../i18n/index.ts';
import type { NavItem } from '../ui/index.ts';
import type { StaffIdentity } from './identity.ts';
import { authMessages } from './messages.ts';
import { authPaths } from './paths.ts';

export function staffNav(identity: StaffIdentity, lang: Lang): NavItem[] {
  const t = authMessages[lang];
  const items: NavItem[] = [{ href: authPaths.staffHome, text: t.staffNavHome }];
  if (identity.roles.includes('dpo')) items.push({ href: authPaths.auditLog, text: t.staffNavAuditLog });
  return items;
}
