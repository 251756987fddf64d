// Loopback ports: one that is free right now, and whether something listens on one.
import { connect, createServer, type AddressInfo } from 'node:net';

/** A port nobody listens on right now on 127.0.0.1 (asked of the OS with port 0, then released), for a
 *  program that takes a port number and so cannot be given port 0 itself. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((done, fail) => {
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', done);
  });
  const { port } = probe.address() as AddressInfo;
  await new Promise((done) => probe.close(done));
  return port;
}

/** Whether a TCP connection to 127.0.0.1:`port` is accepted right now. */
export function canConnect(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}
