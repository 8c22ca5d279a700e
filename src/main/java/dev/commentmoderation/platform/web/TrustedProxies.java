package dev.commentmoderation.platform.web;

import java.util.Arrays;
import java.util.List;

/**
 * The reverse proxies whose forwarding headers are believed: addresses and CIDR ranges, IPv4 and
 * IPv6, comma-separated ({@code 10.0.0.0/8, 192.0.2.7, 2001:db8::/48}).
 */
public final class TrustedProxies {

  private final List<AddressRange> ranges;

  private TrustedProxies(List<AddressRange> ranges) {
    this.ranges = List.copyOf(ranges);
  }

  /**
   * From the setting's value; an entry that is neither an address nor a range stops the start, as a
   * proxy silently not trusted (or a typo trusting too much) would be found only in production.
   */
  public static TrustedProxies parse(String setting) {
    if (setting == null || setting.isBlank()) return new TrustedProxies(List.of());
    return new TrustedProxies(
        Arrays.stream(setting.split(","))
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .map(AddressRange::parse)
            .toList());
  }

  public boolean trusts(String address) {
    if (ranges.isEmpty() || address == null) return false;
    var parsed = ClientAddress.literal(address);
    if (parsed.isEmpty()) return false;
    byte[] bytes = parsed.get().getAddress();
    return ranges.stream().anyMatch(r -> r.contains(bytes));
  }
}
