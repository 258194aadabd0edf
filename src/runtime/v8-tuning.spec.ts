import * as v8 from 'node:v8';
import { HEAP_GROWING_PERCENT, LARGE_HEAP_LIMIT, tuneV8 } from './v8-tuning';

jest.mock('node:v8', () => ({
  ...jest.requireActual<typeof v8>('node:v8'),
  setFlagsFromString: jest.fn(),
}));

const flagsSet = () => jest.mocked(v8.setFlagsFromString).mock.calls.map(([flag]) => flag);

describe('tuneV8', () => {
  beforeEach(() => jest.mocked(v8.setFlagsFromString).mockClear());

  it('fixes the heap growing factor where V8 would let it reach four', () => {
    tuneV8(LARGE_HEAP_LIMIT);
    expect(flagsSet()).toEqual([
      '--no-allocation-site-pretenuring',
      `--heap-growing-percent=${HEAP_GROWING_PERCENT}`,
    ]);
  });

  it("keeps V8's own, lower factor under a small heap limit (a container's)", () => {
    tuneV8(512 * 1024 ** 2);
    expect(flagsSet()).toEqual(['--no-allocation-site-pretenuring']);
  });
});
