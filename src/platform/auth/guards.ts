// For route handlers: the identity the access policy has already admitted, typed.
import type { FastifyRequest } from 'fastify';
import { forbidden, unauthenticated } from '../http/index.ts';
import type { CitizenIdentity, Identity, StaffIdentity } from './identity.ts';

/** The logged-in identity; 401 if there is none (the route's declaration should have said so). */
export function requireIdentity(request: FastifyRequest): Identity {
  if (!request.identity) throw unauthenticated();
  return request.identity;
}

export function requireStaff(request: FastifyRequest): StaffIdentity {
  const identity = requireIdentity(request);
  if (identity.kind !== 'staff') throw forbidden();
  return identity;
}

export function requireCitizen(request: FastifyRequest): CitizenIdentity {
  const identity = requireIdentity(request);
  if (identity.kind !== 'citizen') throw forbidden();
  return identity;
}
