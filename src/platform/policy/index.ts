// The one policy: every route declares who may call it (roles.ts, declarations.ts),
// and one hook checks the declaration on every request (enforce.ts, decide.ts).
export * from './roles.ts';
export { requireAccessDeclarations, declaredRoutes, MissingAccessDeclaration, type DeclaredRoute } from './declarations.ts';
export { decide, type Principal, type Decision } from './decide.ts';
export { accessPolicy, type AccessPolicyOptions } from './enforce.ts';
