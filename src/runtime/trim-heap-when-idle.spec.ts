import { EventEmitter } from 'node:events';
import type { Server } from 'node:http';
import { trimHeapWhenIdle } from './trim-heap-when-idle';

describe('trimHeapWhenIdle', () => {
  it('watches the server for requests when on, and not at all when HEAP_TRIM_IDLE_MS is 0', () => {
    const server = new EventEmitter();
    trimHeapWhenIdle(server as Server, 0)();
    expect(server.listenerCount('request')).toBe(0);
    const stop = trimHeapWhenIdle(server as Server, 1000);
    const response = new EventEmitter();
    server.emit('request', {}, response);
    expect([server.listenerCount('request'), response.listenerCount('close')]).toEqual([1, 1]);
    response.emit('close');
    stop();
    expect(server.listenerCount('request')).toBe(0);
  });
});
