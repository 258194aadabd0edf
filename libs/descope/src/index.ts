export { DescopeModule } from './descope.module';
export { DescopeClient, WITH_REFRESH_TOKEN } from './descope.client';
export type { CallContext, Sdk } from './descope.client';
export {
  DescopeError,
  DescopeApiError,
  DescopeArgumentError,
  DescopeTimeoutError,
  DescopeUnavailableError,
  DescopeUnexpectedError,
} from './descope.errors';
export { DescopeErrorCodes, isDescopeCode, isDescopeRefusal } from './descope-error-codes';
export type { UpstreamCall, UpstreamOutcome } from './observed-fetch';
export type { DescopeModuleOptions } from './descope-module-options';
