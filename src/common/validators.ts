import { Matches, ValidateBy, ValidateIf, ValidationOptions } from 'class-validator';

/**
 * Characters that hide, reorder or disguise text: controls, format characters (soft hyphen,
 * zero-width, bidi marks and isolates), line and paragraph separators, private-use and
 * unassigned code points, every default-ignorable (variation selectors, fillers, tags), and
 * white space other than a plain space.
 */
const HIDDEN =
  /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Co}\p{Cn}\p{Default_Ignorable_Code_Point}\p{Bidi_Control}]|[^\S ]/u;

/** No control, zero-width or bidi character: they make look-alike identifiers. */
export const HasNoHiddenCharacters = () =>
  ValidateBy({
    name: 'hasNoHiddenCharacters',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && !HIDDEN.test(value),
      defaultMessage: (args) =>
        `${args?.property} may not contain control, invisible, bidi or special white-space characters`,
    },
  });

/**
 * E.164, as the SDK checks phone numbers (`+` and 4 to 15 digits). Mirrored by the emulator's
 * `isPhone` (libs/descope-emulator/src/mask.ts).
 */
export const E164 = /^\+[1-9][0-9]{3,14}$/;

/** A phone number in E.164. */
export const IsE164 = (field: string) =>
  Matches(E164, { message: `${field} must be an E.164 number such as +14155550100` });

/** Claim names Descope or this service set; a caller may never supply them. */
export const RESERVED_CLAIMS = [
  'sub',
  'iss',
  'aud',
  'exp',
  'iat',
  'nbf',
  'jti',
  'drn',
  'amr',
  'roles',
  'permissions',
  'tenants',
  'dct',
  'nsec',
];

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A JSON object of claims with no reserved name, at most 20 keys, small values. */
export const IsCustomClaims = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isCustomClaims',
      validator: {
        validate: (value: unknown) =>
          isPlainObject(value) &&
          Object.keys(value).length <= 20 &&
          Object.keys(value).every((key) => !RESERVED_CLAIMS.includes(key)) &&
          JSON.stringify(value).length <= 4096,
        defaultMessage: (args) =>
          `${args?.property} must be an object of at most 20 claims (4 KiB) and may not set ${RESERVED_CLAIMS.join(', ')}`,
      },
    },
    options,
  );

/** A JSON object whose values are all strings of at most 1000 characters. */
export const IsStringRecord = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isStringRecord',
      validator: {
        validate: (value: unknown) =>
          isPlainObject(value) &&
          Object.keys(value).length <= 50 &&
          Object.values(value).every((item) => typeof item === 'string' && item.length <= 1000),
        defaultMessage: (args) => `${args?.property} must be an object of string values`,
      },
    },
    options,
  );

/**
 * Like `@IsOptional()`, but only an absent field is skipped: an explicit `null` is validated and
 * refused, because the SDK would fail on it (e.g. `loginOptions: null`) instead of ignoring it.
 */
export const Optional = () => ValidateIf((_object: object, value: unknown) => value !== undefined);
