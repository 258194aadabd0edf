export { DescopeModule } from './descope.module';
export { DescopeClient } from './descope.client';
export type { Sdk } from './descope.client';
export type { DescopeModuleOptions } from './descope-module-options';
export { DESCOPE_MODULE_OPTIONS } from './descope.module-definition';
export { SdkDescopeClient, defaultBaseUrl } from './sdk-descope.client';
export { boundedFetch } from './bounded-fetch';
export {
  DescopeError,
  DescopeApiError,
  DescopeArgumentError,
  DescopeTimeoutError,
  DescopeTokenError,
  DescopeUnavailableError,
  DescopeUnexpectedError,
} from './descope.errors';
export { DescopeErrorCodes, isDescopeCode, isDescopeRefusal } from './descope-error-codes';
