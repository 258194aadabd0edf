import { EmulatorErrors } from './errors';

type Body = Record<string, unknown>;

/** A required, non-empty string field, or E011003 naming it. */
export function requiredString(body: Body, field: string): string {
  const value = body[field];
  if (typeof value !== 'string' || value.trim() === '') {
    throw EmulatorErrors.invalidRequest(`"${field}" is required and must be a non-empty string`);
  }
  return value;
}

export function optionalString(body: Body, field: string): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw EmulatorErrors.invalidRequest(`"${field}" must be a string`);
  return value;
}

export function optionalBoolean(body: Body, field: string): boolean | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean')
    throw EmulatorErrors.invalidRequest(`"${field}" must be a boolean`);
  return value;
}

export function optionalObject(body: Body, field: string): Body | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw EmulatorErrors.invalidRequest(`"${field}" must be an object`);
  }
  return value as Body;
}

export function optionalStringArray(body: Body, field: string): string[] | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
    throw EmulatorErrors.invalidRequest(`"${field}" must be an array of strings`);
  }
  return value as string[];
}
