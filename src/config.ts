// All settings, read from the environment and validated once at start-up.
// Each setting is declared once below: its variable, schema, default and meaning.
// The README's configuration table is checked against this list by a test.
import Type, { type TSchema } from 'typebox';
import Value from 'typebox/value';

interface Setting {
  env: string;
  schema: TSchema;
  /** What a valid value looks like, said in the error line. */
  allowed: string;
  description: string;
  default?: string;
}

const url = Type.String({ pattern: '^https?://[^\\s]+$' });
const nonEmpty = Type.String({ minLength: 1 });

export const settings = [
  { env: 'NODE_ENV', schema: Type.Union([Type.Literal('development'), Type.Literal('production'), Type.Literal('test')]), allowed: 'development, production or test', description: 'Run mode. production refuses unsafe settings.', default: 'development' },
  { env: 'PORT', schema: Type.Integer({ minimum: 1, maximum: 65535 }), allowed: 'a whole number from 1 to 65535', description: 'TCP port to listen on.', default: '3000' },
  { env: 'HOST', schema: nonEmpty, allowed: 'an address to listen on, e.g. 127.0.0.1 or 0.0.0.0', description: 'Address to listen on. Use 0.0.0.0 behind a load balancer.', default: '127.0.0.1' },
  { env: 'KANAL_PUBLIC_URL', schema: url, allowed: 'an absolute http(s) URL such as https://kanal.example.dk', description: 'The address citizens use; https required in production. Default: http://localhost:$PORT.' },
  { env: 'KANAL_DATA_DIR', schema: nonEmpty, allowed: 'a directory path', description: 'Where the embedded SQLite database and local files are kept.', default: './data' },
  { env: 'DATABASE_URL', schema: Type.String({ pattern: '^postgres(ql)?://' }), allowed: 'a PostgreSQL URL such as postgres://user@host:5432/kanal', description: 'Use PostgreSQL instead of the embedded SQLite database.' },
  { env: 'KANAL_DB_POOL_SIZE', schema: Type.Integer({ minimum: 1, maximum: 200 }), allowed: 'a whole number from 1 to 200', description: 'PostgreSQL connections per app node.', default: '10' },
  { env: 'KANAL_SESSION_SECRET', schema: Type.String({ minLength: 32 }), allowed: 'at least 32 characters of random text', description: 'Secret for signing cookies and CSRF tokens. Required in production; a random one is made per start otherwise.' },
  { env: 'KANAL_TRUST_PROXY', schema: Type.Boolean(), allowed: 'true or false', description: 'Trust X-Forwarded-* headers from a reverse proxy.', default: 'false' },
  { env: 'KANAL_LOG_LEVEL', schema: Type.Union(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l))), allowed: 'fatal, error, warn, info, debug, trace or silent', description: 'Least severe log level written.', default: 'info' },
  { env: 'KANAL_MUNICIPALITY_NAME', schema: nonEmpty, allowed: 'a name', description: 'Shown in the header, footer and page titles.', default: 'Albertslund Kommune' },
  { env: 'KANAL_MUNICIPALITY_LOGO_URL', schema: nonEmpty, allowed: 'a URL or a path on this site', description: 'Logo in the header. Default: the built-in Kanal logo.' },
  { env: 'KANAL_CONTACT_PHONE', schema: nonEmpty, allowed: 'a phone number', description: 'Phone number shown in the footer.', default: '43 68 68 68' },
  { env: 'KANAL_CONTACT_EMAIL', schema: Type.String({ pattern: '^[^@\\s]+@[^@\\s]+$' }), allowed: 'an e-mail address', description: 'E-mail address shown in the footer.', default: 'kommunen@albertslund.dk' },
  { env: 'KANAL_CONTACT_ADDRESS', schema: nonEmpty, allowed: 'an address', description: 'Postal address shown in the footer.', default: 'Nordmarks Allé 1, 2620 Albertslund' },
  { env: 'KANAL_INSIGHTS_COUNT_WEB_VISITS', schema: Type.Boolean(), allowed: 'true or false', description: 'Count web visits (from web statistics) as inbound digital contacts in the digital share, as KOMHEN does.', default: 'true' },
  { env: 'KANAL_ACCESSIBILITY_STATEMENT_URL', schema: url, allowed: 'an absolute http(s) URL', description: 'The municipality\'s accessibility statement on the national WAS tool.', default: 'https://www.was.digst.dk/' },
] as const satisfies readonly Setting[];

type Env = Record<string, string | undefined>;

export interface Config {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  host: string;
  publicUrl: string;
  dataDir: string;
  databaseUrl: string | undefined;
  dbPoolSize: number;
  sessionSecret: string;
  /** True when no KANAL_SESSION_SECRET was given and a random one was made. */
  sessionSecretGenerated: boolean;
  trustProxy: boolean;
  logLevel: string;
  insights: {
    /** Web visits count as inbound digital information contacts in the digital share. */
    countWebVisits: boolean;
  };
  municipality: {
    name: string;
    logoUrl: string | undefined;
    phone: string;
    email: string;
    address: string;
    accessibilityStatementUrl: string;
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ConfigError';
  }
}

function parseOne(setting: Setting, raw: string): { ok: true; value: unknown } | { ok: false } {
  // Environment variables are strings: convert "3000" → 3000 and "true" → true before checking.
  const value = Value.Convert(setting.schema, raw);
  return Value.Check(setting.schema, value) ? { ok: true, value } : { ok: false };
}

/**
 * Reads and validates every setting. Throws ConfigError with one line per bad
 * variable, naming the variable and what is allowed — never echoing a secret.
 */
export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const values = new Map<string, unknown>();
  for (const setting of settings as readonly Setting[]) {
    const raw = env[setting.env];
    const given = raw !== undefined && raw !== '';
    if (!given && setting.default === undefined) continue;
    const parsed = parseOne(setting, given ? raw : setting.default!);
    if (!parsed.ok) {
      const shown = setting.env.includes('SECRET') ? '(hidden)' : JSON.stringify(raw);
      problems.push(`${setting.env}=${shown} is not valid: expected ${setting.allowed}.`);
      continue;
    }
    values.set(setting.env, parsed.value);
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const get = <T>(name: (typeof settings)[number]['env']) => values.get(name) as T;
  const port = get<number>('PORT');
  const secret = get<string | undefined>('KANAL_SESSION_SECRET');
  const config: Config = {
    nodeEnv: get('NODE_ENV'),
    port,
    host: get('HOST'),
    publicUrl: (get<string | undefined>('KANAL_PUBLIC_URL') ?? `http://localhost:${port}`).replace(/\/+$/, ''),
    dataDir: get('KANAL_DATA_DIR'),
    databaseUrl: get('DATABASE_URL'),
    dbPoolSize: get('KANAL_DB_POOL_SIZE'),
    sessionSecret: secret ?? randomSecret(),
    sessionSecretGenerated: secret === undefined,
    trustProxy: get('KANAL_TRUST_PROXY'),
    logLevel: get('KANAL_LOG_LEVEL'),
    insights: { countWebVisits: get('KANAL_INSIGHTS_COUNT_WEB_VISITS') },
    municipality: {
      name: get('KANAL_MUNICIPALITY_NAME'),
      logoUrl: get('KANAL_MUNICIPALITY_LOGO_URL'),
      phone: get('KANAL_CONTACT_PHONE'),
      email: get('KANAL_CONTACT_EMAIL'),
      address: get('KANAL_CONTACT_ADDRESS'),
      accessibilityStatementUrl: get('KANAL_ACCESSIBILITY_STATEMENT_URL'),
    },
  };
  const unsafe = productionProblems(config);
  if (unsafe.length > 0) throw new ConfigError(unsafe);
  return config;
}

/** Settings that are fine on a developer's machine but never in production. */
function productionProblems(config: Config): string[] {
  if (config.nodeEnv !== 'production') return [];
  const problems: string[] = [];
  if (!config.publicUrl.startsWith('https://')) {
    problems.push(`KANAL_PUBLIC_URL=${JSON.stringify(config.publicUrl)} is not allowed in production: expected an https:// URL.`);
  }
  if (config.sessionSecretGenerated) {
    problems.push('KANAL_SESSION_SECRET is missing: production needs at least 32 characters of random text.');
  }
  return problems;
}

function randomSecret(): string {
  return globalThis.crypto.getRandomValues(new Uint8Array(32)).reduce((s, b) => s + b.toString(16).padStart(2, '0'), '');
}
