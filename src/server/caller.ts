// Who is calling, judged by the connection and never by what the request says about itself: the clients'
// personal data is served only to a caller on this machine, and the server's own socket is the only
// witness of that which a request cannot forge. Headers are still read, but only to refuse (a Host that is
// not this machine's name, a forwarding header from a proxy nobody configured), never to grant.
import { isIP } from "node:net";

/** The loopback addresses: 127.0.0.0/8 and ::1, also written as IPv4-mapped IPv6 (::ffff:127.0.0.1). */
export function isLoopbackAddress(address: string): boolean {
  const plain = withoutIpv4Mapping(address.trim().toLowerCase());
  if (isIP(plain) === 4) return plain.startsWith("127.");
  if (isIP(plain) === 6) return plain === "::1" || plain === "0:0:0:0:0:0:0:1";
  return false;
}

/** localhost (and its subdomains), 127.0.0.0/8 and [::1]: host names that only ever reach this machine. */
export function isLoopbackName(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, "");
  if (name === "localhost" || name.endsWith(".localhost")) return true;
  const bare = name.startsWith("[") && name.endsWith("]") ? name.slice(1, -1) : name;
  return isIP(bare) !== 0 && isLoopbackAddress(bare);
}

/** "::ffff:10.0.0.1" is the IPv4 address 10.0.0.1 as a dual-stack socket reports it. */
function withoutIpv4Mapping(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(address);
  return mapped ? mapped[1]! : address;
}

/** One address as the server compares it: lower case, without IPv4 mapping or an IPv6 zone. */
export function normalizeAddress(address: string): string {
  return withoutIpv4Mapping(address.trim().toLowerCase().replace(/%.*$/, ""));
}

/**
 * The calling machine's address. The socket's remote address, unless that is a proxy the operator
 * configured (EE_TRUSTED_PROXIES): then the nearest address in X-Forwarded-For that is not itself a trusted
 * proxy (entries further left were written by the caller and prove nothing), or the furthest one when all
 * are trusted (a caller on the proxy's own machine). Undefined when the request did not come through a
 * socket.
 */
export function callerAddress(
  socketAddress: string | undefined,
  forwardedFor: string | undefined,
  trustedProxies: ReadonlySet<string>,
): string | undefined {
  if (socketAddress === undefined) return undefined;
  const socket = normalizeAddress(socketAddress);
  if (!trustedProxies.has(socket)) return socket;
  const hops = (forwardedFor ?? "")
    .split(",")
    .map((hop) => normalizeAddress(hop))
    .filter((hop) => hop !== "");
  if (hops.length === 0) return socket; // the proxy's own request, or a direct one from its machine
  for (let i = hops.length - 1; i >= 0; i--) if (!trustedProxies.has(hops[i]!)) return hops[i];
  return hops[0];
}

/** What the clients guard needs to know about one request. */
export interface ClientsRequest {
  /** The connection's remote address (undefined: no socket, e.g. an in-process request). */
  socketAddress: string | undefined;
  /** The Host header, and the host of the request target (they differ for an absolute-form target). */
  hosts: readonly string[];
  /** X-Forwarded-For, Forwarded and X-Real-IP as sent. */
  forwardedFor: string | undefined;
  forwarded: string | undefined;
  realIp: string | undefined;
}

export interface ClientsPolicy {
  /** The server listens on an address other machines reach (HOST): the clients are refused to everyone. */
  listensBeyondLoopback: boolean;
  /** Proxies whose X-Forwarded-For is believed (EE_TRUSTED_PROXIES), as normalized addresses. */
  trustedProxies: ReadonlySet<string>;
  /** Host names accepted besides the loopback ones (EE_CLIENTS_HOSTS), lower case. */
  clientsHosts: ReadonlySet<string>;
}

export type ClientsRefusal =
  | { reason: "listener" }
  | { reason: "address" }
  | { reason: "unconfigured-proxy" }
  | { reason: "host"; hostname: string };

/** Why the clients may not be served to this request, or undefined when they may. */
export function clientsRefusal(request: ClientsRequest, policy: ClientsPolicy): ClientsRefusal | undefined {
  // No accounts exist yet: on a network, any caller could be anyone.
  if (policy.listensBeyondLoopback) return { reason: "listener" };
  const caller = callerAddress(request.socketAddress, request.forwardedFor, policy.trustedProxies);
  if (caller === undefined || !isLoopbackAddress(caller)) return { reason: "address" };
  const socket = normalizeAddress(request.socketAddress!);
  const viaTrustedProxy = policy.trustedProxies.has(socket);
  // "127.0.0.1" from a proxy on another machine is that machine's loopback, not this one's.
  if (viaTrustedProxy && !isLoopbackAddress(socket)) return { reason: "address" };
  // A proxy on this machine that nobody declared makes every caller look local: its forwarding headers are
  // the only sign of it, and a header may refuse (never grant).
  const forwarding =
    request.forwardedFor !== undefined || request.forwarded !== undefined || request.realIp !== undefined;
  if (forwarding && !viaTrustedProxy) return { reason: "unconfigured-proxy" };
  // A page elsewhere may point its own domain name at 127.0.0.1 (DNS rebinding): the browser then connects
  // from this machine, but names that domain in Host.
  for (const host of request.hosts) {
    const hostname = hostnameOf(host);
    if (!isLoopbackName(hostname) && !policy.clientsHosts.has(hostname)) return { reason: "host", hostname };
  }
  return undefined;
}

/** "localhost:8080" → "localhost", "[::1]:8080" → "[::1]", lower case. */
export function hostnameOf(host: string): string {
  const h = host.trim().toLowerCase();
  if (h.startsWith("[")) return h.slice(0, h.indexOf("]") + 1);
  return h.replace(/:\d*$/, "");
}

/** The addresses the server listens on for a HOST setting: both loopbacks by default. */
export function listenAddresses(host: string | undefined): { addresses: string[]; beyondLoopback: boolean } {
  const h = host?.trim() ?? "";
  if (h === "" || h.toLowerCase() === "localhost")
    return { addresses: ["127.0.0.1", "::1"], beyondLoopback: false };
  const bare = h.startsWith("[") && h.endsWith("]") ? h.slice(1, -1) : h;
  return { addresses: [bare], beyondLoopback: !isLoopbackName(h) };
}
