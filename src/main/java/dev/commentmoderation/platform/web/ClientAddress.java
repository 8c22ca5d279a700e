package dev.commentmoderation.platform.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The part of a client's address that names the client. An IPv4 address is one client; an IPv6
 * address counts by its /64, because one subscriber usually gets a whole /64 and can pick any
 * address in it (privacy extensions rotate them on their own), so counting full addresses would let
 * anyone multiply themselves at will.
 */
public final class ClientAddress {

  /** Bits of an IPv6 address that name one client. */
  public static final int IPV6_CLIENT_PREFIX = 64;

  private static final Pattern IPV4 =
      Pattern.compile(
          "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
  private static final Pattern IPV6 = Pattern.compile("\\[?[0-9A-Fa-f:.]{2,45}(%[\\w.-]{1,32})?]?");

  private ClientAddress() {}

  /**
   * The client an address stands for: an IPv4 address as written canonically, an IPv6 address as
   * its /64 ({@code 2001:db8:1:2::/64}); IPv4-mapped IPv6 addresses count as IPv4. Anything that is
   * not an address literal (a garbage forwarding header) is kept as it is: it still names whoever
   * sent it, and is never looked up.
   */
  public static String clientOf(String address) {
    if (address == null) return "";
    Optional<InetAddress> parsed = literal(address);
    if (parsed.isEmpty()) return address;
    byte[] bytes = parsed.get().getAddress();
    if (bytes.length == 4) return parsed.get().getHostAddress();
    return AddressRange.parse(canonical(bytes) + "/" + IPV6_CLIENT_PREFIX).toString();
  }

  private static String canonical(byte[] bytes) {
    try {
      return InetAddress.getByAddress(bytes).getHostAddress();
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The address when this is an IPv4 or IPv6 literal (an IPv6 zone and brackets are dropped), else
   * empty. Never a DNS query: text that is no literal is refused before {@link
   * InetAddress#getByName} could look it up.
   */
  public static Optional<InetAddress> literal(String text) {
    if (text == null) return Optional.empty();
    String s = text.strip();
    boolean v4 = IPV4.matcher(s).matches();
    boolean v6 = !v4 && s.indexOf(':') >= 0 && IPV6.matcher(s).matches();
    if (!v4 && !v6) return Optional.empty();
    if (v6) {
      if (s.startsWith("[") != s.endsWith("]")) return Optional.empty();
      if (s.startsWith("[")) s = s.substring(1, s.length() - 1);
      int zone = s.indexOf('%');
      if (zone >= 0) s = s.substring(0, zone);
      if (s.indexOf(':') < 0) return Optional.empty();
    }
    try {
      // a literal with a colon, or a dotted quad checked above: parsed, never resolved
      return Optional.of(InetAddress.getByName(s));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }
}
