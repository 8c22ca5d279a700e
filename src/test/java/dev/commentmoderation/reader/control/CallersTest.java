package dev.commentmoderation.reader.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.commentmoderation.reader.entity.Caller;
import dev.commentmoderation.reader.entity.ReaderId;
import org.junit.jupiter.api.Test;

/** The decisions of "who is this reader" that need no container. */
class CallersTest {

  @Test
  void onlyABearerHeaderCarriesAToken() {
    assertEquals("abc.def.ghi", Callers.bearer("Bearer abc.def.ghi"));
    assertEquals("abc", Callers.bearer("bearer   abc  "));
    assertEquals("", Callers.bearer("Bearer"), "present but empty: refused later, not ignored");
    assertNull(Callers.bearer(null));
    assertNull(Callers.bearer("Basic YTpi"));
    assertNull(Callers.bearer("Bearerabc"));
  }

  @Test
  void withAnonymousDeniedOnlyASignedInReaderTakesPart() {
    Caller anonymous = Caller.anonymous("c1");
    Caller reader = new Caller(new ReaderId(7), "Айгуль", null, "c1");
    assertSame(anonymous, Callers.admitted(anonymous, false));
    assertSame(reader, Callers.admitted(reader, true));
    var refused = assertThrows(SignInRequired.class, () -> Callers.admitted(anonymous, true));
    assertEquals(401, refused.getResponse().getStatus());
    assertEquals("reader.signin.required", refused.messageKey());
  }

  @Test
  void theAnonymousSettingIsAllowOrDenyAndNothingElse() {
    assertEquals(false, Callers.anonymousDenied(null));
    assertEquals(false, Callers.anonymousDenied("allow"));
    assertEquals(true, Callers.anonymousDenied(" DENY "));
    assertThrows(IllegalStateException.class, () -> Callers.anonymousDenied("no"));
  }

  @Test
  void aReaderCountsOnceWhateverTheirAddressAnAnonymousCallerByClient() {
    assertEquals(
        new Caller(new ReaderId(7), null, null, "c1").key(),
        new Caller(new ReaderId(7), null, null, "c2").key());
    assertEquals("client:c1", Caller.anonymous("c1").key());
    assertTrue(new Caller(new ReaderId(7), null, null, "c1").key().startsWith("reader:"));
  }
}
