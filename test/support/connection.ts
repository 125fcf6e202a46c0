// Hono's in-process requests (`app.request`) come through no socket, so the clients API, which trusts only
// the connection's remote address, refuses them. These are the bindings @hono/node-server hands the app
// for a real connection (`c.env.incoming`), with the remote address a test chooses: a forged caller.

/** The app's bindings for a request whose connection comes from `remoteAddress`. */
export function connectionFrom(remoteAddress: string) {
  return { incoming: { socket: { remoteAddress } } };
}

/** A caller on the server's own machine. */
export const onThisMachine = connectionFrom("127.0.0.1");
