import { ArgumentMetadata, Type, ValidationPipe } from '@nestjs/common';

type Check = (body: Record<string, unknown>) => boolean;
const CHECKS = new WeakMap<object, Check>();

/**
 * Lets a body DTO on a hot route skip class-transformer and class-validator when `check` says
 * the body is plainly valid. `check` must accept nothing the DTO's own rules refuse (a property
 * test holds it to that); anything else, an unusual key included, takes the full pipe, so
 * errors read the same either way.
 */
export const FastPath =
  (check: Check): ClassDecorator =>
  (target) => {
    CHECKS.set(target, check);
  };

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

/** The app's ValidationPipe, with the fast path of `@FastPath` DTOs. */
export class AppValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const type = metadata.metatype;
    const check = metadata.type === 'body' && type ? CHECKS.get(type) : undefined;
    if (check && isPlainObject(value) && check(value)) {
      return Object.assign(new (type as Type)(), value);
    }
    return super.transform(value, metadata);
  }
}
