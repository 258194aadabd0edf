import { ConfigurableModuleBuilder } from '@nestjs/common';
import { DescopeModuleOptions } from './descope-module-options';

export const {
  ConfigurableModuleClass,
  MODULE_OPTIONS_TOKEN: DESCOPE_MODULE_OPTIONS,
  OPTIONS_TYPE,
  ASYNC_OPTIONS_TYPE,
} = new ConfigurableModuleBuilder<DescopeModuleOptions>()
  .setClassMethodName('forRoot')
  .setExtras({ isGlobal: true }, (definition, extras) => ({
    ...definition,
    global: extras.isGlobal,
  }))
  .build();
