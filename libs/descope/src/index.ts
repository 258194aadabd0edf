export { DescopeModule } from './descope.module';
export { DescopeClient } from './descope.client';
export type { Sdk } from './descope.client';
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
