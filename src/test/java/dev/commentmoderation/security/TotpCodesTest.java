package dev.commentmoderation.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.commentmoderation.security.control.TotpCodes;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class TotpCodesTest {

  /** RFC 6238's SHA-1 key "12345678901234567890", base32 as an authenticator app gets it. */
  private static final String RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

  @Test
  void codesAreThoseOfRfc6238AppendixB() {
    // Appendix B lists 8-digit codes; an authenticator app shows their last six digits
    assertEquals("287082", TotpCodes.codeAt(RFC_SECRET, Instant.ofEpochSecond(59)));
    assertEquals("081804", TotpCodes.codeAt(RFC_SECRET, Instant.ofEpochSecond(1111111109)));
    assertEquals("050471", TotpCodes.codeAt(RFC_SECRET, Instant.ofEpochSecond(1111111111)));
    assertEquals("005924", TotpCodes.codeAt(RFC_SECRET, Instant.ofEpochSecond(1234567890)));
    assertEquals("279037", TotpCodes.codeAt(RFC_SECRET, Instant.ofEpochSecond(2000000000)));
  }

  @Test
  void aCodeMatchesItsStepAndOneStepEitherSideOnly() {
    Instant now = Instant.ofEpochSecond(1_800_000_000L);
    long step = now.getEpochSecond() / 30;
    String current = TotpCodes.codeAt(RFC_SECRET, now);
    assertEquals(OptionalLong.of(step), TotpCodes.matchingStep(RFC_SECRET, current, now));
    assertEquals(
        OptionalLong.of(step - 1),
        TotpCodes.matchingStep(
            RFC_SECRET, TotpCodes.codeAt(RFC_SECRET, now.minusSeconds(30)), now));
    assertEquals(
        OptionalLong.of(step + 1),
        TotpCodes.matchingStep(RFC_SECRET, TotpCodes.codeAt(RFC_SECRET, now.plusSeconds(30)), now));
    assertTrue(
        TotpCodes.matchingStep(RFC_SECRET, TotpCodes.codeAt(RFC_SECRET, now.minusSeconds(90)), now)
            .isEmpty());
    // typed with a space in the middle, as some apps show it
    assertEquals(
        OptionalLong.of(step),
        TotpCodes.matchingStep(
            RFC_SECRET, current.substring(0, 3) + " " + current.substring(3), now));
  }

  @Test
  void malformedCodesMatchNothing() {
    Instant now = Instant.ofEpochSecond(59);
    for (String bad : new String[] {null, "", "28708", "2870822", "abcdef", "２８７０８２"}) {
      assertTrue(TotpCodes.matchingStep(RFC_SECRET, bad, now).isEmpty(), String.valueOf(bad));
    }
  }

  @Test
  void newSecretsAre160BitBase32AndDiffer() {
    String a = TotpCodes.newSecret();
    String b = TotpCodes.newSecret();
    assertEquals(32, a.length());
    assertTrue(a.matches("[A-Z2-7]+"), a);
    assertFalse(a.equals(b));
  }

  @Test
  void otpauthUriNamesIssuerAccountAndSecret() {
    String uri = TotpCodes.otpauth(RFC_SECRET, "comment-moderation", "anna").toString();
    assertTrue(uri.startsWith("otpauth://totp/"), uri);
    assertTrue(uri.contains("secret=" + RFC_SECRET), uri);
    assertTrue(uri.contains("issuer=comment-moderation"), uri);
    assertTrue(uri.contains("anna"), uri);
  }

  @Test
  void qrCodeIsAnSvgDocument() {
    String svg = TotpCodes.qrSvg(TotpCodes.otpauth(RFC_SECRET, "x", "anna").toString());
    assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""), svg);
    assertTrue(svg.contains("h1v1h-1z"));
    assertTrue(svg.getBytes(StandardCharsets.UTF_8).length > 1000);
  }

  @Test
  void recoveryCodesAreDistinctAndTheirDigestIgnoresCaseAndSeparators() {
    List<String> codes = TotpCodes.newRecoveryCodes();
    assertEquals(TotpCodes.RECOVERY_CODES, new HashSet<>(codes).size());
    for (String code : codes) {
      assertTrue(code.matches("[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}"), code);
      assertTrue(TotpCodes.looksLikeRecoveryCode(code));
      assertEquals(
          TotpCodes.recoveryDigest(code),
          TotpCodes.recoveryDigest(" " + code.toUpperCase().replace("-", " ") + " "));
    }
    assertFalse(TotpCodes.looksLikeRecoveryCode("123456"));
    assertEquals(64, TotpCodes.recoveryDigest(codes.get(0)).length());
  }
}
