import { ValidationError, ValidationPipe } from '@nestjs/common';
import { AppValidationPipe } from './fast-path';
import { FieldError, ProblemError } from './problem.error';

/** Field errors listed at most; a body with thousands of unknown keys gets a bounded answer. */
const MAX_FIELD_ERRORS = 20;

/* Control characters are exactly what this pattern is for. */
/* eslint-disable no-control-regex */
/** Characters that can hide or reorder text: C0/C1 controls, separators, zero-width, bidi. */
const UNSAFE =
  /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
/* eslint-enable no-control-regex */

/**
 * A field name as a caller may see it again: control, line-separator and bidi characters
 * escaped, cut to 64 characters. Names come from the caller's own keys and are never echoed raw.
 */
export function safeFieldName(name: string): string {
  const escaped = name.replace(
    UNSAFE,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return escaped.length > 64 ? `${escaped.slice(0, 63)}…` : escaped;
}

/** A property name the answer may repeat: a short plain identifier, like every DTO's own. */
const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,39}$/;

/** What stands for an unknown property whose name is not repeated (attacker-chosen text). */
export const UNNAMED_PROPERTY = '(unnamed)';

/**
 * Every failed constraint of every (nested) field, named by its dotted path. An unknown property
 * is named only when its name is a short plain identifier; any other is reported without its
 * name, so no caller-chosen text (markup, controls, kilobytes) comes back in the answer or the log.
 */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    if (error.constraints?.whitelistValidation && !PLAIN_NAME.test(error.property)) {
      return [{ field: UNNAMED_PROPERTY, message: 'an unknown property is not allowed' }];
    }
    const raw = parent ? `${parent}.${error.property}` : error.property;
    const field = safeFieldName(raw);
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field,
      message: message.split(error.property).join(safeFieldName(error.property)),
    }));
    return [...own, ...flattenValidationErrors(error.children ?? [], raw)];
  });
}

const unknownCount = (count: number) =>
  `${count} unknown ${count === 1 ? 'property' : 'properties'} (names not repeated) not allowed`;

/**
 * The app's pipe: strips nothing silently (unknown fields are refused), converts types, and
 * answers one `invalid_request` problem listing each bad field. Values are never echoed, and
 * field names only in their safe form.
 */
export function createValidationPipe(): ValidationPipe {
  return new AppValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const all = flattenValidationErrors(errors);
      const unnamed = all.filter(({ field }) => field === UNNAMED_PROPERTY).length;
      const named = all.filter(({ field }) => field !== UNNAMED_PROPERTY);
      const fieldErrors = [
        ...named,
        ...(unnamed ? [{ field: UNNAMED_PROPERTY, message: unknownCount(unnamed) }] : []),
      ].slice(0, MAX_FIELD_ERRORS);
      const fields = [...new Set(fieldErrors.map((error) => error.field))].join(', ');
      return new ProblemError('invalid_request', `Invalid or missing fields: ${fields}`, {
        errors: fieldErrors,
      });
    },
  });
}
