// s3rver for the S3 adapter tests: node s3server.mjs <data directory> <bucket>. Listens on 127.0.0.1 at a free port
// and prints "listening <port>". The middleware fixes two s3rver gaps with AWSSDK.S3 4.x (shared/TOOLCHAIN.md §3):
// aws-chunked upload bodies are decoded before s3rver stores them, and x-amz-copy-source is re-encoded the way
// s3rver decodes it. It also remembers each request's If-None-Match header, served at GET /__peer/if-none-match,
// so tests can see what the client sent (s3rver itself ignores the header).
import S3rver from 's3rver';
import { Readable } from 'node:stream';

const [directory, bucket] = process.argv.slice(2);
const seen = [];
const server = new S3rver({
  address: '127.0.0.1', port: 0, directory, silent: true, resetOnClose: true,
  configureBuckets: [{ name: bucket, configs: [] }],
});

server.middleware.unshift(async (ctx, next) => {
  if (ctx.path === '/__peer/if-none-match') {
    ctx.body = JSON.stringify(seen);
    return;
  }
  seen.push({ method: ctx.method, path: decodeURIComponent(ctx.path), ifNoneMatch: ctx.headers['if-none-match'] ?? null });
  const copySource = ctx.headers['x-amz-copy-source'];
  if (copySource) ctx.headers['x-amz-copy-source'] = encodeURI(decodeURIComponent(copySource));
  const sha = ctx.headers['x-amz-content-sha256'] || '';
  const encoding = ctx.headers['content-encoding'] || '';
  if (sha.startsWith('STREAMING-') || encoding.includes('aws-chunked')) {
    const parts = [];
    for await (const chunk of ctx.req) parts.push(chunk);
    const raw = Buffer.concat(parts);
    const out = [];
    let pos = 0;
    while (pos < raw.length) {
      const eol = raw.indexOf('\r\n', pos);
      if (eol < 0) break;
      const size = parseInt(raw.subarray(pos, eol).toString('latin1').split(';')[0], 16);
      pos = eol + 2;
      if (!size) break;
      out.push(raw.subarray(pos, pos + size));
      pos += size + 2;
    }
    const body = Buffer.concat(out);
    const request = Readable.from([body]);
    request.headers = ctx.req.headers;
    ctx.req = request;
    ctx.headers['content-length'] = String(body.length);
    const rest = encoding.split(',').map(x => x.trim()).filter(x => x && x !== 'aws-chunked');
    if (rest.length) ctx.headers['content-encoding'] = rest.join(','); else delete ctx.headers['content-encoding'];
    delete ctx.headers['x-amz-decoded-content-length'];
    delete ctx.headers['x-amz-trailer'];
  }
  await next();
});

const { port } = await server.run();
console.log(`listening ${port}`);
process.stdin.on('end', () => server.close().then(() => process.exit(0)));
process.stdin.resume();
