import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { EnvironmentVariables } from '../config/env.validation';
import { ProblemError } from '../problems/problem.error';

/**
 * Options a caller may send that end up somewhere trusted: `customClaims` land in the session
 * token, `redirectUrl` receives a reset token. Each is refused unless configured (merges:
 * AccountMergePolicy).
 */
@Injectable()
export class CallerOptionsPolicy {
  private readonly allowCustomClaims: boolean;
  private readonly redirectOrigins: Set<string>;

  constructor(config: ConfigService<EnvironmentVariables, true>) {
    this.allowCustomClaims = config.get('ALLOW_CUSTOM_CLAIMS', { infer: true });
    this.redirectOrigins = new Set(
      config.get('ALLOWED_REDIRECT_ORIGINS', { infer: true }).map((url) => new URL(url).origin),
    );
  }

  /** Refuses `customClaims` unless ALLOW_CUSTOM_CLAIMS=true (reserved names are refused by the DTO). */
  checkCustomClaims(customClaims: object | undefined, field: string): void {
    if (customClaims === undefined || this.allowCustomClaims) return;
    throw new ProblemError('invalid_request', `${field} is disabled on this service`, {
      errors: [{ field, message: 'customClaims are refused unless ALLOW_CUSTOM_CLAIMS=true' }],
    });
  }

  /** Refuses a redirect URL whose origin is not in ALLOWED_REDIRECT_ORIGINS. */
  checkRedirectUrl(redirectUrl: string | undefined): void {
    if (redirectUrl === undefined) return;
    let origin: string | undefined;
    try {
      origin = new URL(redirectUrl).origin;
    } catch {
      origin = undefined;
    }
    if (origin && this.redirectOrigins.has(origin)) return;
    throw new ProblemError('invalid_request', 'redirectUrl is not on an allowed origin', {
      errors: [
        { field: 'redirectUrl', message: 'origin must be listed in ALLOWED_REDIRECT_ORIGINS' },
      ],
    });
  }
}
