// W6b's measuring client, in a process of its own: the bench process holds the data set and the
// verification's garbage, and its collector's pauses landed in the latencies it timed (one run's
// p99 was 42 ms). One kept-alive `node:http` connection, requests one after another.
// Run: node bench/workloads/history-child.mjs <url> <authorization> <runs> <perRun> <warmups>
import http from 'node:http';

const [url, authorization, runs, perRun, warmups] = process.argv.slice(2);
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

const get = () =>
  new Promise((resolve, reject) => {
    const request = http.get(url, { headers: { authorization }, agent }, (response) => {
      response.setEncoding('utf8');
      let text = '';
      response.on('data', (chunk) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode, text }));
      response.on('error', reject);
    });
    request.on('error', reject);
  });

const results = [];
for (let run = 0; run < Number(runs); run += 1) {
  const latencies = [];
  let last;
  for (let i = 0; i < Number(perRun) + (run === 0 ? Number(warmups) : 0); i += 1) {
    const start = process.hrtime.bigint();
    last = await get();
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (last.status !== 200) throw new Error(`history answered ${last.status}: ${last.text.slice(0, 300)}`);
    if (run > 0 || i >= Number(warmups)) latencies.push(ms);
  }
  results.push({ sorted: latencies.sort((a, b) => a - b), events: JSON.parse(last.text).events.length, bytes: last.text.length });
}
agent.destroy();
process.stdout.write(JSON.stringify(results));
