// Opening a TCP connection for a checkpoint client: a 2 s connect timeout, and retries while the port refuses.
import { connect, type Socket } from 'node:net';

/** Connects to `host`:`port`, retrying a refused connection every 50 ms until `deadline` (Date.now() ms); rejects with the last error. */
export async function openSocket(host: string, port: number, deadline: number): Promise<Socket> {
  for (;;) {
    try {
      return await openOnce(host, port);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'timeout';
      if (code !== 'ECONNREFUSED' || Date.now() >= deadline) throw error;
      await new Promise((done) => setTimeout(done, 50));
    }
  }
}

// One attempt; a connection not made within 2 s rejects with code 'timeout'.
function openOnce(host: string, port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(Object.assign(new Error('connect timed out'), { code: 'timeout' }));
    }, 2000);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.removeAllListeners('error');
      resolve(socket);
    });
    socket.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}
