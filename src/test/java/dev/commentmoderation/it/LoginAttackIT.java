package dev.commentmoderation.it;

import static dev.commentmoderation.it.Api.basic;
import static dev.commentmoderation.it.Api.comment;
import static dev.commentmoderation.it.Api.from;
import static dev.commentmoderation.it.Api.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue #11's done-when, against the real service (H2 and PostgreSQL passes): 1,000 wrong passwords
 * for the admin from one client and 1,000 from 25 clients, sent concurrently (Basic and session
 * sign-ins mixed), while the real admin signs in from a client of their own (one they signed in
 * from before) and keeps working with the session cookie and with Basic: every one of the admin's
 * requests succeeds, the guessers are answered 429 (with Retry-After) or 503 almost always, and
 * only a bounded number of their guesses were hashed at all. And the timing of a wrong password is
 * the same for an existing and an unknown username (medians of interleaved attempts, each from a
 * fresh client).
 */
@ExtendWith(SharedService.class)
class LoginAttackIT {

  Api api;

  @BeforeEach
  void client() {
    api = SharedService.api();
  }

  static final String ADMIN_CLIENT = "192.0.2.10";
  static final int MANY = 25;

  record Tally(Map<Integer, AtomicInteger> byStatus, List<String> retryAfter) {
    Tally() {
      this(new ConcurrentHashMap<>(), Collections.synchronizedList(new ArrayList<>()));
    }

    void add(Api.Reply r) {
      byStatus.computeIfAbsent(r.status(), s -> new AtomicInteger()).incrementAndGet();
      if (r.status() == 429) retryAfter.add(r.header("Retry-After"));
    }

    int of(int status) {
      AtomicInteger n = byStatus.get(status);
      return n == null ? 0 : n.get();
    }

    int total() {
      return byStatus.values().stream().mapToInt(AtomicInteger::get).sum();
    }
  }

  Api.Reply guess(int n, String address) {
    String password = "guess-" + n;
    return n % 2 == 0
        ? api.get("/api/moderation/queue?limit=1", headers(address, basic(Api.ADMIN, password)))
        : api.post(
            "/api/moderation/session",
            "{\"username\":" + q(Api.ADMIN) + ",\"password\":" + q(password) + "}",
            from(address));
  }

  static String[] headers(String address, String[] more) {
    return from(address, more);
  }

  @Test
  void guessingFromOneAndManyClientsNeitherLocksOutNorStopsTheRealAdmin() throws Exception {
    String article = Api.freshArticle("attack");
    List<String> held = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      var r =
          api.post(
              "/api/articles/" + article + "/comments",
              comment("Вася", "Опять какой-то идиот это придумал, номер " + i),
              from("198.51.100.200"));
      assertEquals("PENDING", r.json().getString("status"), r::toString);
      held.add(r.json().getString("id"));
    }
    // the admin's own machine, which they signed in from before (yesterday, say)
    var earlier =
        api.post(
            "/api/moderation/session",
            "{\"username\":" + q(Api.ADMIN) + ",\"password\":" + q(Api.ADMIN_PASSWORD) + "}",
            from(ADMIN_CLIENT));
    assertEquals(200, earlier.status(), earlier::toString);
    double hashesBefore = hashes();

    Tally one = new Tally();
    Tally many = new Tally();
    AtomicInteger oneNext = new AtomicInteger();
    AtomicInteger manyNext = new AtomicInteger();
    ExecutorService guessers = Executors.newFixedThreadPool(6);
    try {
      attack(article, held, one, many, oneNext, manyNext, guessers, hashesBefore);
    } finally {
      oneNext.set(1000);
      manyNext.set(1000);
      guessers.shutdownNow();
      guessers.awaitTermination(60, TimeUnit.SECONDS);
    }
  }

  private void attack(
      String article,
      List<String> held,
      Tally one,
      Tally many,
      AtomicInteger oneNext,
      AtomicInteger manyNext,
      ExecutorService guessers,
      double hashesBefore)
      throws Exception {
    long started = System.nanoTime();
    for (int t = 0; t < 2; t++) {
      guessers.submit(
          () -> {
            for (int n; (n = oneNext.getAndIncrement()) < 1000; ) one.add(guess(n, "203.0.113.66"));
          });
    }
    for (int t = 0; t < 4; t++) {
      guessers.submit(
          () -> {
            for (int n; (n = manyNext.getAndIncrement()) < 1000; ) {
              many.add(guess(n, "198.51.100." + (10 + n % MANY)));
            }
          });
    }
    Thread.sleep(300);

    // the real admin, from a client of their own, during the flood
    List<Long> adminMillis = new ArrayList<>();
    List<String> adminFailures = new ArrayList<>();
    long t0 = System.nanoTime();
    var signIn =
        api.post(
            "/api/moderation/session",
            "{\"username\":" + q(Api.ADMIN) + ",\"password\":" + q(Api.ADMIN_PASSWORD) + "}",
            from(ADMIN_CLIENT));
    adminMillis.add((System.nanoTime() - t0) / 1_000_000);
    assertEquals(200, signIn.status(), () -> "the admin signs in during the flood: " + signIn);
    Matcher m = Pattern.compile("cm_session=([^;]*)").matcher(signIn.header("Set-Cookie"));
    assertTrue(m.find());
    String[] cookie =
        from(
            ADMIN_CLIENT,
            "Cookie",
            "cm_session=" + m.group(1),
            "X-CSRF-Token",
            signIn.json().getString("csrfToken"));
    for (int i = 0; i < 50; i++) {
      long t = System.nanoTime();
      Api.Reply r;
      if (i < held.size()) {
        r =
            api.post(
                "/api/moderation/comments/" + held.get(i) + "/approve", "{\"version\":1}", cookie);
      } else if (i % 3 == 0) {
        r = api.get("/api/moderation/session", cookie);
      } else {
        r = api.get("/api/moderation/queue?limit=5&articleId=" + article, cookie);
      }
      adminMillis.add((System.nanoTime() - t) / 1_000_000);
      if (r.status() != 200) adminFailures.add("cookie call " + i + ": " + r);
    }
    for (int i = 0; i < 10; i++) {
      long t = System.nanoTime();
      var r = api.get("/api/moderation/stats", from(ADMIN_CLIENT, Api.admin()));
      adminMillis.add((System.nanoTime() - t) / 1_000_000);
      if (r.status() != 200) adminFailures.add("basic call " + i + ": " + r);
    }
    boolean adminDoneDuringFlood = oneNext.get() < 1000 || manyNext.get() < 1000;

    guessers.shutdown();
    assertTrue(guessers.awaitTermination(120, TimeUnit.SECONDS), "the guessers finish");
    double seconds = (System.nanoTime() - started) / 1e9;
    double hashed = hashes() - hashesBefore;

    Api.report(
        "LoginAttackIT: %.1f s; one client %s; %d clients %s; hashes %.0f;"
            + " admin %d calls, ms %s%n",
        seconds, one.byStatus(), MANY, many.byStatus(), hashed, adminMillis.size(), adminMillis);
    assertEquals(List.of(), adminFailures, "every one of the admin's requests succeeded");
    assertTrue(adminDoneDuringFlood, "the admin worked while the guessing went on");
    assertEquals(1000, one.total());
    assertEquals(1000, many.total());
    assertEquals(1000, one.of(401) + one.of(429) + one.of(503), "only refusals: " + one.byStatus());
    assertEquals(
        1000, many.of(401) + many.of(429) + many.of(503), "only refusals: " + many.byStatus());
    // free failures, then one more per doubling lockout (1 s, 2 s, 4 s, ...) within the run
    int doublings = (int) Math.ceil(Math.log(seconds + 1) / Math.log(2)) + 1;
    int perClient = 5 + 1 + doublings;
    assertTrue(
        one.of(401) <= perClient, "one client hashed at most " + perClient + ": " + one.of(401));
    assertTrue(one.of(429) >= 1000 - perClient - one.of(503), "one client: 429s " + one.byStatus());
    assertTrue(
        many.of(401) <= MANY * perClient,
        MANY + " clients hashed at most " + MANY * perClient + ": " + many.of(401));
    assertTrue(many.of(429) + many.of(503) >= 1000 - MANY * perClient, many.byStatus().toString());
    assertTrue(
        one.retryAfter().stream().allMatch(v -> v != null && Integer.parseInt(v) >= 1),
        "Retry-After on every 429");
    assertTrue(
        hashed <= one.of(401) + many.of(401) + 1,
        "a hash only for the guesses answered 401 and the admin's sign-in: " + hashed);

    var audit =
        api.get("/api/moderation/audit?subject=account:" + Api.ADMIN + "&limit=1000", Api.admin());
    int bursts = 0;
    for (JsonValue v : audit.json().getJsonArray("items")) {
      if ("SIGN_IN_FAILURES".equals(v.asJsonObject().getString("action"))) bursts++;
    }
    // a burst is a key going past its 5 free failures; when the hashing slots were busy, a guess
    // is answered 503 without a check and counts for nothing, so on a quiet machine a client may
    // never get past its free failures (seen in CI: one client 5 x 401, 992 x 503)
    boolean crossed = one.of(401) > 5 || many.of(401) > MANY * 5;
    if (crossed) assertTrue(bursts >= 1, "the bursts are audited");
    assertTrue(
        bursts <= 2 * (MANY + 1),
        "one entry per burst, not per failure: " + bursts + " for 2,000 guesses");
  }

  @Test
  void aWrongPasswordTakesAsLongForAnUnknownUsernameAsForAnExistingOne() {
    // the time is the hash's, whichever database holds the accounts: measured once (H2 pass)
    assumeTrue(!"postgres".equals(System.getProperty("it.database")), "H2 pass only");
    AtomicInteger address = new AtomicInteger();
    for (int i = 0; i < 4; i++) { // warm-up
      attempt(Api.ADMIN, address);
      attempt("ghost-" + System.nanoTime(), address);
    }
    List<Long> known = new ArrayList<>();
    List<Long> unknown = new ArrayList<>();
    double ratio = Double.NaN;
    for (int round = 1; round <= 3; round++) {
      for (int i = 0; i < 30; i++) {
        // interleaved, the order alternating, so drift in the machine's load hits both alike
        if (i % 2 == 0) {
          known.add(attempt(Api.ADMIN, address));
          unknown.add(attempt("ghost-" + System.nanoTime(), address));
        } else {
          unknown.add(attempt("ghost-" + System.nanoTime(), address));
          known.add(attempt(Api.ADMIN, address));
        }
      }
      ratio = (double) median(unknown) / median(known);
      Api.report(
          "LoginAttackIT timing, %d pairs: known median %d µs, unknown median %d µs, ratio %.3f%n",
          known.size(), median(known) / 1000, median(unknown) / 1000, ratio);
      if (Math.abs(ratio - 1) <= 0.10) break; // else more samples (kept), on a loaded machine
    }
    assertTrue(Math.abs(ratio - 1) <= 0.10, "medians within 10 %: ratio " + ratio);
  }

  /** One wrong-password sign-in from a fresh client (the throttle never interferes); nanos. */
  long attempt(String username, AtomicInteger address) {
    int n = address.incrementAndGet();
    String from = "198.18." + (n / 250) + "." + (1 + n % 250);
    long t = System.nanoTime();
    var r =
        api.post(
            "/api/moderation/session",
            "{\"username\":" + q(username) + ",\"password\":\"not-the-password\"}",
            from(from));
    long took = System.nanoTime() - t;
    assertEquals(401, r.status(), r::toString);
    return took;
  }

  static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  static final Pattern HASHES =
      Pattern.compile("(?m)^comments_password_verifications_total(?:\\{[^}]*})? ([0-9.eE+]+)");

  double hashes() {
    var metrics = api.get("/metrics", "Accept", "text/plain");
    Matcher m = HASHES.matcher(metrics.body());
    assertTrue(m.find(), "the hash counter is in /metrics");
    return Double.parseDouble(m.group(1));
  }
}
