package dev.commentmoderation.notification.control;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Keeps webhooks out of the newsroom's own network (SSRF): a target's host is resolved and every
 * address it resolves to must be public. Refused: unspecified, loopback, private (RFC 1918),
 * carrier-grade NAT, link-local, multicast, reserved and documentation ranges, IPv6 unique-local
 * and site-local, and IPv4 addresses carried in IPv6 (mapped, compatible, NAT64, 6to4) by the IPv4
 * address inside. Delivery connects to the address checked here (pinned), so a name that resolves
 * differently a second later (DNS rebinding) gains nothing.
 */
public final class TargetAddresses {

  private TargetAddresses() {}

  /** A target resolved and checked: connect to {@code address}, name {@code uri}'s host. */
  public record Target(URI uri, InetAddress address) {}

  /** Why a target is refused; {@code messageKey} names the reader-facing text. */
  public static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;
    private final String messageKey;

    Refused(String messageKey, String detail) {
      super(detail);
      this.messageKey = messageKey;
    }

    public String messageKey() {
      return messageKey;
    }
  }

  /** Parses and checks the form of a webhook address: http or https, a host, no user info. */
  public static URI parse(String url) throws Refused {
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (java.net.URISyntaxException e) {
      throw new Refused("webhook.url.invalid", "not a URI");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https"))
      throw new Refused("webhook.url.invalid", "only http and https");
    if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null)
      throw new Refused("webhook.url.invalid", "a host and no user info or fragment");
    return uri;
  }

  /**
   * Resolves the host; refuses when any address is not public, unless private targets are allowed.
   */
  public static Target resolve(URI uri, boolean allowPrivate) throws Refused {
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(uri.getHost());
    } catch (UnknownHostException | SecurityException e) {
      throw new Refused("webhook.url.unresolved", "host does not resolve");
    }
    if (addresses.length == 0) throw new Refused("webhook.url.unresolved", "no address");
    if (!allowPrivate) {
      for (InetAddress a : addresses) {
        if (!isPublic(a))
          throw new Refused("webhook.url.private", "resolves to " + a.getHostAddress());
      }
    }
    return new Target(uri, addresses[0]);
  }

  /** Whether an address is one a webhook may reach when private targets are not allowed. */
  public static boolean isPublic(InetAddress address) {
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address) return isPublicV4(b);
    if (address instanceof Inet6Address) return isPublicV6(b);
    return false;
  }

  private static final List<int[]> V4_BLOCKED =
      List.of(
          cidr(0, 0, 0, 0, 8), // "this" network, unspecified
          cidr(10, 0, 0, 0, 8), // private
          cidr(100, 64, 0, 0, 10), // carrier-grade NAT
          cidr(127, 0, 0, 0, 8), // loopback
          cidr(169, 254, 0, 0, 16), // link-local (cloud metadata)
          cidr(172, 16, 0, 0, 12), // private
          cidr(192, 0, 0, 0, 24), // IETF protocol assignments
          cidr(192, 0, 2, 0, 24), // documentation
          cidr(192, 88, 99, 0, 24), // 6to4 relay anycast
          cidr(192, 168, 0, 0, 16), // private
          cidr(198, 18, 0, 0, 15), // benchmarking
          cidr(198, 51, 100, 0, 24), // documentation
          cidr(203, 0, 113, 0, 24), // documentation
          cidr(224, 0, 0, 0, 4), // multicast
          cidr(240, 0, 0, 0, 4)); // reserved, broadcast

  private static int[] cidr(int a, int b, int c, int d, int bits) {
    return new int[] {(a << 24) | (b << 16) | (c << 8) | d, bits};
  }

  static boolean isPublicV4(byte[] b) {
    int ip = ((b[0] & 0xff) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff);
    for (int[] block : V4_BLOCKED) {
      int mask = block[1] == 0 ? 0 : -1 << (32 - block[1]);
      if ((ip & mask) == (block[0] & mask)) return false;
    }
    return true;
  }

  static boolean isPublicV6(byte[] b) {
    int first = b[0] & 0xff;
    int second = b[1] & 0xff;
    if (first == 0xff) return false; // multicast
    if ((first & 0xfe) == 0xfc) return false; // fc00::/7 unique local
    if (first == 0xfe && (second & 0xc0) == 0x80) return false; // fe80::/10 link-local
    if (first == 0xfe && (second & 0xc0) == 0xc0) return false; // fec0::/10 site-local
    if (first == 0x20 && second == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8)
      return false; // 2001:db8::/32 documentation
    if (first == 0x01 && second == 0 && allZero(b, 2, 8)) return false; // 100::/64 discard
    if (allZero(b, 0, 10)) {
      boolean mapped = (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
      if (mapped) return isPublicV4(Arrays.copyOfRange(b, 12, 16)); // ::ffff:a.b.c.d
      if (allZero(b, 10, 12)) {
        // ::, ::1 and the deprecated IPv4-compatible ::a.b.c.d
        if (allZero(b, 12, 15)) return false;
        return isPublicV4(Arrays.copyOfRange(b, 12, 16));
      }
    }
    if (first == 0x00 && second == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b)
      return isPublicV4(Arrays.copyOfRange(b, 12, 16)); // 64:ff9b::/96 NAT64
    if (first == 0x20 && second == 0x02)
      return isPublicV4(Arrays.copyOfRange(b, 2, 6)); // 2002::/16 6to4
    return true;
  }

  private static boolean allZero(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) if (b[i] != 0) return false;
    return true;
  }
}
