import { UpcasterRegistry } from './upcaster-registry.js';

describe('the upcaster registry', () => {
  it('applies a chain of upcasters until the newest type', () => {
    const registry = new UpcasterRegistry()
      .register('Thing.v2', 'Thing.v3', (d: { b: number }) => ({ c: d.b * 10 }))
      .register('Thing.v1', 'Thing.v2', (d: { a: number }) => ({ b: d.a + 1 }));
    expect(registry.upcast({ type: 'Thing.v1', data: { a: 1 } })).toEqual({ type: 'Thing.v3', data: { c: 20 } });
    expect(registry.upcast({ type: 'Thing.v3', data: { c: 5 } })).toEqual({ type: 'Thing.v3', data: { c: 5 } });
  });

  it('refuses a second way forward from one type', () => {
    const registry = new UpcasterRegistry().register('Thing.v1', 'Thing.v2', (d) => d);
    expect(() => registry.register('Thing.v1', 'Thing.v3', (d) => d)).toThrow(/already registered/);
  });

  it('refuses a chain that would loop', () => {
    const registry = new UpcasterRegistry().register('Thing.v1', 'Thing.v2', (d) => d);
    expect(() => registry.register('Thing.v2', 'Thing.v1', (d) => d)).toThrow(/loop/);
    expect(registry.upcast({ type: 'Thing.v2', data: {} }).type).toBe('Thing.v2');
  });
});
