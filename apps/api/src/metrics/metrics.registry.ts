/**
 * A small Prometheus registry (text exposition format 0.0.4): counters, gauges read at scrape
 * time, and histograms. Enough for casetrail's handful of series without another dependency.
 */
type Labels = Readonly<Record<string, string>>;

/**
 * A series' identity whatever the order its labels were given in: names in code-unit order, each
 * name and value prefixed by its length (so no two label sets share a key). Every request counts
 * into four series: built with `Object.entries`, a sort and `JSON.stringify`, the keys were ~4.5 %
 * of the API thread's allocations under W3's load. Call sites give names in order, so most are not
 * sorted at all.
 */
const key = (labels: Labels): string => {
  const names = Object.keys(labels);
  for (let i = 1; i < names.length; i += 1) {
    if (names[i - 1]! > names[i]!) {
      names.sort();
      break;
    }
  }
  let k = '';
  for (const name of names) {
    const value = labels[name]!;
    k += `${name.length}:${name}${value.length}:${value}`;
  }
  return k;
};
const render = (labels: Labels): string => {
  const entries = Object.entries(labels);
  return entries.length === 0 ? '' : `{${entries.map(([k, v]) => `${k}="${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`).join(',')}}`;
};

export class Counter {
  private readonly values = new Map<string, { labels: Labels; value: number }>();

  constructor(readonly name: string, readonly help: string) {}

  inc(labels: Labels = {}, by = 1): void {
    const k = key(labels);
    const entry = this.values.get(k) ?? { labels, value: 0 };
    entry.value += by;
    this.values.set(k, entry);
  }

  expose(): string[] {
    return [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} counter`, ...[...this.values.values()].map((e) => `${this.name}${render(e.labels)} ${e.value}`)];
  }
}

export class Histogram {
  private readonly series = new Map<string, { labels: Labels; counts: number[]; sum: number; count: number }>();

  constructor(
    readonly name: string,
    readonly help: string,
    readonly buckets: readonly number[] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  ) {}

  observe(labels: Labels, seconds: number): void {
    const k = key(labels);
    const s = this.series.get(k) ?? { labels, counts: this.buckets.map(() => 0), sum: 0, count: 0 };
    this.buckets.forEach((le, i) => {
      if (seconds <= le) s.counts[i]! += 1;
    });
    s.sum += seconds;
    s.count += 1;
    this.series.set(k, s);
  }

  expose(): string[] {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`];
    for (const s of this.series.values()) {
      this.buckets.forEach((le, i) => lines.push(`${this.name}_bucket${render({ ...s.labels, le: String(le) })} ${s.counts[i]}`));
      lines.push(`${this.name}_bucket${render({ ...s.labels, le: '+Inf' })} ${s.count}`);
      lines.push(`${this.name}_sum${render(s.labels)} ${s.sum}`, `${this.name}_count${render(s.labels)} ${s.count}`);
    }
    return lines;
  }
}

export interface GaugeSample {
  readonly labels: Labels;
  readonly value: number;
}

export class Gauge {
  constructor(
    readonly name: string,
    readonly help: string,
    private readonly read: () => Promise<readonly GaugeSample[]> | readonly GaugeSample[],
  ) {}

  async expose(): Promise<string[]> {
    const samples = await this.read();
    return [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} gauge`, ...samples.map((s) => `${this.name}${render(s.labels)} ${s.value}`)];
  }
}

export class MetricsRegistry {
  private readonly metrics: Array<Counter | Histogram | Gauge> = [];

  register<M extends Counter | Histogram | Gauge>(metric: M): M {
    this.metrics.push(metric);
    return metric;
  }

  async expose(): Promise<string> {
    const lines: string[] = [];
    for (const m of this.metrics) lines.push(...(await m.expose()));
    return `${lines.join('\n')}\n`;
  }
}
