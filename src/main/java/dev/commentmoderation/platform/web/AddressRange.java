package dev.commentmoderation.platform.web;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.Optional;

/**
 * One address or a CIDR range of them ({@code 10.0.0.0/8}, {@code 2001:db8::/32}), IPv4 or IPv6.
 * Only literals are parsed: a host name is never looked up.
 */
public final class AddressRange {

  private final byte[] network;
  private final int prefix;

  private AddressRange(byte[] network, int prefix) {
    this.network = mask(network, prefix);
    this.prefix = prefix;
  }

  /** An address ({@code 192.0.2.1}, a whole-address range) or a range ({@code 192.0.2.0/24}). */
  public static AddressRange parse(String text) {
    String s = text.strip();
    int slash = s.indexOf('/');
    byte[] address =
        ClientAddress.literal(slash < 0 ? s : s.substring(0, slash))
            .map(InetAddress::getAddress)
            .orElseThrow(() -> new IllegalArgumentException("not an address or CIDR range: " + s));
    int bits = address.length * 8;
    if (slash < 0) return new AddressRange(address, bits);
    int prefix;
    try {
      prefix = Integer.parseInt(s.substring(slash + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bad prefix length in " + s, e);
    }
    if (prefix < 0 || prefix > bits) throw new IllegalArgumentException("bad prefix in " + s);
    return new AddressRange(address, prefix);
  }

  /** Whether this address (a literal; anything else is never contained) is in the range. */
  public boolean contains(String address) {
    Optional<InetAddress> parsed = ClientAddress.literal(address);
    return parsed.isPresent() && contains(parsed.get().getAddress());
  }

  boolean contains(byte[] address) {
    return address.length == network.length && Arrays.equals(mask(address, prefix), network);
  }

  static byte[] mask(byte[] address, int prefix) {
    byte[] masked = address.clone();
    for (int i = 0; i < masked.length; i++) {
      int keep = Math.max(0, Math.min(8, prefix - i * 8));
      masked[i] &= (byte) (0xff00 >> keep);
    }
    return masked;
  }

  @Override
  public String toString() {
    try {
      return InetAddress.getByAddress(network).getHostAddress() + "/" + prefix;
    } catch (java.net.UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
