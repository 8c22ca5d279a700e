package dev.commentmoderation.it;

import static dev.commentmoderation.it.Api.admin;
import static dev.commentmoderation.it.Api.comment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A catalogue of hostile and malformed requests against the running service (the microbundle as a
 * child process): broken and deeply nested JSON, wrong types, huge numbers, invalid UTF-8, NUL
 * bytes, oversized bodies, unknown fields, wrong content types, odd article ids, bad paging, header
 * injection, duplicated parameters and headers, chunked-encoding abuse. Each one must be answered
 * with the named 4xx, as problem+json when the application answers, never 500, never a hang;
 * afterwards the service is still ready and takes a normal comment. JSON bodies are read strictly
 * (StrictJsonReader): invalid UTF-8, text after the JSON value, a duplicate key, a number or
 * boolean where a string is expected and a fraction, string or out-of-range number where a whole
 * number is expected are each a 400 problem naming the field; a streamed body over the size limit
 * is 413 like a declared one. The one case still marked LENIENT is Grizzly's: a header line without
 * a colon is skipped and the request served.
 *
 * <p>Some requests never reach the application: Grizzly refuses a request whose framing it cannot
 * parse (bad request line, header without a colon, two different Content-Lengths, bad chunk sizes,
 * a NUL or invalid UTF-8 in the path, an over-long request line or header; an unknown HTTP version
 * gets 505) with a bare answer and closes the connection. Those cases are marked {@code container}:
 * they must be a 4xx and the connection must end, but their body is the container's, not
 * problem+json.
 *
 * <p>Input handling does not depend on the database, so this runs in the H2 pass only.
 */
class BadInputIT {

  /** What came back: status (-1 when the connection ended without an answer), type, body. */
  record Answer(int status, String contentType, String body) {
    @Override
    public String toString() {
      return status
          + " "
          + contentType
          + " "
          + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
    }
  }

  /** One line of the catalogue. */
  record Case(String name, int expected, boolean container, Supplier<Answer> request) {}

  private static ServiceProcess service;
  private static Api api;
  private static String article;
  private static String held;
  private static String approved;
  private static int port;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(!"postgres".equals(System.getProperty("it.database")), "H2 pass only");
    service = new ServiceProcess("bad-input-it", ServiceProcess.freshH2("bad-input-h2-"));
    api = service.start();
    port = api.uri("/").getPort();
    article = Api.freshArticle("bad");
    var h =
        api.post(
            "/api/articles/" + article + "/comments",
            comment("Петр", "Автор — идиот, ничего не понимает"));
    assertEquals("PENDING", h.json().getString("status"), h::toString);
    held = h.json().getString("id");
    var a =
        api.post(
            "/api/articles/" + article + "/comments",
            comment("Айбек", "Спасибо за новость, очень важная тема."));
    assertEquals("APPROVED", a.json().getString("status"), a::toString);
    approved = a.json().getString("id");
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (service != null) service.close();
  }

  @Test
  void everyHostileRequestIsA4xxProblemAndTheServiceStaysHealthy() throws Exception {
    List<Case> cases = catalogue();
    List<String> failures = new ArrayList<>();
    int n = 0;
    for (Case c : cases) {
      n++;
      Answer a;
      long t = System.nanoTime();
      try {
        a = c.request().get();
      } catch (RuntimeException e) {
        a = new Answer(-1, null, String.valueOf(e));
      }
      long ms = (System.nanoTime() - t) / 1_000_000;
      String verdict = check(c, a);
      Api.report(
          "%3d %-62s %4d %5d ms %s%n",
          n, c.name(), a.status(), ms, verdict == null ? "ok" : "FAIL " + verdict);
      if (verdict != null) failures.add(c.name() + ": " + verdict + " — " + a);
      if (c.container()) {
        // the container may close the connection after its own refusal; a pooled client can hand
        // the next request (a POST, which it does not retry) that half-closed socket, so start
        // afresh
        api = new Api(api.uri("/").toURL());
      }
    }
    Api.report("BadInputIT: %d cases, %d failed%n", cases.size(), failures.size());
    assertEquals(List.of(), failures, "every case a 4xx problem, none 500");
    assertEquals(true, cases.size() >= 100, "catalogue size " + cases.size());

    var ready = api.get("/health/ready");
    assertEquals(200, ready.status(), ready::toString);
    var normal =
        api.post(
            "/api/articles/" + article + "/comments",
            comment("Айбек", "После всего этого всё работает, спасибо."));
    assertEquals(201, normal.status(), normal::toString);
  }

  /**
   * The strict reader's problems say what is wrong, name the field, and speak the client's
   * language.
   */
  @Test
  void strictBodyProblemsNameTheFieldInTheClientsLanguage() {
    String submit = "/api/articles/" + article + "/comments";
    var en =
        api.postRaw(
            submit,
            "application/json",
            "{\"authorName\":5,\"body\":\"x\"}".getBytes(StandardCharsets.UTF_8),
            Api.from("198.51.100.71", "Accept-Language", "en"));
    assertEquals(400, en.status(), en::toString);
    assertEquals(
        "Field authorName: a string is expected.", en.json().getString("detail"), en::toString);
    assertEquals(
        "authorName",
        en.json().getJsonArray("violations").getJsonObject(0).getString("field"),
        en::toString);

    var ru =
        api.postRaw(
            "/api/moderation/comments/" + held + "/approve",
            "application/json",
            "{\"version\":1.5}".getBytes(StandardCharsets.UTF_8),
            concat(admin(), new String[] {"Accept-Language", "ru"}));
    assertEquals(400, ru.status(), ru::toString);
    assertEquals(
        "Поле «version»: ожидается целое число от -2147483648 до 2147483647.",
        ru.json().getString("detail"),
        ru::toString);

    var ky =
        api.postRaw(
            submit,
            "application/json",
            utf8Broken(new byte[] {(byte) 0xC3, 0x28}),
            Api.from("198.51.100.72", "Accept-Language", "ky"));
    assertEquals(400, ky.status(), ky::toString);
    assertEquals("Суроонун денеси туура UTF-8 эмес.", ky.json().getString("detail"), ky::toString);

    var trailing =
        api.postRaw(
            submit,
            "application/json",
            "{\"authorName\":\"A\",\"body\":\"x\"}}".getBytes(StandardCharsets.UTF_8),
            Api.from("198.51.100.73", "Accept-Language", "en"));
    assertEquals(400, trailing.status(), trailing::toString);
    assertEquals(
        "There is text after the JSON value; send a single JSON object.",
        trailing.json().getString("detail"),
        trailing::toString);
  }

  private static String check(Case c, Answer a) {
    if (a.status() >= 500 && !(c.container() && a.status() == 505)) return "server error";
    if (a.status() != c.expected()) return "expected " + c.expected();
    if (c.container() || a.status() < 400) return null;
    if (a.contentType() == null || !a.contentType().startsWith("application/problem+json"))
      return "not problem+json";
    if (!(a.body().contains("\"status\":" + c.expected())
        && a.body().contains("\"title\"")
        && a.body().contains("\"detail\""))) {
      return "problem without status/title/detail";
    }
    return null;
  }

  // ---------------------------------------------------------------- the catalogue

  private static List<Case> catalogue() {
    List<Case> cases = new ArrayList<>();
    String submit = "/api/articles/" + article + "/comments";
    String approve = "/api/moderation/comments/" + held + "/approve";
    String reject = "/api/moderation/comments/" + held + "/reject";
    String flags = "/api/comments/" + approved + "/flags";
    String check = "/api/moderation/check";

    // broken JSON
    for (String broken :
        List.of(
            "{",
            "{\"authorName\":",
            "{\"authorName\":\"A\",}",
            "{'authorName':'A','body':'x'}",
            "nul",
            "\"a string\"",
            "42",
            "true",
            "null",
            "[]",
            "{\"authorName\" \"A\"}",
            "{\"body\":\"unterminated}",
            "{\"authorName\":\"A\",\"body\":\"bad escape \\q\"}",
            "\uFEFF{\"authorName\":\"A\",\"body\":\"bom\"}")) {
      cases.add(json("submit: broken JSON " + abbreviate(broken), 400, submit, broken, false));
    }
    // exactly one JSON value: JSON-B alone would stop after the first and take the comment
    cases.add(
        json(
            "submit: trailing brace after the object",
            400,
            submit,
            "{\"authorName\":\"A\",\"body\":\"trailing brace\"}}",
            false));
    cases.add(
        json(
            "submit: trailing text after the object",
            400,
            submit,
            "{\"authorName\":\"A\",\"body\":\"trailing text\"} trailing",
            false));
    cases.add(
        json(
            "submit: a second object after the first",
            400,
            submit,
            "{\"authorName\":\"A\",\"body\":\"one\"}{\"authorName\":\"B\",\"body\":\"two\"}",
            false));
    cases.add(
        json(
            "submit: duplicate key",
            400,
            submit,
            "{\"authorName\":\"A\",\"body\":\"one\",\"body\":\"two\"}",
            false));
    cases.add(json("approve: trailing brace", 400, approve, "{\"version\":1}}", true));
    cases.add(json("approve: broken JSON", 400, approve, "{\"version\":", true));
    cases.add(json("flags: broken JSON", 400, flags, "{\"reason\":", false));
    cases.add(json("check: broken JSON", 400, check, "{\"body\" 1}", true));

    // deeply nested JSON
    cases.add(
        json(
            "submit: 100k nested arrays (over the size limit)",
            413,
            submit,
            "[".repeat(100_000) + "]".repeat(100_000),
            false));
    cases.add(
        json(
            "submit: 10k nested objects in a field",
            400,
            submit,
            "{\"authorName\":"
                + "{\"a\":".repeat(10_000)
                + "1"
                + "}".repeat(10_000)
                + ",\"body\":\"x\"}",
            false));
    cases.add(
        json(
            "submit: nested unknown field",
            400,
            submit,
            "{\"authorName\":\"A\",\"body\":\"x\",\"x\":"
                + "[".repeat(5_000)
                + "]".repeat(5_000)
                + "}",
            false));
    cases.add(
        json(
            "approve: nested version",
            400,
            approve,
            "{\"version\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}",
            true));

    // wrong types
    // a number or boolean is not a string (JSON-B alone would turn it into one)
    cases.add(
        json(
            "submit: authorName a number",
            400,
            submit,
            "{\"authorName\":5,\"body\":\"number name\"}",
            false));
    cases.add(
        json(
            "submit: body an array",
            400,
            submit,
            "{\"authorName\":\"A\",\"body\":[\"x\"]}",
            false));
    cases.add(
        json(
            "submit: body an object",
            400,
            submit,
            "{\"authorName\":\"A\",\"body\":{\"x\":1}}",
            false));
    cases.add(
        json(
            "submit: authorName true",
            400,
            submit,
            "{\"authorName\":true,\"body\":\"boolean name\"}",
            false));
    cases.add(
        json(
            "submit: parentId an object",
            400,
            submit,
            "{\"authorName\":\"A\",\"body\":\"x\",\"parentId\":{}}",
            false));
    cases.add(
        json(
            "submit: authorEmail an array",
            400,
            submit,
            "{\"authorName\":\"A\",\"body\":\"x\",\"authorEmail\":[]}",
            false));
    cases.add(json("approve: version a string", 400, approve, "{\"version\":\"one\"}", true));
    cases.add(json("approve: version true", 400, approve, "{\"version\":true}", true));
    cases.add(json("approve: version an object", 400, approve, "{\"version\":{}}", true));
    cases.add(json("approve: version null", 400, approve, "{\"version\":null}", true));
    // a fraction is not a version (JSON-B alone would truncate 1.5 to 1 and take the decision)
    cases.add(json("approve: version a fraction", 400, approve, "{\"version\":1.5}", true));
    cases.add(json("approve: version the string \"1\"", 400, approve, "{\"version\":\"1\"}", true));
    cases.add(json("reject: reason a number", 400, reject, "{\"version\":1,\"reason\":7}", true));
    cases.add(json("flags: reason a number", 400, flags, "{\"reason\":1}", false));
    cases.add(json("flags: reason unknown", 400, flags, "{\"reason\":\"because\"}", false));
    cases.add(json("flags: no body", 400, flags, "", false));
    cases.add(json("check: body a number", 400, check, "{\"body\":12}", true));
    cases.add(
        json(
            "check: articlePremoderated a string",
            400,
            check,
            "{\"body\":\"x\",\"articlePremoderated\":\"true\"}",
            true));
    cases.add(json("flags: note a number", 400, flags, "{\"reason\":\"spam\",\"note\":5}", false));
    cases.add(json("check: body missing", 400, check, "{}", true));

    // huge numbers: out of the range of a version (or a fraction), not a stale one
    cases.add(json("approve: version 1e400", 400, approve, "{\"version\":1e400}", true));
    cases.add(
        json("approve: version 2^64", 400, approve, "{\"version\":18446744073709551616}", true));
    cases.add(
        json(
            "approve: version 10^1000",
            400,
            approve,
            "{\"version\":1" + "0".repeat(1000) + "}",
            true));
    cases.add(json("approve: version -1 (stale)", 409, approve, "{\"version\":-1}", true));
    cases.add(json("reject: version 2147483648", 400, reject, "{\"version\":2147483648}", true));
    cases.add(json("approve: version -1e-400", 400, approve, "{\"version\":-1e-400}", true));

    // invalid UTF-8 and NUL bytes
    // invalid UTF-8 is refused, not decoded into U+FFFD replacement characters
    cases.add(
        bytes(
            "submit: invalid UTF-8 C3 28",
            400,
            submit,
            utf8Broken(new byte[] {(byte) 0xC3, 0x28})));
    cases.add(
        bytes(
            "submit: invalid UTF-8 FF FE",
            400,
            submit,
            utf8Broken(new byte[] {(byte) 0xFF, (byte) 0xFE})));
    cases.add(
        bytes(
            "submit: overlong UTF-8 C0 AF",
            400,
            submit,
            utf8Broken(new byte[] {(byte) 0xC0, (byte) 0xAF})));
    cases.add(
        bytes(
            "submit: UTF-8 encoded surrogate ED A0 80",
            400,
            submit,
            utf8Broken(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80})));
    cases.add(
        bytes(
            "submit: truncated UTF-8 at the end",
            400,
            submit,
            "{\"authorName\":\"A\",\"body\":\"x\u0416".getBytes(StandardCharsets.UTF_8),
            1));
    cases.add(bytes("submit: raw NUL inside a string", 400, submit, utf8Broken(new byte[] {0})));
    cases.add(
        bytes(
            "submit: raw NUL between tokens",
            400,
            submit,
            "{\"authorName\":\"A\",\0\"body\":\"x\"}".getBytes(StandardCharsets.UTF_8),
            0));
    cases.add(
        json(
            "submit: escaped NUL in authorName",
            400,
            submit,
            "{\"authorName\":\"A\\u0000B\",\"body\":\"x\"}",
            false));
    cases.add(
        json(
            "check: escaped NUL in body (dry run judges it)",
            200,
            check,
            "{\"body\":\"a\\u0000b\"}",
            true));
    cases.add(
        json(
            "reject: NUL in reason", 400, reject, "{\"version\":1,\"reason\":\"x\\u0000\"}", true));
    cases.add(
        json(
            "flags: NUL in note", 400, flags, "{\"reason\":\"spam\",\"note\":\"\\u0000\"}", false));
    cases.add(
        bytes(
            "submit: UTF-16 body declared as JSON",
            400,
            submit,
            "{\"authorName\":\"A\",\"body\":\"x\"}".getBytes(StandardCharsets.UTF_16LE),
            0));

    // big bodies
    cases.add(
        new Case(
            "submit: 10 MB body, declared length",
            413,
            false,
            () ->
                raw(
                    head(
                        "POST",
                        submit,
                        "Content-Type: application/json",
                        "Content-Length: 10485760"),
                    "{\"authorName\":\"A\",\"body\":\"".getBytes(StandardCharsets.UTF_8))));
    // the whole body is read (up to the bound) before it is parsed, so a streamed one is 413 too
    cases.add(
        new Case(
            "submit: 10 MB body streamed, chunked",
            413,
            false,
            () -> chunkedFlood(submit, 10 << 20)));
    cases.add(
        new Case(
            "flags: 10 MB body, declared length",
            413,
            false,
            () ->
                raw(
                    head(
                        "POST",
                        flags,
                        "Content-Type: application/json",
                        "Content-Length: 10485760"),
                    new byte[0])));
    cases.add(
        new Case(
            "check: 10 MB body, declared length",
            413,
            false,
            () ->
                raw(
                    head(
                        "POST",
                        check,
                        "Content-Type: application/json",
                        "Content-Length: 10485760",
                        auth()),
                    new byte[0])));
    cases.add(
        json(
            "submit: body text 5001 chars",
            400,
            submit,
            "{\"authorName\":\"A\",\"body\":\"" + "ж".repeat(5001) + "\"}",
            false));
    cases.add(
        json(
            "flags: note 10k",
            400,
            flags,
            "{\"reason\":\"spam\",\"note\":\"" + "n".repeat(10_000) + "\"}",
            false));
    cases.add(
        json(
            "reject: reason 2000 chars",
            400,
            reject,
            "{\"version\":1,\"reason\":\"" + "r".repeat(2000) + "\"}",
            true));
    cases.add(
        new Case(
            "rules PUT: 10 MB YAML, declared length",
            413,
            false,
            () ->
                raw(
                    head(
                        "PUT",
                        "/api/moderation/rules",
                        "Content-Type: application/yaml",
                        "Content-Length: 10485760",
                        auth()),
                    new byte[0])));

    // unknown fields
    for (String field :
        List.of("status", "id", "clientHash", "createdAt", "verdict", "__proto__")) {
      cases.add(
          json(
              "submit: unknown field " + field,
              400,
              submit,
              "{\"authorName\":\"A\",\"body\":\"x\",\"" + field + "\":\"APPROVED\"}",
              false));
    }
    cases.add(
        json(
            "approve: unknown field actor",
            400,
            approve,
            "{\"version\":1,\"actor\":\"root\"}",
            true));
    cases.add(
        json(
            "flags: unknown field count",
            400,
            flags,
            "{\"reason\":\"spam\",\"count\":100}",
            false));
    cases.add(
        json(
            "check: unknown field standing (lenient)",
            200,
            check,
            "{\"body\":\"x\",\"standing\":\"TRUSTED\"}",
            true));

    // wrong content types
    for (String type :
        List.of(
            "text/plain",
            "application/xml",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x",
            "text/html",
            "application/octet-stream",
            "image/png")) {
      cases.add(typed("submit: Content-Type " + type, 415, submit, type));
    }
    cases.add(
        new Case(
            "submit: Content-Type garbage (refused before the API)",
            400,
            true,
            () -> answer(api.postRaw(submit, "@@@", "{}".getBytes(StandardCharsets.UTF_8)))));
    cases.add(typed("approve: Content-Type text/plain", 415, approve, "text/plain", admin()));
    cases.add(typed("flags: Content-Type application/xml", 415, flags, "application/xml"));
    cases.add(
        new Case(
            "submit: no Content-Type",
            415,
            false,
            () ->
                answer(
                    api.postRaw(
                        submit, null, comment("A", "x").getBytes(StandardCharsets.UTF_8)))));
    cases.add(
        new Case(
            "rules PUT: image/png",
            415,
            false,
            () -> answer(api.putRaw("/api/moderation/rules", "image/png", "x", admin()))));
    cases.add(
        new Case(
            "rules PUT: YAML that does not load",
            400,
            false,
            () ->
                answer(
                    api.putRaw(
                        "/api/moderation/rules", "application/yaml", "rules: [: {", admin()))));
    cases.add(
        new Case(
            "rules PUT: YAML alias bomb",
            400,
            false,
            () ->
                answer(
                    api.putRaw("/api/moderation/rules", "application/yaml", yamlBomb(), admin()))));
    cases.add(
        new Case(
            "rules PUT: empty YAML",
            400,
            false,
            () -> answer(api.putRaw("/api/moderation/rules", "application/yaml", "", admin()))));
    cases.add(
        new Case(
            "rules PUT: JSON rules a number",
            400,
            false,
            () -> answer(api.put("/api/moderation/rules", "{\"rules\":5}", admin()))));

    // odd article ids, on submit and on the thread
    // an encoded slash does not match the path at all; ".." is a valid article id by the contract
    cases.add(
        new Case(
            "submit: articleId ..%2F..%2Fetc%2Fpasswd (container)",
            404,
            true,
            () ->
                answer(
                    api.postRaw(
                        "/api/articles/..%2F..%2Fetc%2Fpasswd/comments",
                        "application/json", comment("A", "x").getBytes(StandardCharsets.UTF_8)))));
    cases.add(
        new Case(
            "thread: articleId ..%2F..%2Fetc%2Fpasswd (container)",
            404, true, () -> answer(api.get("/api/articles/..%2F..%2Fetc%2Fpasswd/comments"))));
    // the container refuses a NUL, invalid UTF-8 or a 10 KB segment in the path before the API sees
    // it
    for (String id : List.of("%00", "a".repeat(10_240))) {
      cases.add(
          new Case(
              "submit: articleId " + abbreviate(id) + " (container)",
              400,
              true,
              () ->
                  answer(
                      api.postRaw(
                          "/api/articles/" + id + "/comments",
                          "application/json",
                          comment("A", "x").getBytes(StandardCharsets.UTF_8)))));
      cases.add(
          new Case(
              "thread: articleId " + abbreviate(id) + " (container)",
              400,
              true,
              () -> answer(api.get("/api/articles/" + id + "/comments"))));
    }
    for (String id :
        List.of(
            "a%27%20OR%201%3D1--",
            "a%3BDROP%20TABLE%20comments",
            "%22%3E%3Cscript%3E",
            "a%0D%0ASet-Cookie:%20x=1",
            "%D1%81%D1%82%D0%B0%D1%82%D1%8C%D1%8F",
            "a".repeat(129),
            "a%20b",
            "%25",
            "a*b")) {
      cases.add(
          json(
              "submit: articleId " + abbreviate(id),
              400,
              "/api/articles/" + id + "/comments",
              comment("A", "x"),
              false));
      cases.add(
          get("thread: articleId " + abbreviate(id), 400, "/api/articles/" + id + "/comments"));
    }
    cases.add(
        get(
            "queue: articleId with SQL",
            400,
            "/api/moderation/queue?articleId=x%27%20OR%20%271%27%3D%271",
            admin()));
    cases.add(
        new Case(
            "queue: articleId 10k (container)",
            400,
            true,
            () ->
                answer(api.get("/api/moderation/queue?articleId=" + "a".repeat(10_240), admin()))));
    cases.add(
        get(
            "queue: articleId 129",
            400,
            "/api/moderation/queue?articleId=" + "a".repeat(129),
            admin()));

    // single comment and decision ids
    for (String id :
        List.of("abc", "-1", "99999999999999999999", "1%20OR%201%3D1", "1e3", "0x10")) {
      cases.add(get("comment: id " + id, 404, "/api/comments/" + id));
    }
    cases.add(
        new Case(
            "comment: id %00 (container)", 400, true, () -> answer(api.get("/api/comments/%00"))));
    cases.add(
        json(
            "approve: id ..",
            404,
            "/api/moderation/comments/..%2F1/approve",
            "{\"version\":1}",
            true));
    cases.add(
        json(
            "flags: id 99999999999999999999",
            404,
            "/api/comments/99999999999999999999/flags",
            "{\"reason\":\"spam\"}",
            false));

    // paging
    String thread = "/api/articles/" + article + "/comments";
    for (String q :
        List.of(
            "limit=-1",
            "limit=0",
            "limit=101",
            "limit=99999999999999999999",
            "limit=abc",
            "limit=1e3",
            "limit=%00",
            "cursor=garbage",
            "cursor=" + "A".repeat(2_000),
            "cursor=%00",
            "order=sideways",
            "limit=abc&limit=5",
            "limit=5&limit=500",
            "order=oldest&order=newest")) {
      cases.add(get("thread: " + abbreviate(q), 400, thread + "?" + q));
    }
    for (String q :
        List.of(
            "limit=-5",
            "limit=201",
            "limit=9999999999",
            "cursor=garbage",
            "cursor=-1",
            "status=..%2F",
            "status=PENDING%27",
            "order=x",
            "unclaimed=maybe",
            "author=" + "a".repeat(300),
            "category=" + "c".repeat(100),
            "status=PENDING&status=APPROVED")) {
      cases.add(get("queue: " + abbreviate(q), 400, "/api/moderation/queue?" + q, admin()));
    }
    for (String q :
        List.of(
            "commentId=abc",
            "commentId=99999999999999999999",
            "from=yesterday",
            "to=2024-13-45",
            "limit=0",
            "limit=5001",
            "commentId=1&commentId=2")) {
      cases.add(get("audit: " + q, 400, "/api/moderation/audit?" + q, admin()));
    }
    cases.add(get("counts: top=-1", 400, "/api/moderation/queue/counts?top=-1", admin()));

    // methods and representations
    cases.add(new Case("submit: DELETE", 405, false, () -> answer(api.delete(submit))));
    cases.add(
        new Case("thread: PATCH", 405, false, () -> answer(api.request("PATCH", thread, "{}"))));
    cases.add(get("thread: Accept application/xml", 406, thread, "Accept", "application/xml"));
    cases.add(get("unknown path under /api", 404, "/api/articles"));

    // headers: injection, garbage, duplicates
    cases.add(
        json(
            "submit: garbage X-Forwarded-For, bad body",
            400,
            submit,
            "{}",
            false,
            "X-Forwarded-For",
            "<script>, ' OR 1=1, " + "9".repeat(2000)));
    cases.add(
        json(
            "submit: garbage Accept-Language, bad body",
            400,
            submit,
            "{}",
            false,
            "Accept-Language",
            ";;;q=abc,*-*-*;q=9"));
    cases.add(
        new Case(
            "moderation: Basic credentials not base64",
            401,
            false,
            () -> answer(api.get("/api/moderation/queue", "Authorization", "Basic %%%%"))));
    cases.add(
        new Case(
            "moderation: Basic without a colon",
            401,
            false,
            () ->
                answer(
                    api.get(
                        "/api/moderation/queue",
                        "Authorization",
                        "Basic "
                            + Base64.getEncoder()
                                .encodeToString("admin".getBytes(StandardCharsets.UTF_8))))));
    cases.add(
        new Case(
            "moderation: Basic with NUL and 10k user (container: header too long)",
            400,
            true,
            () ->
                answer(
                    api.get(
                        "/api/moderation/queue",
                        "Authorization",
                        "Basic "
                            + Base64.getEncoder()
                                .encodeToString(
                                    ("\0" + "u".repeat(10_000) + ":x")
                                        .getBytes(StandardCharsets.UTF_8))))));
    cases.add(
        new Case(
            "raw: CRLF smuggled in a header value",
            400,
            true,
            () ->
                raw(
                    ("GET "
                            + thread
                            + "?limit=-1 HTTP/1.1\r\nHost: x\r\nX-Test: a\r\n\rInjected: b\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1),
                    new byte[0])));
    // LENIENT (Grizzly): a header line without a colon is skipped and the request served
    cases.add(
        new Case(
            "raw: header line without a colon (Grizzly skips it)",
            400,
            false,
            () ->
                raw(
                    ("GET "
                            + thread
                            + "?limit=-1 HTTP/1.1\r\nHost: x\r\nNoColonHere\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1),
                    new byte[0])));
    cases.add(
        new Case(
            "raw: two different Content-Lengths",
            400,
            true,
            () ->
                raw(
                    head(
                        "POST",
                        submit,
                        "Content-Type: application/json",
                        "Content-Length: 5",
                        "Content-Length: 500"),
                    "{}".getBytes(StandardCharsets.UTF_8))));
    cases.add(
        new Case(
            "raw: Content-Length and chunked together",
            400,
            true,
            () ->
                raw(
                    head(
                        "POST",
                        submit,
                        "Content-Type: application/json",
                        "Content-Length: 4",
                        "Transfer-Encoding: chunked"),
                    "2\r\n{}\r\n0\r\n\r\n".getBytes(StandardCharsets.UTF_8))));
    cases.add(
        new Case(
            "raw: Content-Length 2^70",
            400,
            true,
            () ->
                raw(
                    head(
                        "POST",
                        submit,
                        "Content-Type: application/json",
                        "Content-Length: 1180591620717411303424"),
                    "{}".getBytes(StandardCharsets.UTF_8))));
    cases.add(
        new Case(
            "raw: negative Content-Length",
            400,
            true,
            () ->
                raw(
                    head("POST", submit, "Content-Type: application/json", "Content-Length: -1"),
                    "{}".getBytes(StandardCharsets.UTF_8))));
    cases.add(
        new Case(
            "raw: chunk size not hex",
            400,
            true,
            () ->
                raw(
                    head(
                        "POST",
                        submit,
                        "Content-Type: application/json",
                        "Transfer-Encoding: chunked"),
                    "zz\r\n{}\r\n0\r\n\r\n".getBytes(StandardCharsets.UTF_8))));
    cases.add(
        new Case(
            "raw: chunk size 2^64",
            400,
            true,
            () ->
                raw(
                    head(
                        "POST",
                        submit,
                        "Content-Type: application/json",
                        "Transfer-Encoding: chunked"),
                    "10000000000000000\r\n{}\r\n0\r\n\r\n".getBytes(StandardCharsets.UTF_8))));
    cases.add(
        new Case(
            "raw: unknown transfer coding",
            400,
            true,
            () ->
                raw(
                    head(
                        "POST",
                        submit,
                        "Content-Type: application/json",
                        "Transfer-Encoding: gzip, chunked2"),
                    "{}".getBytes(StandardCharsets.UTF_8))));
    cases.add(
        new Case(
            "raw: request line with HTTP/9.9",
            505,
            true,
            () ->
                raw(
                    ("GET " + thread + " HTTP/9.9\r\nHost: x\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1),
                    new byte[0])));
    cases.add(
        new Case(
            "raw: NUL in the request target",
            400,
            true,
            () ->
                raw(
                    ("GET /api/comments/1\0 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1),
                    new byte[0])));
    cases.add(
        new Case(
            "raw: invalid UTF-8 in the path",
            400,
            true,
            () ->
                raw(
                    ("GET /api/articles/a%C3%28/comments HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1),
                    new byte[0])));
    cases.add(
        new Case(
            "raw: 64 KB header",
            400,
            true,
            () ->
                raw(
                    ("GET "
                            + thread
                            + " HTTP/1.1\r\nHost: x\r\nX-Big: "
                            + "b".repeat(65_536)
                            + "\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1),
                    new byte[0])));
    cases.add(
        new Case(
            "raw: duplicated Content-Type (container)",
            400,
            true,
            () ->
                raw(
                    head(
                        "POST",
                        submit,
                        "Content-Type: text/plain",
                        "Content-Type: application/json",
                        "Content-Length: 2"),
                    "{}".getBytes(StandardCharsets.UTF_8))));
    return cases;
  }

  // ---------------------------------------------------------------- requests

  private static Case json(
      String name, int expected, String path, String body, boolean asAdmin, String... headers) {
    return new Case(
        name,
        expected,
        false,
        () -> {
          String[] all = asAdmin ? concat(admin(), headers) : headers;
          return answer(
              api.postRaw(path, "application/json", body.getBytes(StandardCharsets.UTF_8), all));
        });
  }

  private static Case typed(
      String name, int expected, String path, String type, String... headers) {
    return new Case(
        name,
        expected,
        false,
        () ->
            answer(
                api.postRaw(
                    path,
                    type,
                    "{\"version\":1,\"authorName\":\"A\",\"body\":\"x\"}"
                        .getBytes(StandardCharsets.UTF_8),
                    headers)));
  }

  private static Case bytes(String name, int expected, String path, byte[] body) {
    return new Case(
        name, expected, false, () -> answer(api.postRaw(path, "application/json", body)));
  }

  /** {@code body} with its last {@code cut} bytes cut off (a truncated multi-byte character). */
  private static Case bytes(String name, int expected, String path, byte[] body, int cut) {
    byte[] b = java.util.Arrays.copyOf(body, body.length - cut);
    return bytes(name, expected, path, b);
  }

  private static Case get(String name, int expected, String path, String... headers) {
    return new Case(name, expected, false, () -> answer(api.get(path, headers)));
  }

  private static Answer answer(Api.Reply r) {
    return new Answer(r.status(), r.header("Content-Type"), r.body());
  }

  private static byte[] utf8Broken(byte[] inside) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes("{\"authorName\":\"A\",\"body\":\"x".getBytes(StandardCharsets.UTF_8));
    out.writeBytes(inside);
    out.writeBytes("y\"}".getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  private static String yamlBomb() {
    StringBuilder y =
        new StringBuilder(
            "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    char prev = 'a';
    for (char c = 'b'; c <= 'j'; c++) {
      y.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) y.append(i == 0 ? "" : ",").append('*').append(prev);
      y.append("]\n");
      prev = c;
    }
    return y.toString();
  }

  private static String auth() {
    return admin()[0] + ": " + admin()[1];
  }

  private static byte[] head(String method, String path, String... headers) {
    StringBuilder h = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    for (String header : headers) h.append(header).append("\r\n");
    h.append("Connection: close\r\n\r\n");
    return h.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  /**
   * Sends bytes as they are and reads whatever comes back until the server closes (15 s at most).
   */
  private static Answer raw(byte[] head, byte[] body) {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(15_000);
      OutputStream out = s.getOutputStream();
      out.write(head);
      try {
        out.write(body);
        out.flush();
      } catch (IOException refusedEarly) {
        // the server may answer and close before the body is sent
      }
      return parse(readAll(s.getInputStream()));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Streams a chunked body until the server answers or {@code total} bytes have gone. */
  private static Answer chunkedFlood(String path, int total) {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(15_000);
      OutputStream out = s.getOutputStream();
      out.write(head("POST", path, "Content-Type: application/json", "Transfer-Encoding: chunked"));
      byte[] chunk = ("4000\r\n" + "x".repeat(0x4000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
      try {
        for (int sent = 0; sent < total; sent += 0x4000) {
          out.write(chunk);
          if (s.getInputStream().available() > 0) break;
        }
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
      } catch (IOException answeredEarly) {
        // expected: the server refuses and closes while we are still sending
      }
      return parse(readAll(s.getInputStream()));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * Reads the answer: until it is complete (its declared length, or the last chunk), or the server
   * closes. A server that refuses a large declared body may keep the connection until the body's
   * rest would have come; waiting for that close cost 15 s a case.
   */
  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int n; (n = in.read(buffer)) > 0; ) {
        got.write(buffer, 0, n);
        if (complete(got.toByteArray())) break;
      }
    } catch (SocketTimeoutException hung) {
      if (got.size() == 0) throw new IllegalStateException("no answer within 15 s");
    } catch (IOException reset) {
      if (got.size() == 0) throw reset;
    }
    return got.toByteArray();
  }

  private static boolean complete(byte[] response) {
    String text = new String(response, StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    if (end < 0) return false;
    String head = text.substring(0, end).toLowerCase(java.util.Locale.ROOT);
    int bodyBytes = response.length - end - 4;
    if (head.contains("transfer-encoding: chunked")) return text.endsWith("\r\n0\r\n\r\n");
    for (String line : head.split("\r\n")) {
      if (line.startsWith("content-length:"))
        return bodyBytes >= Integer.parseInt(line.substring(15).strip());
    }
    return false;
  }

  private static Answer parse(byte[] response) {
    String text = new String(response, StandardCharsets.UTF_8);
    if (!text.startsWith("HTTP/")) return new Answer(-1, null, text);
    int status = Integer.parseInt(text.substring(9, 12));
    int end = text.indexOf("\r\n\r\n");
    String head = end < 0 ? text : text.substring(0, end);
    String body = end < 0 ? "" : text.substring(end + 4);
    String type = null;
    for (String line : head.split("\r\n")) {
      if (line.regionMatches(true, 0, "Content-Type:", 0, 13)) type = line.substring(13).strip();
    }
    if (head.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked"))
      body = dechunk(body);
    return new Answer(status, type, body);
  }

  private static String dechunk(String body) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < body.length()) {
      int eol = body.indexOf("\r\n", i);
      if (eol < 0) break;
      int size;
      try {
        size = Integer.parseInt(body.substring(i, eol).strip(), 16);
      } catch (NumberFormatException e) {
        break;
      }
      if (size == 0) break;
      out.append(body, eol + 2, Math.min(body.length(), eol + 2 + size));
      i = eol + 2 + size + 2;
    }
    return out.toString();
  }

  private static String abbreviate(String s) {
    String printable = s.replaceAll("\\p{Cntrl}", "·");
    return printable.length() > 40 ? printable.substring(0, 37) + "…" : printable;
  }

  private static String[] concat(String[] a, String[] b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
