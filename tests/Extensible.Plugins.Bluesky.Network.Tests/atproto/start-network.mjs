// Starts the AT Protocol reference network of @atproto/dev-env (a PLC directory, a PDS and a Bluesky AppView, with the
// moderation service TestNetwork brings along) on loopback ports, for the tests of the Bluesky connector.
//
//   node start-network.mjs --modules <folder holding node_modules> --db <postgres URL> --schema <name>
//
// When the network is ready it prints one JSON line on stdout:
//   {"ready":true,"pds":"http://localhost:…","appview":"http://localhost:…","appviewDid":"did:plc:…","plc":"http://localhost:…","startupMs":…}
// and everything else goes to stderr. It stops the network and exits when its stdin closes (the test process died or
// let go) or on SIGTERM/SIGINT, so a killed test run leaves nothing running.
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const started = Date.now();
const { values: args } = parseArgs({
  options: { modules: { type: 'string' }, db: { type: 'string' }, schema: { type: 'string', default: 'net' } },
});
if (!args.modules || !args.db) {
  console.error('usage: node start-network.mjs --modules <folder holding node_modules> --db <postgres URL> [--schema <name>]');
  process.exit(2);
}

// Everything the services print is for people; stdout carries only the one JSON line.
const writeOut = process.stdout.write.bind(process.stdout);
process.stdout.write = process.stderr.write.bind(process.stderr);
console.log = console.error;

// dev-env's servers listen on every interface when given a bare port: keep them on loopback.
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...listenArgs) {
  const [first] = listenArgs;
  if (first === undefined || typeof first === 'function') {
    listenArgs.unshift(0, '127.0.0.1');
  } else if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    if (typeof listenArgs[1] !== 'string') listenArgs.splice(1, 0, '127.0.0.1');
  } else if (typeof first === 'object' && first !== null && first.path === undefined && first.host === undefined && first.fd === undefined) {
    listenArgs[0] = { ...first, host: '127.0.0.1' };
  }
  return listen.apply(this, listenArgs);
};

// TestNetwork asserts a Redis host, yet neither the AppView nor the PDS opens a Redis connection (their caches and rate
// limits fall back to memory): a name that is never dialled satisfies it.
process.env.REDIS_HOST ??= 'unused.invalid:6379';

const require = createRequire(path.join(path.resolve(args.modules), 'package.json'));
const { TestNetwork } = await import(pathToFileURL(require.resolve('@atproto/dev-env')).href);

let network;
let stopping = false;
const stop = async (why) => {
  if (stopping) return;
  stopping = true;
  console.error(`start-network: stopping (${why})`);
  const forced = setTimeout(() => process.exit(0), 10_000);
  forced.unref();
  try {
    await network?.close();
  } catch (error) {
    console.error('start-network: stopping failed:', error);
  }
  process.exit(0);
};

process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));
process.stdin.on('end', () => void stop('stdin closed'));
process.stdin.on('close', () => void stop('stdin closed'));
process.stdin.resume();

try {
  network = await TestNetwork.create({ dbPostgresUrl: args.db, dbPostgresSchema: args.schema });
} catch (error) {
  console.error('start-network: the network did not start:', error);
  process.exit(1);
}

if (!stopping) {
  writeOut(JSON.stringify({
    ready: true,
    pds: network.pds.url,
    appview: network.bsky.url,
    appviewDid: network.bsky.ctx.cfg.serverDid,
    plc: network.plc.url,
    handleDomain: '.test',
    startupMs: Date.now() - started,
  }) + '\n');
}
