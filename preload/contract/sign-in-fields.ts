// The schema of a side's sign-in in a job request (shared/sign-in.ts SignInRequest).
import { z } from 'zod';
import type { SignInRequest } from '../../shared/sign-in.ts';

const url = (label: string) =>
  z
    .string()
    .url({ error: `${label} must be a web address (https://…)` })
    .max(2_000);
const scopes = z.array(z.string().trim().min(1).max(500)).max(20);

export const oauth2Client = z
  .object({
    issuer: z.string().trim().min(1).max(2_000),
    authorizationEndpoint: url('the sign-in page'),
    tokenEndpoint: url('the token endpoint'),
    clientId: z.string().trim().min(1, { error: "the app's client ID must not be empty" }).max(500),
    userScopes: scopes,
    appScopes: scopes,
    authorizationParams: z.record(z.string().max(100), z.string().max(500)).optional(),
  })
  .strict();

const secret = (label: string) =>
  z
    .string({ error: `${label} must be text` })
    .min(1, { error: `${label} must not be empty` })
    .max(20_000);

export const signInRequest: z.ZodType<SignInRequest> = z.discriminatedUnion('method', [
  z.object({ method: z.literal('password') }).strict(),
  z
    .object({
      method: z.literal('user'),
      client: oauth2Client,
      clientSecret: secret('the client secret').nullable().optional(),
    })
    .strict(),
  z
    .object({
      method: z.literal('app'),
      client: oauth2Client,
      clientSecret: secret('the client secret').optional(),
      certificate: secret('the certificate').optional(),
    })
    .strict()
    .refine((app) => (app.clientSecret === undefined) !== (app.certificate === undefined), {
      error: "give the app's client secret or its certificate (PEM with the private key), one of the two",
    }),
  z
    .object({
      method: z.literal('delegation'),
      client: oauth2Client,
      serviceAccountKey: secret('the service account key'),
    })
    .strict(),
]);
