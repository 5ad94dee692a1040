import type { GatewayAuth } from '../auth-service.ts';
import { requireUser } from '../authorization.ts';
import type { GraphContext } from '../context.ts';
import { ErrorCode, graphError } from '../errors.ts';
import type { ApiKeyScope, Resolvers } from '../generated/resolvers.ts';

/** The auth service, or UNAVAILABLE when this gateway runs without one. */
export function authOf(ctx: GraphContext): GatewayAuth {
  const auth = ctx.services.auth;
  if (!auth) throw graphError(ErrorCode.UNAVAILABLE, 'Accounts are not connected to this gateway.');
  return auth;
}

const scopeOf = (scope: ApiKeyScope) => scope.toLowerCase();
const SCOPE_ENUM = { read: 'READ', trade: 'TRADE', withdraw: 'WITHDRAW' } as const;

/**
 * Accounts, sessions, MFA and API keys (graph/auth-service.ts). Login, registration and the reset
 * request are limited per client address; everything about a user's security needs that user's own
 * session (never an argument naming someone else).
 */
export const authResolvers: Resolvers = {
  Query: {
    apiKeys: async (_root, _args, ctx) => authOf(ctx).apiKeys(requireUser(ctx)),
  },
  Mutation: {
    register: (_root, { input }, ctx) => authOf(ctx).register(input.email, input.password, ctx.ip),
    login: (_root, { input }, ctx) => authOf(ctx).login(input.email, input.password, input.totp, ctx.ip),
    refresh: (_root, { refreshToken }, ctx) => authOf(ctx).refresh(refreshToken),
    logout: (_root, { refreshToken }, ctx) => authOf(ctx).logout(refreshToken, ctx.principal),
    requestPasswordReset: (_root, { email }, ctx) => authOf(ctx).requestPasswordReset(email, ctx.ip),
    resetPassword: (_root, { token, password }, ctx) => authOf(ctx).resetPassword(token, password),
    enableTotp: (_root, _args, ctx) => authOf(ctx).enableTotp(requireUser(ctx)),
    verifyTotp: (_root, { code }, ctx) => authOf(ctx).verifyTotp(requireUser(ctx), code),
    disableTotp: (_root, { code }, ctx) => authOf(ctx).disableTotp(requireUser(ctx), code),
    createApiKey: (_root, { input }, ctx) =>
      authOf(ctx).createApiKey(requireUser(ctx), {
        name: input.label,
        scopes: input.scopes.map(scopeOf),
        ...(input.ipAllowlist ? { ipAllowlist: input.ipAllowlist } : {}),
      }),
    revokeApiKey: (_root, { id }, ctx) => authOf(ctx).revokeApiKey(requireUser(ctx), id),
    rotateApiKey: (_root, { id }, ctx) => authOf(ctx).rotateApiKey(requireUser(ctx), id),
  },
  ApiKey: {
    key: (k) => k.id,
    label: (k) => k.name,
    scopes: (k) => k.scopes.map((s) => SCOPE_ENUM[s]),
    ipAllowlist: (k) => [...k.ipAllowlist],
    createdAt: (k) => k.createdAt.getTime(),
    lastUsedAt: (k) => k.lastUsedAt?.getTime() ?? null,
    revokedAt: (k) => k.revokedAt?.getTime() ?? null,
  },
  CreatedApiKey: {
    apiKey: (created) => created.key,
  },
};
