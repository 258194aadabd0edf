import { boundedFetch } from './bounded-fetch';

describe('boundedFetch', () => {
  it('answers a status the SDK would retry on as a JSON 502, so the SDK does not re-send', async () => {
    const base = jest.fn().mockResolvedValue(new Response('<html>', { status: 503 }));
    const response = await boundedFetch(1000, base)('http://x/v1/auth/password/signin', {
      method: 'POST',
    });
    expect(response.status).toBe(502);
    expect(await response.json()).toMatchObject({ errorCode: 'HTTP503' });
    expect(base).toHaveBeenCalledTimes(1);
  });

  it('passes other answers through and gives each request an abort signal', async () => {
    const base = jest.fn().mockResolvedValue(new Response('{"a":1}', { status: 400 }));
    const response = await boundedFetch(1000, base)('http://x', {});
    expect(response.status).toBe(400);
    expect((base.mock.calls[0] as [string, RequestInit])[1].signal).toBeInstanceOf(AbortSignal);
  });
});

describe('boundedFetch timer', () => {
  it('aborts a request that outlives the timeout with a TimeoutError', async () => {
    const base = jest.fn(
      (_input: unknown, init?: RequestInit) =>
        new Promise<Response>((_resolve, reject) =>
          init?.signal?.addEventListener('abort', () => reject(init.signal?.reason as Error)),
        ),
    );
    await expect(boundedFetch(20, base as typeof fetch)('http://x', {})).rejects.toMatchObject({
      name: 'TimeoutError',
    });
  });

  it('stops its timer once the answer is in: no abort fires later', async () => {
    const base = jest.fn().mockResolvedValue(new Response('{}', { status: 200 }));
    await boundedFetch(20, base)('http://x', {});
    const signal = (base.mock.calls[0] as [string, RequestInit])[1].signal;
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(signal?.aborted).toBe(false);
  });
});
