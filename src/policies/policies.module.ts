import { Module } from '@nestjs/common';
import { AccountMergePolicy } from './account-merge.policy';
import { CallerOptionsPolicy } from './caller-options.policy';
import { OwnershipPolicy } from './ownership.policy';
import { StepUpPolicy } from './step-up.policy';

const providers = [OwnershipPolicy, CallerOptionsPolicy, AccountMergePolicy, StepUpPolicy];

/** Rules on what a caller may ask for: only its own login ids, only the options allowed. */
@Module({ providers, exports: providers })
export class PoliciesModule {}
