import { Module } from '@nestjs/common';
import { ConfigurableModuleClass } from './descope.module-definition';
import { DescopeClient } from './descope.client';
import { descopeClientProvider } from './descope.providers';

/**
 * The Descope SDK as a global module.
 *
 * @example
 * DescopeModule.forRootAsync({
 *   inject: [ConfigService],
 *   useFactory: (config: ConfigService) => ({ projectId: ..., timeoutMs: 5000 }),
 * })
 */
@Module({
  providers: [descopeClientProvider],
  exports: [DescopeClient],
})
export class DescopeModule extends ConfigurableModuleClass {}
