// The settings every benchmark server runs with: production mode, with every production
// middleware (sessions, CSRF, audit, security headers, synchronous=FULL).
export function productionBenchEnv(dataDir: string): Record<string, string> {
  return {
    NODE_ENV: 'production',
    KANAL_PUBLIC_URL: 'https://kanal.bench.invalid',
    KANAL_SESSION_SECRET: 'bench-secret-bench-secret-bench-secret',
    KANAL_DATA_DIR: dataDir,
    KANAL_LOG_LEVEL: 'warn',
    // Production mode wants real identity providers; no benchmark logs in through them.
    KANAL_CITIZEN_OIDC_ISSUER: 'https://broker.bench.invalid',
    KANAL_CITIZEN_OIDC_CLIENT_SECRET: 'bench-client-secret',
    KANAL_STAFF_OIDC_ISSUER: 'https://idp.bench.invalid',
    KANAL_STAFF_OIDC_CLIENT_SECRET: 'bench-client-secret',
  };
}
