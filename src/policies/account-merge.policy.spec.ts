import { RefreshPrincipal } from '@app/auth';
import { DescopeApiError, DescopeClient } from '@app/descope';
import { ConfigService } from '@nestjs/config';
import { AccountMergePolicy } from './account-merge.policy';

/** A Descope whose management lookup tells spellings apart: only `Holder@Example.com` exists. */
function policy({ canManage = true, allowMerge = false } = {}) {
  const lookups: string[] = [];
  const load = (loginId: string) => {
    lookups.push(loginId);
    if (loginId === 'holder@example.com') return Promise.resolve({ userId: 'U-holder' });
    return Promise.reject(new DescopeApiError('E112102', 'not found', 404));
  };
  const descope = {
    canManage,
    call: (operation: (sdk: unknown) => unknown) => operation({ management: { user: { load } } }),
  } as unknown as DescopeClient;
  const config = { get: () => allowMerge } as unknown as ConfigService;
  return { merges: new AccountMergePolicy(config as never, descope), lookups };
}

const mover = { userId: 'U-mover' } as RefreshPrincipal;

describe('AccountMergePolicy', () => {
  it('finds the holder under another spelling of the address', async () => {
    const { merges, lookups } = policy();
    await expect(
      merges.checkAddress(mover, 'HOLDER@example.com', { addToLoginIDs: true }),
    ).rejects.toMatchObject({ code: 'user_exists', status: 409 });
    expect(lookups).toEqual(['HOLDER@example.com', 'holder@example.com']);
  });

  it('looks nothing up without addToLoginIDs, or for an allowed merge', async () => {
    const { merges, lookups } = policy({ allowMerge: true });
    await merges.checkAddress(mover, 'holder@example.com', {});
    await merges.checkAddress(mover, 'holder@example.com', {
      addToLoginIDs: true,
      onMergeUseExisting: true,
    });
    expect(lookups).toEqual([]);
  });

  it('reads only Descope’s user-not-found as free: any other 404 is a 502, not a pass', async () => {
    const descope = {
      canManage: true,
      call: () => Promise.reject(new DescopeApiError('E011001', 'no route', 404)),
    } as unknown as DescopeClient;
    const strict = new AccountMergePolicy({ get: () => false } as never, descope);
    await expect(
      strict.checkAddress(mover, 'someone@example.com', { addToLoginIDs: true }),
    ).rejects.toMatchObject({ code: 'upstream_unavailable', status: 502 });
  });

  it('lets the holder re-add its own address', async () => {
    const { merges } = policy();
    const holder = { userId: 'U-holder' } as RefreshPrincipal;
    await expect(
      merges.checkAddress(holder, 'holder@example.com', { addToLoginIDs: true }),
    ).resolves.toBeUndefined();
  });

  it('refuses addToLoginIDs without a management key, and merges unless allowed', () => {
    const keyless = policy({ canManage: false }).merges;
    expect(() => keyless.options({ addToLoginIDs: true })).toThrow(/management key/);
    expect(keyless.options({ addToLoginIDs: false })).toEqual({});
    const strict = policy().merges;
    expect(() => strict.options({ onMergeUseExisting: true })).toThrow(/merges are disabled/);
    const allowing = policy({ allowMerge: true, canManage: false }).merges;
    expect(allowing.options({ addToLoginIDs: true, onMergeUseExisting: true })).toEqual({
      onMergeUseExisting: true,
    });
  });
});
