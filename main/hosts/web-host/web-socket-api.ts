import { z } from 'zod';
import type { WebSocket } from 'ws';
import type { Services } from '../services.ts';
import type { ServerMessage } from '../../../preload/web-socket-protocol.ts';

const callMessage = z.object({
  type: z.literal('call'),
  id: z.number().int().nonnegative(),
  call: z.string(),
  args: z.unknown(),
});

/** Serves the typed API to one browser tab: calls in, results and pushed events out. */
export function serveApiOverWebSocket(socket: WebSocket, services: Services): void {
  const send = (message: ServerMessage) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
  };
  const unsubscribe = services.bus.subscribe((event, payload) => {
    send({ type: 'event', event, payload } as ServerMessage);
  });
  socket.on('close', unsubscribe);
  socket.on('message', async (data) => {
    let parsed: z.infer<typeof callMessage>;
    try {
      parsed = callMessage.parse(JSON.parse(String(data)));
    } catch {
      socket.close(1008, 'Malformed message');
      return;
    }
    const result = await services.dispatch(parsed.call, parsed.args);
    send({ type: 'result', id: parsed.id, result });
  });
}
