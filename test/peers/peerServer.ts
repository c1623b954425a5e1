// One `smtp-sim serve` child process for the peer tests, with a scenario host that has local
// mailboxes, a small size limit and an AUTH user, and a maildir in a temp folder.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServe, type ServeProcess } from '../helpers/serveProcess';

export const SIZE_LIMIT = 4096;

const SCENARIO = {
  title: 'A server for real SMTP clients',
  hosts: [
    {
      name: 'mx.example.com',
      ip: '192.0.2.25',
      role: 'mta',
      domains: ['example.com'],
      mailboxes: ['alice@example.com', 'bob@example.com'],
      size: SIZE_LIMIT,
      users: { alice: 'wonderland' },
    },
  ],
  dns: [],
  events: [],
};

export interface PeerServer {
  server: ServeProcess;
  maildir: string;
  dir: string;
  stop(): Promise<void>;
}

export async function startPeerServer(): Promise<PeerServer> {
  const dir = mkdtempSync(join(tmpdir(), 'smtp-sim-peers-'));
  const scenario = join(dir, 'scenario.json');
  const maildir = join(dir, 'mail');
  writeFileSync(scenario, JSON.stringify(SCENARIO));
  try {
    const server = await startServe(['--scenario', scenario, '--maildir', maildir]);
    return {
      server,
      maildir,
      dir,
      stop: async () => {
        await server.stop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
