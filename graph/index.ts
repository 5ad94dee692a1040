/**
 * The GraphQL gateway: `createGateway` serves graph/schema.graphql over the node's HTTP server
 * (graphql-yoga) and graphql-ws on the same port. Authentication is injected (`authenticate`);
 * resolvers authorise per field with `requireUser` / `requireScope` / `requireAdmin`.
 */
export { createGateway, DEFAULT_LIMITS, SCHEMA_FILE } from './server.ts';
export { requireAdmin, requireScope, requireUser } from './authorization.ts';
export { AuthenticationFailedError } from './context.ts';
export { GatewayAuth } from './auth-service.ts';
export { createAuthenticate } from './authenticate.ts';
export { ErrorCode, normaliseError } from './errors.ts';
export { SLOW_CONSUMER_CLOSE } from './ws.ts';

export type { Gateway, GatewayOptions, QueryLimits } from './server.ts';
export type { AuthPayload, GatewayAuthOptions } from './auth-service.ts';
export type {
  AdminCommand,
  AdminService,
  Authenticate,
  AuthRequest,
  GatewayServices,
  GraphContext,
  Principal,
  Role,
  Scope,
  UserDirectory,
} from './context.ts';
