// Who is calling: the boundaries of "this machine" for addresses and host names, the proxy hops believed,
// and which HOST settings open the server to the network.
import { describe, expect, it } from "vitest";
import { callerAddress, hostnameOf, isLoopbackAddress, isLoopbackName, listenAddresses } from "./caller.js";

describe("isLoopbackAddress", () => {
  it("is the whole of 127.0.0.0/8 and ::1, in their IPv4-mapped spellings too", () => {
    for (const a of ["127.0.0.1", "127.255.255.254", "::1", "0:0:0:0:0:0:0:1", "::ffff:127.0.0.1"])
      expect(isLoopbackAddress(a), a).toBe(true);
  });
  it("is nothing else, however close", () => {
    for (const a of [
      "128.0.0.1",
      "126.255.255.255",
      "10.0.0.1",
      "::2",
      "::ffff:10.0.0.1",
      "0.0.0.0",
      "::",
      "localhost",
      "",
    ])
      expect(isLoopbackAddress(a), a).toBe(false);
  });
});

describe("isLoopbackName", () => {
  it("accepts localhost, its subdomains and loopback literals", () => {
    for (const h of ["localhost", "LOCALHOST", "localhost.", "ee.localhost", "127.0.0.1", "[::1]"])
      expect(isLoopbackName(h), h).toBe(true);
  });
  it("refuses names that merely contain localhost, and other addresses", () => {
    for (const h of ["localhost.evil.example", "evillocalhost", "192.168.1.20", "[::2]", "127.0.0.1.nip.io"])
      expect(isLoopbackName(h), h).toBe(false);
  });
});

describe("hostnameOf", () => {
  it("drops the port, keeping IPv6 brackets", () => {
    expect(hostnameOf("LocalHost:8080")).toBe("localhost");
    expect(hostnameOf("[::1]:8080")).toBe("[::1]");
    expect(hostnameOf("example.org")).toBe("example.org");
  });
});

describe("callerAddress", () => {
  const none = new Set<string>();
  const proxy = new Set(["127.0.0.1"]);
  it("is the socket's address when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(callerAddress("10.0.0.9", "127.0.0.1", none)).toBe("10.0.0.9");
    expect(callerAddress("::ffff:10.0.0.9", undefined, none)).toBe("10.0.0.9");
    expect(callerAddress(undefined, "127.0.0.1", none)).toBeUndefined();
  });
  it("behind a trusted proxy, is the nearest hop not itself trusted", () => {
    expect(callerAddress("127.0.0.1", "203.0.113.5", proxy)).toBe("203.0.113.5");
    // The leftmost entry was written by the caller: it proves nothing.
    expect(callerAddress("127.0.0.1", "127.0.0.1, 203.0.113.5", proxy)).toBe("203.0.113.5");
    // Every hop trusted: the caller is on the proxy's machine.
    expect(callerAddress("127.0.0.1", "127.0.0.1", proxy)).toBe("127.0.0.1");
    // No forwarding header: the proxy's machine itself.
    expect(callerAddress("127.0.0.1", undefined, proxy)).toBe("127.0.0.1");
  });
});

describe("listenAddresses", () => {
  it("is both loopbacks by default and for localhost", () => {
    for (const host of [undefined, "", "  ", "localhost"])
      expect(listenAddresses(host)).toEqual({ addresses: ["127.0.0.1", "::1"], beyondLoopback: false });
  });
  it("is one loopback address when HOST names one", () => {
    expect(listenAddresses("127.0.0.1")).toEqual({ addresses: ["127.0.0.1"], beyondLoopback: false });
    expect(listenAddresses("::1")).toEqual({ addresses: ["::1"], beyondLoopback: false });
    expect(listenAddresses("[::1]")).toEqual({ addresses: ["::1"], beyondLoopback: false });
  });
  it("opens the server beyond this machine for any other HOST", () => {
    for (const host of ["0.0.0.0", "::", "192.168.1.20", "ee.office.lan"])
      expect(listenAddresses(host).beyondLoopback, host).toBe(true);
  });
});
