// Who is registering: the employee's stable id, which owns "my latest registrations".
import type { FastifyRequest } from 'fastify';

export interface Employee {
  id: string;
}

/**
 * The logged-in employee. Until the identity layer (src/platform/auth) is merged this is
 * the viewer's name; it must become the session's staff subject identifier.
 */
export function employeeOf(request: FastifyRequest): Employee {
  return { id: request.viewer?.name ?? 'medarbejder' };
}
