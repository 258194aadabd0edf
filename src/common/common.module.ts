import { Global, Module } from '@nestjs/common';
import { CallerOptionsPolicy } from './caller-options.policy';
import { OwnershipService } from './ownership.service';
import { AuthResponseFactory } from './tokens/auth-response.factory';
import { TokenCookies } from './tokens/token-cookies';
import {
  ClearTokensInterceptor,
  IssueTokensInterceptor,
} from './tokens/token-delivery.interceptors';

const shared = [
  AuthResponseFactory,
  TokenCookies,
  IssueTokensInterceptor,
  ClearTokensInterceptor,
  OwnershipService,
  CallerOptionsPolicy,
];

/** What every feature module uses: token delivery, ownership, caller-option checks. */
@Global()
@Module({ providers: shared, exports: shared })
export class CommonModule {}
