import { safeFieldName } from './validation.pipe';

describe('safeFieldName', () => {
  it('keeps ordinary names as they are', () => {
    expect(safeFieldName('loginOptions.customClaims')).toBe('loginOptions.customClaims');
  });

  it('escapes control, line-separator and bidi characters', () => {
    expect(safeFieldName('a\nb\u0000c\u202ed')).toBe('a\\u000ab\\u0000c\\u202ed');
  });

  it('cuts long names to 64 characters', () => {
    const name = safeFieldName('x'.repeat(500));
    expect(name).toHaveLength(64);
    expect(name.endsWith('…')).toBe(true);
  });
});
