// All settings, read from the environment and validated once at start-up.
// Each setting is declared once below: its variable, schema, default and meaning.
// The README's configuration table is checked against this list by a test.
import Type, { type TSchema } from 'typebox';
import Value from 'typebox/value';
import { createHmac } from 'node:crypto';

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
const onOff = Type.Union([Type.Literal('on'), Type.Literal('off')]);
const minutes = Type.Integer({ minimum: 1, maximum: 1440 });
const pairs = Type.String({ pattern: '^[^=,\\s]+=[^=,\\s]+(,[^=,\\s]+=[^=,\\s]+)*$' });
const departmentList = Type.String({ pattern: '^[a-z0-9-]+=[^=;]+(;[a-z0-9-]+=[^=;]+)*$' });

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
  { env: 'KANAL_SELFSERVICE_DRAFT_DAYS', schema: Type.Integer({ minimum: 1, maximum: 365 }), allowed: 'a whole number of days from 1 to 365', description: 'Self-service drafts are deleted this many days after they were last saved.', default: '30' },
  { env: 'KANAL_SELFSERVICE_WEBHOOK_URL', schema: url, allowed: 'an absolute http(s) URL', description: 'Told (POST, JSON, references only) of every self-service submission, through the outbox.' },
  { env: 'KANAL_SERVICES_DIR', schema: nonEmpty, allowed: 'a directory path', description: 'Where the self-service definitions (*.json) are read from. Default: the catalogue shipped in src/services.' },
  { env: 'KANAL_INSIGHTS_COUNT_WEB_VISITS', schema: Type.Boolean(), allowed: 'true or false', description: 'Count web visits (from web statistics) as inbound digital contacts in the digital share, as KOMHEN does.', default: 'true' },
  { env: 'KANAL_ACCESSIBILITY_STATEMENT_URL', schema: url, allowed: 'an absolute http(s) URL', description: 'The municipality\'s accessibility statement on the national WAS tool.', default: 'https://www.was.digst.dk/' },
  { env: 'KANAL_CONTACTS_COUNT_WEEKS', schema: Type.String({ pattern: '^\\d{4}-W(0[1-9]|[1-4]\\d|5[0-3])(,\\d{4}-W(0[1-9]|[1-4]\\d|5[0-3]))*$' }), allowed: 'ISO weeks separated by commas, e.g. 2026-W46,2027-W11', description: 'KOMHEN count weeks: staff tally every contact by channel, kind and topic in these weeks.' },
  { env: 'KANAL_SEARCH_FRESHNESS_MS', schema: Type.Integer({ minimum: 0, maximum: 60000 }), allowed: 'a whole number of milliseconds from 0 to 60000', description: 'How old a node\'s search index may be before a search checks the database for changes made on other nodes (0 = every search).', default: '1000' },
  // Identity and access (src/platform/auth). See docs/security.md.
  { env: 'KANAL_TEST_IDP', schema: onOff, allowed: 'on or off', description: 'The built-in test identity provider at /test-idp with fictional citizens, businesses and employees. Default: on, except in production, which refuses it.' },
  { env: 'KANAL_OIDC_ALLOW_HTTP', schema: Type.Boolean(), allowed: 'true or false', description: 'Let the OpenID Connect client talk to identity providers over plain http (openid-client\'s allowInsecureRequests). Default: true, except in production, which refuses it.' },
  { env: 'KANAL_CITIZEN_OIDC_ISSUER', schema: url, allowed: 'an absolute http(s) URL', description: 'Issuer of the MitID/NemLog-in OIDC broker for citizens and businesses. Default: the test identity provider when it is on.' },
  { env: 'KANAL_CITIZEN_OIDC_CLIENT_ID', schema: nonEmpty, allowed: 'a client id', description: 'Kanal\'s client id at the citizen broker.', default: 'kanal-citizen' },
  { env: 'KANAL_CITIZEN_OIDC_CLIENT_SECRET', schema: nonEmpty, allowed: 'the client secret', description: 'Kanal\'s client secret at the citizen broker. Required when an issuer is set.' },
  { env: 'KANAL_CITIZEN_OIDC_SCOPE', schema: nonEmpty, allowed: 'space-separated scopes', description: 'Scopes asked for at citizen login.', default: 'openid profile' },
  { env: 'KANAL_BUSINESS_OIDC_SCOPE', schema: nonEmpty, allowed: 'space-separated scopes', description: 'Extra scopes asked for when logging in on behalf of a business (MitID Erhverv).', default: 'business' },
  { env: 'KANAL_CITIZEN_OIDC_CLAIMS', schema: pairs, allowed: 'name=claim pairs separated by commas', description: 'Which claims carry the CPR number, name, CVR number, organisation name and assurance level.', default: 'cpr=cpr,name=name,cvr=cvr,organisation=organisation,loa=acr' },
  { env: 'KANAL_STAFF_OIDC_ISSUER', schema: url, allowed: 'an absolute http(s) URL', description: 'Issuer of the municipality\'s identity provider for employees. Default: the test identity provider when it is on.' },
  { env: 'KANAL_STAFF_OIDC_CLIENT_ID', schema: nonEmpty, allowed: 'a client id', description: 'Kanal\'s client id at the staff identity provider.', default: 'kanal-staff' },
  { env: 'KANAL_STAFF_OIDC_CLIENT_SECRET', schema: nonEmpty, allowed: 'the client secret', description: 'Kanal\'s client secret at the staff identity provider. Required when an issuer is set.' },
  { env: 'KANAL_STAFF_OIDC_SCOPE', schema: nonEmpty, allowed: 'space-separated scopes', description: 'Scopes asked for at staff login.', default: 'openid profile' },
  { env: 'KANAL_STAFF_OIDC_CLAIMS', schema: pairs, allowed: 'name=claim pairs separated by commas', description: 'Which claims carry the employee\'s name, groups and department.', default: 'name=name,groups=groups,department=department' },
  { env: 'KANAL_STAFF_ROLE_MAP', schema: pairs, allowed: 'group=role pairs separated by commas; roles: frontdesk, caseworker, manager, admin, dpo', description: 'Which group (from the groups claim) gives which Kanal role.', default: 'kanal-frontdesk=frontdesk,kanal-caseworker=caseworker,kanal-manager=manager,kanal-admin=admin,kanal-dpo=dpo' },
  { env: 'KANAL_DEPARTMENTS', schema: departmentList, allowed: 'id=Name pairs separated by semicolons; ids of lower-case letters, digits and dashes', description: 'The departments (forvaltninger). The department claim holds an id or a name.', default: 'borgerservice=Borgerservice;boern-unge=Børn og Unge;social-sundhed=Social og Sundhed;miljoe-teknik=Miljø og Teknik;kultur-fritid=Kultur og Fritid;administration=Administration' },
  { env: 'KANAL_SENSITIVE_DEPARTMENTS', schema: Type.String({ pattern: '^(none|[a-z0-9-]+(,[a-z0-9-]+)*)$' }), allowed: 'department ids separated by commas, or none', description: 'Departments whose cases other departments may not even see exist.', default: 'social-sundhed' },
  { env: 'KANAL_PERSON_REGISTER', schema: Type.Union([Type.Literal('test'), Type.Literal('none')]), allowed: 'test or none', description: 'Where names and addresses come from: the fictional test register, or none. Default: test, except in production, which refuses it.' },
  { env: 'KANAL_SESSION_IDLE_MINUTES_CITIZEN', schema: minutes, allowed: 'a whole number of minutes from 1 to 1440', description: 'A citizen or business is logged out after this long without activity (warned first).', default: '30' },
  { env: 'KANAL_SESSION_IDLE_MINUTES_STAFF', schema: minutes, allowed: 'a whole number of minutes from 1 to 1440', description: 'An employee is logged out after this long without activity.', default: '480' },
  { env: 'KANAL_SESSION_MAX_HOURS', schema: Type.Integer({ minimum: 1, maximum: 48 }), allowed: 'a whole number of hours from 1 to 48', description: 'Every session ends this long after login, active or not.', default: '12' },
  { env: 'KANAL_SESSION_WARNING_MINUTES', schema: minutes, allowed: 'a whole number of minutes from 1 to 1440', description: 'How long before the idle logout the page warns and offers to stay logged in.', default: '5' },
  { env: 'KANAL_LOGIN_RATE_LIMIT', schema: Type.Integer({ minimum: 1 }), allowed: 'a whole number of 1 or more', description: 'Login attempts allowed per IP address per 10 minutes.', default: '60' },
  { env: 'KANAL_POST_RATE_LIMIT_IP', schema: Type.Integer({ minimum: 1 }), allowed: 'a whole number of 1 or more', description: 'Form submissions and other changes allowed per IP address per minute (an office shares one address).', default: '600' },
  { env: 'KANAL_POST_RATE_LIMIT_SESSION', schema: Type.Integer({ minimum: 1 }), allowed: 'a whole number of 1 or more', description: 'Form submissions and other changes allowed per session per minute.', default: '60' },
  // Jobs, notifications and files (src/platform/jobs, notify, storage). See docs/platform-services.md.
  { env: 'KANAL_WORKER', schema: Type.Union([Type.Literal('on'), Type.Literal('off')]), allowed: 'on or off', description: 'Run the job worker inside `kanal serve`. Turn off on app nodes when separate `kanal worker` processes run the jobs.', default: 'on' },
  { env: 'KANAL_WORKER_CONCURRENCY', schema: Type.Integer({ minimum: 1, maximum: 100 }), allowed: 'a whole number from 1 to 100', description: 'Jobs one worker process runs at the same time.', default: '4' },
  { env: 'KANAL_WORKER_POLL_MS', schema: Type.Integer({ minimum: 50, maximum: 60000 }), allowed: 'a whole number of milliseconds from 50 to 60000', description: 'How often an idle worker looks for due jobs (PostgreSQL also wakes it at once on new jobs).', default: '1000' },
  { env: 'KANAL_JOB_LEASE_SECONDS', schema: Type.Integer({ minimum: 2, maximum: 3600 }), allowed: 'a whole number of seconds from 2 to 3600', description: 'A running job\'s lease, renewed while it runs. A job whose worker died runs again this long after the last renewal.', default: '60' },
  { env: 'KANAL_JOB_MAX_ATTEMPTS', schema: Type.Integer({ minimum: 1, maximum: 100 }), allowed: 'a whole number from 1 to 100', description: 'Attempts before a failing job is moved to dead (a job type may set its own).', default: '10' },
  { env: 'KANAL_JOB_RETENTION_DAYS', schema: Type.Integer({ minimum: 1, maximum: 3650 }), allowed: 'a whole number of days from 1 to 3650', description: 'Finished jobs (and their idempotency keys) are deleted this many days after they finished.', default: '30' },
  { env: 'KANAL_SMTP_HOST', schema: nonEmpty, allowed: 'a host name', description: 'SMTP server for e-mail notifications. Not set: e-mails go to the local outbox shown at /admin/notifications.' },
  { env: 'KANAL_SMTP_PORT', schema: Type.Integer({ minimum: 1, maximum: 65535 }), allowed: 'a whole number from 1 to 65535', description: 'SMTP port (587 with STARTTLS, 465 with KANAL_SMTP_SECURE=true).', default: '587' },
  { env: 'KANAL_SMTP_SECURE', schema: Type.Boolean(), allowed: 'true or false', description: 'Use TLS from the start of the connection (port 465). With false, STARTTLS is used when the server offers it.', default: 'false' },
  { env: 'KANAL_SMTP_USER', schema: nonEmpty, allowed: 'a user name', description: 'SMTP user name, if the server needs a login.' },
  { env: 'KANAL_SMTP_PASSWORD', schema: nonEmpty, allowed: 'a password', description: 'SMTP password (with KANAL_SMTP_USER).' },
  { env: 'KANAL_MAIL_FROM', schema: nonEmpty, allowed: 'an address such as "Albertslund Kommune <noreply@albertslund.dk>"', description: 'Sender of e-mail notifications. Default: the municipality\'s name and noreply@ the public host.' },
  { env: 'KANAL_SMS_PROVIDER', schema: Type.Literal('outbox'), allowed: 'outbox', description: 'Where SMS notifications go. Only the local outbox exists yet; a provider adapter plugs in behind the same interface.', default: 'outbox' },
  { env: 'KANAL_FILE_MAX_BYTES', schema: Type.Integer({ minimum: 1, maximum: 1073741824 }), allowed: 'a whole number of bytes up to 1073741824 (1 GiB)', description: 'Largest file that may be stored (uploads, attachments), unless a caller sets a smaller limit.', default: '26214400' },
  // Cases (src/modules/cases). See docs/cases.md.
  { env: 'KANAL_CASE_HANDOFF_GRACE_DAYS', schema: Type.Integer({ minimum: 0, maximum: 3650 }), allowed: 'a whole number of days from 0 to 3650', description: 'Days a closed case stays in Kanal after the case and document system confirmed the hand-off.', default: '30' },
  { env: 'KANAL_CASE_RETENTION', schema: Type.String({ pattern: '^(\\d{2}(\\.\\d{2}){0,2}=\\d{1,5})?(,\\d{2}(\\.\\d{2}){0,2}=\\d{1,5})*$' }), allowed: 'KLE=days pairs separated by commas, e.g. 02=1825,02.34=3650', description: 'Days after closing when a case of a KLE topic is deleted even without a confirmed hand-off (the longest KLE prefix wins). Empty: only after hand-off.', default: '' },
] as const satisfies readonly Setting[];

type Env = Record<string, string | undefined>;
type SettingName = (typeof settings)[number]['env'];

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
  /** KOMHEN count weeks as ISO weeks ('2026-W46'). */
  contactCountWeeks: string[];
  /** See KANAL_SEARCH_FRESHNESS_MS. */
  searchFreshnessMs: number;
  selfService: {
    draftDays: number;
    /** undefined: the catalogue shipped with Kanal. */
    servicesDir: string | undefined;
    webhookUrl: string | undefined;
  };
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
  auth: AuthConfig;
  jobs: {
    /** Run the worker inside `kanal serve`. */
    workerInServe: boolean;
    concurrency: number;
    pollMs: number;
    leaseSeconds: number;
    maxAttempts: number;
    retentionDays: number;
  };
  mail: {
    /** undefined: e-mails go to the local outbox. */
    smtp: { host: string; port: number; secure: boolean; user: string | undefined; password: string | undefined } | undefined;
    from: string;
  };
  sms: { provider: 'outbox' };
  files: { maxBytes: number };
  cases: {
    handoffGraceDays: number;
    /** Retention in days per KLE prefix. */
    retention: Record<string, number>;
  };
}

/** How Kanal reaches one OpenID Connect identity provider. */
export interface OidcClientConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  scope: string;
  /** Kanal's name for a value → the claim that carries it. */
  claims: Record<string, string>;
}

export interface DepartmentConfig {
  id: string;
  name: string;
  /** Other departments may not even see that a case exists here. */
  sensitive: boolean;
}

export interface AuthConfig {
  testIdp: boolean;
  /** openid-client's allowInsecureRequests: plain-http identity providers (never in production). */
  allowHttp: boolean;
  /** MitID/NemLog-in broker for citizens and businesses. */
  citizen: OidcClientConfig & { businessScope: string };
  /** The municipality's identity provider for employees. */
  staff: OidcClientConfig & { roleMap: Record<string, string> };
  departments: DepartmentConfig[];
  personRegister: 'test' | 'none';
  session: { idleMinutesCitizen: number; idleMinutesStaff: number; maxHours: number; warningMinutes: number };
  rateLimit: { loginsPerIp: number; postsPerIp: number; postsPerSession: number };
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

  const get = <T>(name: SettingName) => values.get(name) as T;
  const port = get<number>('PORT');
  const nodeEnv = get<Config['nodeEnv']>('NODE_ENV');
  const publicUrl = (get<string | undefined>('KANAL_PUBLIC_URL') ?? `http://localhost:${port}`).replace(/\/+$/, '');
  const secret = get<string | undefined>('KANAL_SESSION_SECRET');
  const sessionSecret = secret ?? randomSecret();
  const config: Config = {
    nodeEnv,
    port,
    host: get('HOST'),
    publicUrl,
    dataDir: get('KANAL_DATA_DIR'),
    databaseUrl: get('DATABASE_URL'),
    dbPoolSize: get('KANAL_DB_POOL_SIZE'),
    sessionSecret,
    sessionSecretGenerated: secret === undefined,
    trustProxy: get('KANAL_TRUST_PROXY'),
    logLevel: get('KANAL_LOG_LEVEL'),
    contactCountWeeks: (get<string | undefined>('KANAL_CONTACTS_COUNT_WEEKS') ?? '').split(',').filter(Boolean),
    searchFreshnessMs: get('KANAL_SEARCH_FRESHNESS_MS'),
    selfService: {
      draftDays: get('KANAL_SELFSERVICE_DRAFT_DAYS'),
      servicesDir: get('KANAL_SERVICES_DIR'),
      webhookUrl: get('KANAL_SELFSERVICE_WEBHOOK_URL'),
    },
    insights: { countWebVisits: get('KANAL_INSIGHTS_COUNT_WEB_VISITS') },
    municipality: {
      name: get('KANAL_MUNICIPALITY_NAME'),
      logoUrl: get('KANAL_MUNICIPALITY_LOGO_URL'),
      phone: get('KANAL_CONTACT_PHONE'),
      email: get('KANAL_CONTACT_EMAIL'),
      address: get('KANAL_CONTACT_ADDRESS'),
      accessibilityStatementUrl: get('KANAL_ACCESSIBILITY_STATEMENT_URL'),
    },
    auth: authConfig(get, problems, nodeEnv, publicUrl, sessionSecret),
    jobs: {
      workerInServe: get('KANAL_WORKER') === 'on',
      concurrency: get('KANAL_WORKER_CONCURRENCY'),
      pollMs: get('KANAL_WORKER_POLL_MS'),
      leaseSeconds: get('KANAL_JOB_LEASE_SECONDS'),
      maxAttempts: get('KANAL_JOB_MAX_ATTEMPTS'),
      retentionDays: get('KANAL_JOB_RETENTION_DAYS'),
    },
    mail: mailConfig(get, problems, get('KANAL_MUNICIPALITY_NAME'), publicUrl),
    sms: { provider: get('KANAL_SMS_PROVIDER') },
    files: { maxBytes: get('KANAL_FILE_MAX_BYTES') },
    cases: {
      handoffGraceDays: get('KANAL_CASE_HANDOFF_GRACE_DAYS'),
      retention: Object.fromEntries(
        (get<string | undefined>('KANAL_CASE_RETENTION') ?? '')
          .split(',')
          .filter(Boolean)
          .map((pair) => [pair.split('=')[0]!, Number(pair.split('=')[1])]),
      ),
    },
  };
  problems.push(...productionProblems(config, env));
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

function mailConfig(get: <T>(name: SettingName) => T, problems: string[], municipalityName: string, publicUrl: string): Config['mail'] {
  const host = get<string | undefined>('KANAL_SMTP_HOST');
  const user = get<string | undefined>('KANAL_SMTP_USER');
  const password = get<string | undefined>('KANAL_SMTP_PASSWORD');
  if (Boolean(user) !== Boolean(password)) problems.push('KANAL_SMTP_USER and KANAL_SMTP_PASSWORD must be set together.');
  return {
    smtp: host ? { host, port: get('KANAL_SMTP_PORT'), secure: get('KANAL_SMTP_SECURE'), user, password } : undefined,
    from: get<string | undefined>('KANAL_MAIL_FROM') ?? `"${municipalityName.replace(/["\\]/g, '')}" <noreply@${new URL(publicUrl).hostname}>`,
  };
}

function parsePairs(text: string, separator: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const pair of text.split(separator)) {
    const at = pair.indexOf('=');
    result[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
  }
  return result;
}

/** A secret for the test identity provider's clients, derived so that every node agrees. */
function derivedSecret(sessionSecret: string, purpose: string): string {
  return createHmac('sha256', sessionSecret).update(purpose).digest('base64url');
}

function authConfig(get: <T>(name: SettingName) => T, problems: string[], nodeEnv: Config['nodeEnv'], publicUrl: string, sessionSecret: string): AuthConfig {
  const production = nodeEnv === 'production';
  const testIdp = (get<'on' | 'off' | undefined>('KANAL_TEST_IDP') ?? (production ? 'off' : 'on')) === 'on';
  const testIssuer = `${publicUrl}/test-idp`;
  const testSecret = (client: string) => derivedSecret(sessionSecret, `test-idp-client:${client}`);

  const client = (prefix: 'CITIZEN' | 'STAFF') => {
    const issuer = get<string | undefined>(`KANAL_${prefix}_OIDC_ISSUER`);
    const clientId = get<string>(`KANAL_${prefix}_OIDC_CLIENT_ID`);
    let clientSecret = get<string | undefined>(`KANAL_${prefix}_OIDC_CLIENT_SECRET`);
    if (issuer && !clientSecret) problems.push(`KANAL_${prefix}_OIDC_CLIENT_SECRET is missing: KANAL_${prefix}_OIDC_ISSUER is set, so Kanal needs its client secret there.`);
    if (!issuer && !testIdp) problems.push(`KANAL_${prefix}_OIDC_ISSUER is missing: set the identity provider's issuer URL${production ? '' : ', or KANAL_TEST_IDP=on'}.`);
    if (!issuer) clientSecret = testSecret(clientId);
    return {
      issuer: (issuer ?? testIssuer).replace(/\/+$/, ''),
      clientId,
      clientSecret: clientSecret ?? '',
      scope: get<string>(`KANAL_${prefix}_OIDC_SCOPE`),
      claims: parsePairs(get<string>(`KANAL_${prefix}_OIDC_CLAIMS`), ','),
    };
  };

  const roleMap = parsePairs(get<string>('KANAL_STAFF_ROLE_MAP'), ',');
  for (const [group, role] of Object.entries(roleMap)) {
    if (!staffRoleNames.includes(role)) problems.push(`KANAL_STAFF_ROLE_MAP gives group ${JSON.stringify(group)} the unknown role ${JSON.stringify(role)}: expected one of ${staffRoleNames.join(', ')}.`);
  }
  const sensitiveSetting = get<string>('KANAL_SENSITIVE_DEPARTMENTS');
  const sensitive = sensitiveSetting === 'none' ? [] : sensitiveSetting.split(',');
  const departments = Object.entries(parsePairs(get<string>('KANAL_DEPARTMENTS'), ';')).map(([id, name]) => ({ id, name, sensitive: sensitive.includes(id) }));
  for (const id of sensitive) {
    if (!departments.some((d) => d.id === id)) problems.push(`KANAL_SENSITIVE_DEPARTMENTS names ${JSON.stringify(id)}, which is not in KANAL_DEPARTMENTS.`);
  }

  return {
    testIdp,
    allowHttp: get<boolean | undefined>('KANAL_OIDC_ALLOW_HTTP') ?? !production,
    citizen: { ...client('CITIZEN'), businessScope: get('KANAL_BUSINESS_OIDC_SCOPE') },
    staff: { ...client('STAFF'), roleMap },
    departments,
    personRegister: get<'test' | 'none' | undefined>('KANAL_PERSON_REGISTER') ?? (production ? 'none' : 'test'),
    session: {
      idleMinutesCitizen: get('KANAL_SESSION_IDLE_MINUTES_CITIZEN'),
      idleMinutesStaff: get('KANAL_SESSION_IDLE_MINUTES_STAFF'),
      maxHours: get('KANAL_SESSION_MAX_HOURS'),
      warningMinutes: get('KANAL_SESSION_WARNING_MINUTES'),
    },
    rateLimit: {
      loginsPerIp: get('KANAL_LOGIN_RATE_LIMIT'),
      postsPerIp: get('KANAL_POST_RATE_LIMIT_IP'),
      postsPerSession: get('KANAL_POST_RATE_LIMIT_SESSION'),
    },
  };
}

/** The roles an employee can get from the staff identity provider (mirrors policy's roles). */
const staffRoleNames = ['frontdesk', 'caseworker', 'manager', 'admin', 'dpo'];

/** Settings that are fine on a developer's machine but never in production. */
function productionProblems(config: Config, env: Env): string[] {
  if (config.nodeEnv !== 'production') return [];
  const problems: string[] = [];
  if (config.auth.testIdp) {
    problems.push('KANAL_TEST_IDP=on is not allowed in production: the test identity provider lets anyone log in as anyone. Set KANAL_TEST_IDP=off and configure KANAL_CITIZEN_OIDC_ISSUER and KANAL_STAFF_OIDC_ISSUER.');
  }
  if (config.auth.allowHttp) {
    problems.push('KANAL_OIDC_ALLOW_HTTP=true is not allowed in production: identity providers must be reached over https.');
  }
  for (const [name, issuer] of [['KANAL_CITIZEN_OIDC_ISSUER', env.KANAL_CITIZEN_OIDC_ISSUER], ['KANAL_STAFF_OIDC_ISSUER', env.KANAL_STAFF_OIDC_ISSUER]] as const) {
    if (issuer?.startsWith('http://')) problems.push(`${name}=${JSON.stringify(issuer)} is not allowed in production: expected an https:// URL.`);
  }
  if (config.auth.personRegister === 'test') {
    problems.push('KANAL_PERSON_REGISTER=test is not allowed in production: it would show fictional addresses for real people.');
  }
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
