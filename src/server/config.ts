import { z } from 'zod';

const booleanFromEnv = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    DATA_DIR: z.string().min(1).default('./data'),
    DATABASE_URL: z.string().url().optional(),
    LOTSE_SEED: z.enum(['demo', 'none']).default('demo'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Marks cookies Secure and uses the __Host- prefix. Defaults to true in production. */
    COOKIE_SECURE: booleanFromEnv.optional(),
    /** Public origin of the app, used for OIDC redirects and the Origin check on login. */
    PUBLIC_URL: z.string().url().optional(),
    OIDC_ISSUER: z.string().url().optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    OIDC_LABEL: z.string().min(1).default('Stadt-Login'),
    OIDC_AGENCY_CLAIM: z.string().min(1).default('lotse_agency'),
    OIDC_ROLES_CLAIM: z.string().min(1).default('lotse_roles'),
    /** Allow http:// issuers (only for a loopback test IdP). */
    OIDC_ALLOW_INSECURE: booleanFromEnv.default(false),
    /** Hours between runs of the retention purge job; 0 turns it off. Default 24 (off under NODE_ENV=test). */
    LOTSE_PURGE_INTERVAL_HOURS: z.coerce
      .number()
      .min(0)
      .max(24 * 366)
      .optional(),
    /** Tile server URL template for the social-space map ({z}/{x}/{y}); unset = no tiles, a plain background. */
    LOTSE_MAP_TILE_URL: z
      .string()
      .regex(/^https:\/\/\S+$/, 'must be an https:// URL template with {z}, {x} and {y}')
      .refine((u) => ['{z}', '{x}', '{y}'].every((p) => u.includes(p)), 'must contain {z}, {x} and {y}')
      .optional(),
    /** The attribution the tile server requires (e.g. "© OpenStreetMap-Mitwirkende"). */
    LOTSE_MAP_TILE_ATTRIBUTION: z.string().min(1).max(300).optional(),
    /** SMTP server for outgoing e-mail (smtp:// or smtps://, credentials in the URL); unset = mail is held, never sent. */
    LOTSE_SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\/\S+$/, 'must be an smtp:// or smtps:// URL')
      .refine((u) => URL.canParse(u), 'must be a valid URL')
      .optional(),
    /** Sender of outgoing e-mail, e.g. "Stadt Mülheim – Lotse <lotse@muelheim-ruhr.de>". */
    LOTSE_MAIL_FROM: z.string().min(3).max(300).default('Lotse <noreply@localhost>'),
    /** Seconds between runs of the mail delivery loop (default 30; 0 turns it off, off under NODE_ENV=test). */
    LOTSE_MAIL_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(86_400).optional(),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && env.LOTSE_SEED === 'demo') {
      ctx.addIssue({
        code: 'custom',
        path: ['LOTSE_SEED'],
        message: 'LOTSE_SEED=demo is refused when NODE_ENV=production (demo users have a published password)',
      });
    }
    if (env.OIDC_ISSUER && !env.OIDC_CLIENT_ID) {
      ctx.addIssue({ code: 'custom', path: ['OIDC_CLIENT_ID'], message: 'required when OIDC_ISSUER is set' });
    }
  });

export type Config = {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  seed: 'demo' | 'none';
  logLevel: string;
  cookieSecure: boolean;
  publicUrl: string | undefined;
  oidc:
    | {
        issuer: string;
        clientId: string;
        clientSecret: string | undefined;
        label: string;
        agencyClaim: string;
        rolesClaim: string;
        allowInsecure: boolean;
      }
    | undefined;
  version: string;
  /** Hours between scheduled purge runs; 0 = no schedule. */
  purgeIntervalHours: number;
  /** Tile server of the social-space map; null = no tiles (plain background with the outlines). */
  mapTileUrl: string | null;
  mapTileAttribution: string | null;
  /**
   * Outgoing e-mail. `smtpUrl` null: no SMTP configured, mail is held. `hold` is true in demo mode
   * (demo users have a published password: nothing may leave the machine) or without SMTP.
   */
  mail: { smtpUrl: string | null; from: string; hold: boolean; intervalSeconds: number };
};

export class ConfigError extends Error {}

/** Parses the environment once at start-up; an invalid variable stops the process with a clear message. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    seed: e.LOTSE_SEED,
    logLevel: e.LOG_LEVEL,
    cookieSecure: e.COOKIE_SECURE ?? e.NODE_ENV === 'production',
    publicUrl: e.PUBLIC_URL,
    oidc: e.OIDC_ISSUER
      ? {
          issuer: e.OIDC_ISSUER,
          clientId: e.OIDC_CLIENT_ID ?? '',
          clientSecret: e.OIDC_CLIENT_SECRET,
          label: e.OIDC_LABEL,
          agencyClaim: e.OIDC_AGENCY_CLAIM,
          rolesClaim: e.OIDC_ROLES_CLAIM,
          allowInsecure: e.OIDC_ALLOW_INSECURE,
        }
      : undefined,
    version: process.env.npm_package_version ?? '0.1.0',
    purgeIntervalHours: e.LOTSE_PURGE_INTERVAL_HOURS ?? (e.NODE_ENV === 'test' ? 0 : 24),
    mapTileUrl: e.LOTSE_MAP_TILE_URL ?? null,
    mapTileAttribution: e.LOTSE_MAP_TILE_ATTRIBUTION ?? null,
    mail: {
      smtpUrl: e.LOTSE_SMTP_URL ?? null,
      from: e.LOTSE_MAIL_FROM,
      hold: e.LOTSE_SEED === 'demo' || !e.LOTSE_SMTP_URL,
      intervalSeconds: e.LOTSE_MAIL_INTERVAL_SECONDS ?? (e.NODE_ENV === 'test' ? 0 : 30),
    },
  };
}
