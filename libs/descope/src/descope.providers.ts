import { Provider } from '@nestjs/common';
import { DescopeModuleOptions } from './descope-module-options';
import { DescopeClient } from './descope.client';
import { DESCOPE_MODULE_OPTIONS } from './descope.module-definition';
import { SdkDescopeClient } from './sdk-descope.client';

/** Builds the one SDK client of the app from the module's options. */
export const descopeClientProvider: Provider = {
  provide: DescopeClient,
  useFactory: (options: DescopeModuleOptions) => new SdkDescopeClient(options),
  inject: [DESCOPE_MODULE_OPTIONS],
};
