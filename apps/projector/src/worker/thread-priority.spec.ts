import { describe, expect, it } from '@jest/globals';
import { lowerThisThreadPriority } from './thread-priority.js';

// That it lowers the worker's thread alone, on Linux, is checked on the built server (test/projection-worker.e2e-spec.ts).
describe('lowerThisThreadPriority', () => {
  it('changes nothing where a nice value would belong to the whole process, or when asked for no levels', () => {
    expect(lowerThisThreadPriority(10, 'darwin')).toBeNull();
    expect(lowerThisThreadPriority(10, 'win32')).toBeNull();
    expect(lowerThisThreadPriority(0, 'linux')).toBeNull();
  });
});
