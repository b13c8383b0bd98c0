// A small static server for a baked ClinicBake site, for the browser checks only.
//
//   node serve.mjs DIR [--port N] [--port-file FILE]
//
// Serves DIR on 127.0.0.1 (port 0 = any free port), answers unknown paths with DIR/404.html and
// status 404, as the production host does (netlify.toml), and sends the site's security headers so
// that Lighthouse's best-practices audits see what production sends. Prints "listening PORT" and,
// with --port-file, writes the port to FILE once it is listening.
import { createServer } from 'node:http';
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
if (!args[0] || args[0].startsWith('--')) {
  console.error('usage: node serve.mjs DIR [--port N] [--port-file FILE]');
  process.exit(2);
}
const root = path.resolve(args[0]);
const port = Number(opt('--port', '0'));
const portFile = opt('--port-file', null);

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.pdf': 'application/pdf',
  '.webmanifest': 'application/manifest+json',
};

// The headers the site is meant to be served with (netlify.toml's [[headers]]), so that Lighthouse's
// best practices and the console checks see what production sends. The CSP is the one the checks
// are specified against, with netlify.toml's form-action; HSTS is left out: it means nothing over
// plain-HTTP localhost.
const SECURITY_HEADERS = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; " +
    "base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
};

async function fileFor(urlPath) {
  let rel;
  try {
    rel = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (rel.includes('\0')) return null;
  let file = path.join(root, path.normalize(rel));
  if (file !== root && !file.startsWith(root + path.sep)) return null; // no escaping the root
  try {
    const s = await stat(file);
    if (s.isDirectory()) {
      file = path.join(file, 'index.html');
      await stat(file);
    }
    return file;
  } catch {
    return null;
  }
}

const server = createServer(async (req, res) => {
  const headers = { ...SECURITY_HEADERS, 'Cache-Control': 'no-cache' };
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { ...headers, Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('method not allowed\n');
    return;
  }
  const urlPath = (req.url ?? '/').split(/[?#]/)[0] || '/';
  // A folder asked for without its slash is redirected, as static hosts do.
  let file = await fileFor(urlPath);
  if (file && !urlPath.endsWith('/') && file.endsWith(path.sep + 'index.html')
      && !urlPath.endsWith('index.html')) {
    res.writeHead(301, { ...headers, Location: urlPath + '/' });
    res.end();
    return;
  }
  let status = 200;
  if (!file) {
    status = 404;
    file = path.join(root, '404.html');
  }
  let body;
  try {
    body = await readFile(file);
  } catch {
    res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('not found\n');
    return;
  }
  const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  res.writeHead(status, { ...headers, 'Content-Type': type, 'Content-Length': body.length });
  res.end(req.method === 'HEAD' ? undefined : body);
});

server.listen(port, '127.0.0.1', async () => {
  const chosen = server.address().port;
  if (portFile) await writeFile(portFile, String(chosen));
  console.log(`listening ${chosen}`);
});

for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.close(() => process.exit(0)));
