import { Counter, Histogram } from './metrics.registry.js';

describe('the metrics registry', () => {
  it('counts labels given in any order as one series', () => {
    const requests = new Counter('http_requests_total', 'Requests');
    requests.inc({ method: 'POST', route: '/v1/cases', status: '201' });
    requests.inc({ status: '201', route: '/v1/cases', method: 'POST' });
    requests.inc({ method: 'GET', route: '/v1/cases', status: '200' });
    expect(requests.expose().slice(2)).toEqual([
      'http_requests_total{method="POST",route="/v1/cases",status="201"} 2',
      'http_requests_total{method="GET",route="/v1/cases",status="200"} 1',
    ]);
    const seconds = new Histogram('http_seconds', 'Seconds', [0.01]);
    seconds.observe({ method: 'POST', route: '/v1/cases' }, 0.005);
    seconds.observe({ route: '/v1/cases', method: 'POST' }, 0.02);
    expect(seconds.expose().slice(2)).toEqual([
      'http_seconds_bucket{method="POST",route="/v1/cases",le="0.01"} 1',
      'http_seconds_bucket{method="POST",route="/v1/cases",le="+Inf"} 2',
      'http_seconds_sum{method="POST",route="/v1/cases"} 0.025',
      'http_seconds_count{method="POST",route="/v1/cases"} 2',
    ]);
  });
});

describe('series keys', () => {
  it('keeps label sets apart that would read the same run together', () => {
    const counter = new Counter('c', 'C');
    counter.inc({ a: 'b:c' });
    counter.inc({ 'a:b': 'c' });
    counter.inc({ a: 'b', c: 'd' });
    counter.inc({ a: 'bc', '': 'd' });
    expect(counter.expose().slice(2)).toHaveLength(4);
  });
});
