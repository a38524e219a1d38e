// W3's floor: the least a Node HTTP server can do for W3's requests — read the body, parse its
// JSON, answer with a small JSON body — on the same loopback, under the same load generator.
// Nothing is validated, stored or projected. Run: node bench/workloads/bare-http-child.mjs <port>
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';

const port = Number(process.argv[2]);
const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    let status = req.method === 'POST' ? 201 : 200;
    let body;
    try {
      if (chunks.length > 0) JSON.parse(Buffer.concat(chunks).toString('utf8'));
      body = JSON.stringify({ id: randomUUID() });
    } catch {
      status = 400;
      body = '{"title":"The body is not JSON"}';
    }
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
});
server.listen(port, '127.0.0.1', () => process.stdout.write('ready\n'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
