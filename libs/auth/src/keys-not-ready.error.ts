import { ServiceUnavailableException } from '@nestjs/common';

/**
 * No key set has loaded yet (a cold start whose first JWKS fetch is slow or failing): a token
 * cannot be judged either way, so the answer is "retry soon", never "invalid".
 */
export class KeysNotReadyError extends ServiceUnavailableException {
  readonly retryAfterSeconds = 2;

  constructor() {
    super("Descope's signing keys are not loaded yet; retry shortly");
  }
}
