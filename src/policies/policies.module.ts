import { Module } from '@nestjs/common';
import { CallerOptionsPolicy } from './caller-options.policy';
import { OwnershipPolicy } from './ownership.policy';

const providers = [OwnershipPolicy, CallerOptionsPolicy];

/** Rules on what a caller may ask for: only its own login ids, only the options allowed. */
@Module({ providers, exports: providers })
export class PoliciesModule {}
