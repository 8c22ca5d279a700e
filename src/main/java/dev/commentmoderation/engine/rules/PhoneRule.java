package dev.commentmoderation.engine.rules;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import dev.commentmoderation.engine.Action;
import dev.commentmoderation.engine.Match;
import dev.commentmoderation.engine.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Phone numbers, found by libphonenumber with the VALID leniency for each configured region (a
 * national number such as {@code 0555 123 456} only parses against its own region), plus any
 * international-looking digit run that libphonenumber would reject as not a real range: a spammer's
 * number need not be allocated to be a contact.
 */
public record PhoneRule(RuleHeader header, List<String> regions, int minDigits) implements Rule {

  /** {@code type: phones}: {@code regions} (KG, RU, KZ), {@code min-digits} (7). */
  public static final RuleType TYPE =
      new RuleType(
          "phones",
          Set.of("regions", "min-digits"),
          Reason.CONTACTS,
          Action.HOLD,
          PhoneRule::build);

  private static PhoneRule build(RuleHeader h, RuleFields f) {
    List<String> regions = f.has("regions") ? f.strings("regions") : List.of("KG", "RU", "KZ");
    List<String> upper = new ArrayList<>();
    for (String r : regions) {
      String code = r.toUpperCase(Locale.ROOT);
      if (!knownRegion(code)) {
        f.problem("regions", "rule " + h.id() + ": unknown phone region '" + r + "'");
      }
      upper.add(code);
    }
    return new PhoneRule(h, upper, f.integer("min-digits", 7, 1, 30));
  }

  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

  /**
   * libphonenumber only sees short runs of digits and separators: on a long run ({@code +9+9+9...})
   * its matcher is quadratic, and no phone number is longer than this anyway.
   */
  private static final int MAX_CANDIDATE = 64;

  private static final Pattern INTERNATIONAL =
      Pattern.compile("(?<![\\d+])\\+[ \\t]?\\d(?:[ \\t\\-().]{0,3}\\d){9,13}(?!\\d)");

  public PhoneRule {
    regions = List.copyOf(regions);
  }

  @Override
  public void apply(Inspection inspection, List<Match> out) {
    String body = inspection.body();
    if (digits(body) < minDigits) {
      return;
    }
    List<int[]> spans = new ArrayList<>();
    int n = body.length();
    int i = 0;
    while (i < n) {
      int start = i;
      int runDigits = 0;
      while (i < n && isPhoneChar(body.charAt(i))) {
        runDigits +=
            body.charAt(i) <= '9' && body.charAt(i) >= '0' || Character.isDigit(body.charAt(i))
                ? 1
                : 0;
        i++;
      }
      if (runDigits >= minDigits && i - start <= MAX_CANDIDATE) {
        String run = body.substring(start, i);
        // The first region that reads the run as numbers is enough: each run is tried against
        // the others only when it is not a number there.
        for (String region : regions) {
          boolean found = false;
          for (PhoneNumberMatch m :
              PHONES.findNumbers(run, region, PhoneNumberUtil.Leniency.VALID, Long.MAX_VALUE)) {
            add(spans, start + m.start(), start + m.end());
            found = true;
          }
          if (found) {
            break;
          }
        }
      }
      i = Math.max(i, start + 1);
    }
    if (body.indexOf('+') >= 0) {
      Matcher m = INTERNATIONAL.matcher(body);
      while (m.find()) {
        add(spans, m.start(), m.end());
      }
    }
    spans.sort((a, b) -> Integer.compare(a[0], b[0]));
    for (int[] s : spans) {
      out.add(header.match(body, s[0], s[1]));
    }
  }

  private static void add(List<int[]> spans, int start, int end) {
    for (int[] s : spans) {
      if (start < s[1] && s[0] < end) {
        s[0] = Math.min(s[0], start);
        s[1] = Math.max(s[1], end);
        return;
      }
    }
    spans.add(new int[] {start, end});
  }

  private static boolean isPhoneChar(char c) {
    return c >= '0' && c <= '9'
        || c == ' '
        || c == '-'
        || c == '('
        || c == ')'
        || c == '+'
        || c == '.'
        || c == '\t'
        || c == '\u00A0'
        || c >= 0x660 && Character.isDigit(c);
  }

  private static int digits(String body) {
    int n = 0;
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c >= '0' && c <= '9' || c >= 0x660 && Character.isDigit(c)) {
        n++;
      }
    }
    return n;
  }

  /** True when libphonenumber knows the region code. */
  public static boolean knownRegion(String region) {
    return PHONES.getSupportedRegions().contains(region);
  }
}
