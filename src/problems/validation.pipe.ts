import { ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError, ProblemError } from './problem.error';

/** Every failed constraint of every (nested) field, named by its dotted path. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/**
 * The app's pipe: strips nothing silently (unknown fields are refused), converts types, and
 * answers one `invalid_request` problem listing each bad field. Values are never echoed.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const fieldErrors = flattenValidationErrors(errors);
      const fields = [...new Set(fieldErrors.map((error) => error.field))].join(', ');
      return new ProblemError('invalid_request', `Invalid or missing fields: ${fields}`, {
        errors: fieldErrors,
      });
    },
  });
}
