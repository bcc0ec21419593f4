import { Injectable } from '@nestjs/common';
import { Histogram } from 'prom-client';
import { MetricsService } from '@lectern/metrics/metrics.service';


/** The API's own series, on the process's shared registry. */
@Injectable()
export class HttpMetrics {
  private readonly httpDuration: Histogram<'method' | 'route' | 'status_code'>;
  /** One bound observer per method, route pattern and status: the label set is validated once, not on every request. */
  private readonly observers = new Map<string, { observe(seconds: number): void }>();

  constructor(readonly metrics: MetricsService) {
    this.httpDuration = new Histogram({
      name: 'lectern_http_request_duration_seconds',
      help: 'HTTP request latency by method, route pattern and status code',
      labelNames: ['method', 'route', 'status_code'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [metrics.registry],
    });
  }

  /** `route` is the route pattern (or "unmatched"), never the path, so the label sets stay as few as the routes. */
  observeRequest(method: string, route: string, status: number, seconds: number): void {
    const key = `${method} ${status} ${route}`;
    let bound = this.observers.get(key);
    if (!bound) {
      bound = this.httpDuration.labels(method, route, String(status));
      this.observers.set(key, bound);
    }
    bound.observe(seconds);
  }
}
