package dev.commentmoderation.it;

import static dev.commentmoderation.it.Api.admin;
import static dev.commentmoderation.it.Api.from;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 13 items 1-3 from outside, on the real microbundle: Disqus and WordPress imports (threads,
 * nesting, spam, deleted, pending, Cyrillic and Kyrgyz text) checked through the public thread and
 * the queue, a second import adding nothing, a broken or hostile file failing with nothing
 * published, 100,000 generated comments, export and import back, a reader's data and its erasure
 * checked over every text column of every table (over JDBC into the shared service's database), and
 * retention. On the shared service: every test uses fresh source ids, article ids and e-mails.
 */
@ExtendWith(SharedService.class)
class DataLifecycleIT {

  static Api api;
  static String jdbcUrl;
  static String jdbcUser;
  static String jdbcPassword;

  @BeforeAll
  static void start() {
    api = SharedService.api();
    jdbcUrl = SharedService.jdbcUrl();
    boolean postgres = "postgres".equals(System.getProperty("it.database"));
    // SharedService names no user for H2, but the service created its H2 file as its own
    // configured user (default comments/comments), which H2 then requires
    jdbcUser =
        postgres
            ? SharedService.jdbcUser()
            : System.getenv().getOrDefault("COMMENTS_DB_USER", "comments");
    jdbcPassword =
        postgres
            ? SharedService.jdbcPassword()
            : System.getenv().getOrDefault("COMMENTS_DB_PASSWORD", "comments");
  }

  // ------------------------------------------------------------------ helpers

  static String token() {
    return Long.toString(System.nanoTime(), 36);
  }

  /** A test file with this run's ids: source ids, article ids and the reader's e-mail fresh. */
  static String file(String name, String run, String email) throws IOException {
    try (InputStream in = DataLifecycleIT.class.getResourceAsStream("/imports/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .replace("RUN", run)
          .replace("ARTICLE_", "imp-" + run + "-")
          .replace("READER_EMAIL", email);
    }
  }

  static JsonObject startImport(String format, HttpRequest.BodyPublisher body, String query) {
    return startImport(api, format, body, query);
  }

  static JsonObject startImport(
      Api api, String format, HttpRequest.BodyPublisher body, String query) {
    var reply =
        api.send(
            HttpRequest.newBuilder(api.uri("/api/moderation/imports?format=" + format + query))
                .header(
                    "Content-Type",
                    format.equals("jsonl") ? "application/x-ndjson" : "application/xml")
                .POST(body),
            admin());
    assertEquals(202, reply.status(), reply.toString());
    assertNotNull(reply.header("Location"));
    return reply.json();
  }

  /** Runs an import to its end; returns the finished job and the heap peak seen meanwhile. */
  static JsonObject importAndWait(String format, String text, String query) throws Exception {
    return importAndWait(api, format, text, query);
  }

  static JsonObject importAndWait(Api api, String format, String text, String query)
      throws Exception {
    return waitFor(
        api,
        startImport(
            api, format, HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8), query),
        null);
  }

  static JsonObject waitFor(JsonObject job, long[] heapPeak) throws Exception {
    return waitFor(api, job, heapPeak);
  }

  static JsonObject waitFor(Api api, JsonObject job, long[] heapPeak) throws Exception {
    // a file that fails at its second line may have failed before the 202 was written
    assertTrue(
        java.util.Set.of("RUNNING", "DONE", "FAILED").contains(job.getString("state")),
        job.toString());
    long deadline = System.nanoTime() + (heapPeak != null ? 900 : 180) * 1_000_000_000L;
    while (System.nanoTime() < deadline) {
      var poll = api.get("/api/moderation/imports/" + job.getString("id"), admin());
      assertEquals(200, poll.status(), poll.toString());
      JsonObject now = poll.json();
      if (!now.getString("state").equals("RUNNING")) return now;
      if (heapPeak != null) heapPeak[0] = Math.max(heapPeak[0], usedHeap());
      Thread.sleep(heapPeak != null ? 100 : 50);
    }
    throw new AssertionError("the import did not finish: " + job);
  }

  static long usedHeap() {
    var m = api.get("/metrics", admin());
    Matcher matcher =
        Pattern.compile("(?m)^(?:base_)?memory_usedHeap_bytes(?:\\{[^}]*})? ([0-9.eE+]+)")
            .matcher(m.body());
    return matcher.find() ? (long) Double.parseDouble(matcher.group(1)) : -1;
  }

  static JsonObject thread(String article) {
    return thread(api, article);
  }

  static JsonObject thread(Api api, String article) {
    var reply = api.get("/api/articles/" + article + "/comments?limit=100");
    assertEquals(200, reply.status(), reply.toString());
    return reply.json();
  }

  /** A thread without ids: who said what when, nested as shown. */
  static String shape(JsonArray comments) {
    StringBuilder b = new StringBuilder("[");
    for (JsonValue v : comments) {
      JsonObject c = v.asJsonObject();
      b.append('{')
          .append(c.getString("authorName"))
          .append('|')
          .append(c.getString("body"))
          .append('|')
          .append(c.getString("createdAt"))
          .append('|')
          .append(shape(c.getJsonArray("replies")))
          .append('}');
    }
    return b.append(']').toString();
  }

  static List<String> bodies(JsonArray comments) {
    List<String> all = new ArrayList<>();
    for (JsonValue v : comments) {
      all.add(v.asJsonObject().getString("body"));
      all.addAll(bodies(v.asJsonObject().getJsonArray("replies")));
    }
    return all;
  }

  static List<String> queueBodies(String article) {
    return queueBodies(api, article);
  }

  static List<String> queueBodies(Api api, String article) {
    var reply = api.get("/api/moderation/queue?status=PENDING&articleId=" + article, admin());
    assertEquals(200, reply.status(), reply.toString());
    List<String> all = new ArrayList<>();
    for (JsonValue v : reply.json().getJsonArray("items"))
      all.add(v.asJsonObject().getString("body"));
    return all;
  }

  static void assertCounts(JsonObject job, int read, int imported, int skipped, int failed) {
    assertEquals("DONE", job.getString("state"), job.toString());
    assertEquals(read, job.getInt("read"), job.toString());
    assertEquals(imported, job.getInt("imported"), job.toString());
    assertEquals(skipped, job.getInt("skipped"), job.toString());
    assertEquals(failed, job.getInt("failed"), job.toString());
  }

  // ------------------------------------------------------------------ imports

  @Test
  void disqusImportCarriesThreadsOverAndASecondImportAddsNothing() throws Exception {
    String run = token();
    String text = file("disqus-export.xml", run, "aigul-" + run + "@example.kg");
    assertCounts(importAndWait("disqus", text, ""), 8, 8, 0, 0);

    JsonObject a = thread("imp-" + run + "-A");
    assertEquals(1, a.getJsonArray("comments").size(), a.toString());
    JsonObject first = a.getJsonArray("comments").getJsonObject(0);
    assertEquals("Айгүл", first.getString("authorName"));
    assertEquals("Хорошая статья, спасибо!\nЖду продолжения & деталей.", first.getString("body"));
    assertEquals("2024-03-01T10:00:00Z", first.getString("createdAt"));
    JsonObject reply = first.getJsonArray("replies").getJsonObject(0);
    assertEquals("Согласен с Айгүл.", reply.getString("body"));
    assertEquals(first.getString("id"), reply.getString("parentId"));
    JsonObject replyToReply = reply.getJsonArray("replies").getJsonObject(0);
    assertEquals("Рахмат, абдан жакшы жазылган макала!\nЫрахмат.", replyToReply.getString("body"));
    assertEquals(1, first.getJsonArray("replies").size(), "the deleted reply is not shown");
    String all = a.toString();
    assertFalse(all.contains("кредиты"), "spam is not published");
    assertFalse(all.contains("удалён автором"), "deleted is not published");
    assertEquals(List.of("Ждёт проверки модератором."), queueBodies("imp-" + run + "-A"));

    JsonObject b = thread("imp-" + run + "-B");
    assertEquals(
        List.of("Манас — биздин улуу мурасыбыз.", "Туура айтасыз, Нурлан."),
        bodies(b.getJsonArray("comments")));

    assertCounts(importAndWait("disqus", text, ""), 8, 0, 8, 0);
    assertEquals(a.toString(), thread("imp-" + run + "-A").toString(), "nothing added");
  }

  @Test
  void wordPressImportSkipsPingbacksAndKeepsStates() throws Exception {
    String run = token();
    String text = file("wordpress-export.xml", run, "gulnara-" + run + "@example.kg");
    assertCounts(importAndWait("wxr", text, ""), 7, 6, 1, 0);
    JsonObject w = thread("imp-" + run + "-W");
    assertEquals(
        "[{Гүлнара|Нан кымбаттап жатат, бул чын.|2024-04-01T08:00:00Z|"
            + "[{Сергей|В Оше тоже подорожал.|2024-04-01T08:30:00Z|"
            + "[{Гүлнара|Ооба, баары кымбат.|2024-04-01T09:00:00Z|[]}]}]}]",
        shape(w.getJsonArray("comments")));
    assertEquals(List.of("Жооп күтүп жатам."), queueBodies("imp-" + run + "-W"));
    assertCounts(importAndWait("wxr", text, ""), 7, 0, 7, 0);
  }

  @Test
  void aModeratedImportHoldsWhatTheRulesWouldHold() throws Exception {
    String run = token();
    String article = "imp-" + run + "-M";
    String text =
        "<disqus xmlns:dsq=\"http://disqus.com/disqus-internals\">"
            + "<thread dsq:id=\"t"
            + run
            + "\"><id>"
            + article
            + "</id></thread>"
            + post("m1" + run, "t" + run, null, "Спасибо, полезная статья про дороги.", "true")
            + post("m2" + run, "t" + run, null, "Автор идиот, ничего не понимает.", "true")
            + "</disqus>";
    assertCounts(importAndWait("disqus", text, "&moderate=true"), 2, 2, 0, 0);
    assertEquals(
        List.of("Спасибо, полезная статья про дороги."),
        bodies(thread(article).getJsonArray("comments")));
    assertEquals(List.of("Автор идиот, ничего не понимает."), queueBodies(article));
  }

  static String post(String id, String thread, String parent, String body, String approved) {
    return "<post dsq:id=\""
        + id
        + "\"><message><![CDATA["
        + body
        + "]]></message><createdAt>2024-05-01T10:00:00Z</createdAt><isDeleted>false</isDeleted>"
        + "<isSpam>false</isSpam><author><name>Читатель</name></author><thread dsq:id=\""
        + thread
        + "\"/>"
        + (parent == null ? "" : "<parent dsq:id=\"" + parent + "\"/>")
        + "<isApproved>"
        + approved
        + "</isApproved></post>";
  }

  @Test
  void aBrokenFileFailsNamingTheLineAndPublishesNothing() throws Exception {
    String run = token();
    String article = "imp-" + run + "-X";
    StringBuilder good =
        new StringBuilder(
            "<disqus xmlns:dsq=\"http://disqus.com/disqus-internals\">\n<thread dsq:id=\"t"
                + run
                + "\"><id>"
                + article
                + "</id></thread>\n");
    for (int i = 0; i < 2500; i++)
      good.append(post("x" + i + "-" + run, "t" + run, null, "Комментарий номер " + i, "true"))
          .append('\n');
    // line 2503: an unclosed element after 2,500 good posts (more than two staging batches)
    String broken = good + "<post dsq:id=\"bad\"><message>oops</post>\n</disqus>\n";
    JsonObject failed = importAndWait("disqus", broken, "");
    assertEquals("FAILED", failed.getString("state"), failed.toString());
    assertTrue(failed.getString("error").contains("line 2503"), failed.toString());
    assertEquals(0, failed.getInt("imported"));
    assertEquals(0, thread(article).getInt("total"), "nothing of a failed job is published");

    // the same posts in a sound file import in full: nothing was left behind by the failure
    assertCounts(importAndWait("disqus", good + "</disqus>\n", ""), 2500, 2500, 0, 0);
    assertEquals(2500, thread(article).getInt("total"));

    // an external entity is refused, not read
    String xxe =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE disqus [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
            + "<disqus xmlns:dsq=\"d\"><thread dsq:id=\"z"
            + run
            + "\"><id>"
            + article
            + "-xxe</id></thread>"
            + post("z1" + run, "z" + run, null, "&x;", "true")
            + "</disqus>";
    JsonObject refused = importAndWait("disqus", xxe, "");
    assertEquals("FAILED", refused.getString("state"), refused.toString());
    assertFalse(refused.toString().contains("root:"), refused.toString());
    assertEquals(0, thread(article + "-xxe").getInt("total"));
  }

  @Test
  void importsAreForAdminsAndAskForAKnownFormat() {
    var none =
        api.postRaw(
            "/api/moderation/imports?format=disqus",
            "application/xml",
            "<disqus/>".getBytes(StandardCharsets.UTF_8));
    assertEquals(401, none.status(), none.toString());
    var bad =
        api.postRaw(
            "/api/moderation/imports?format=csv",
            "application/xml",
            "<disqus/>".getBytes(StandardCharsets.UTF_8),
            admin());
    assertEquals(400, bad.status(), bad.toString());
    assertTrue(bad.header("Content-Type").startsWith("application/problem+json"), bad.toString());
    assertEquals(404, api.get("/api/moderation/imports/999999999", admin()).status());
    assertEquals(404, api.get("/api/moderation/imports/x", admin()).status());
    assertEquals(401, api.get("/api/moderation/export").status());
    assertEquals(401, api.get("/api/moderation/readers/data?email=a@b.kg").status());
    assertEquals(400, api.get("/api/moderation/readers/data", admin()).status());
    assertEquals(400, api.get("/api/moderation/readers/data?email=nope", admin()).status());
  }

  // ------------------------------------------------------------------ scale

  @Test
  void aHundredThousandComments() throws Exception {
    String run = token();
    Path generated = Path.of("target", "disqus-100k-" + run + ".xml");
    // both databases import the full 100,000 (about a minute on H2, whose one-transaction
    // publication is the slow part: BENCHMARKS.md, "Import"); -Dit.import.comments for another size
    int posts = Integer.getInteger("it.import.comments", 100_000);
    int threads = posts / 100;
    try (BufferedWriter w = Files.newBufferedWriter(generated, StandardCharsets.UTF_8)) {
      w.write("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
      w.write(
          "<disqus xmlns=\"http://disqus.com\" xmlns:dsq=\"http://disqus.com/disqus-internals\">\n");
      for (int t = 0; t < threads; t++)
        w.write(
            "<thread dsq:id=\"g"
                + run
                + "-"
                + t
                + "\"><id/><link>https://news.example/big-"
                + run
                + "/"
                + t
                + "/</link></thread>\n");
      for (int i = 0; i < posts; i++) {
        int t = i % threads;
        // every comment after a thread's first replies to the comment before it, up to depth 4
        String parent =
            i >= threads && (i / threads) % 5 != 0 ? "g" + run + "-p" + (i - threads) : null;
        w.write(
            "<post dsq:id=\"g"
                + run
                + "-p"
                + i
                + "\"><message><![CDATA[<p>Комментарий "
                + i
                + " к новости: жакшы макала, рахмат!</p>]]></message><createdAt>2024-01-01T"
                + String.format("%02d:%02d:%02d", (i / 3600) % 24, (i / 60) % 60, i % 60)
                + "Z</createdAt><isDeleted>false</isDeleted><isSpam>"
                + (i % 50 == 7)
                + "</isSpam><author><email>reader"
                + (i % 5000)
                + "@example.kg</email><name>Читатель "
                + (i % 5000)
                + "</name></author><thread dsq:id=\"g"
                + run
                + "-"
                + t
                + "\"/>"
                + (parent == null ? "" : "<parent dsq:id=\"" + parent + "\"/>")
                + "</post>\n");
      }
      w.write("</disqus>\n");
    }
    long bytes = Files.size(generated);
    // the baseline in the same run: the same file read by the same reader, no database at all
    long p0 = System.nanoTime();
    long parsed = 0;
    try (InputStream in =
            new java.io.BufferedInputStream(Files.newInputStream(generated), 1 << 16);
        var reader =
            dev.commentmoderation.data.control.SourceFormat.DISQUS.reader(
                in, dev.commentmoderation.data.control.ArticleIdRule.defaults())) {
      while (reader.next() != null) parsed++;
    }
    double parseSeconds = (System.nanoTime() - p0) / 1e9;
    assertEquals(posts, parsed);
    long[] heap = {usedHeap()};
    long before = heap[0];
    long t0 = System.nanoTime();
    JsonObject job =
        waitFor(startImport("disqus", HttpRequest.BodyPublishers.ofFile(generated), ""), heap);
    double seconds = (System.nanoTime() - t0) / 1e9;
    assertCounts(job, posts, posts, 0, 0);
    Api.report(
        "DataLifecycleIT (%s): %d comments (%.1f MB) imported in %.1f s = %.0f comments/s"
            + " (upload, parse, stage, link, publish); the file parsed alone in the test JVM:"
            + " %.1f s = %.0f comments/s; used heap sampled every 100 ms: %.0f MiB before, %.0f"
            + " MiB peak (service -Xmx512m)%n",
        System.getProperty("it.database", "h2"),
        posts,
        bytes / 1e6,
        seconds,
        posts / seconds,
        parseSeconds,
        posts / parseSeconds,
        before / 1048576.0,
        heap[0] / 1048576.0);
    // thread 3 has 100 comments: 20 top-level chains of 5 (spam, i % 50 == 7, never hits t = 3)
    JsonObject three = thread("big-" + run + "-3");
    assertEquals(20, three.getJsonArray("comments").size(), three.toString().substring(0, 200));
    JsonObject chain = three.getJsonArray("comments").getJsonObject(0);
    for (int depth = 0; depth < 4; depth++) {
      assertEquals(1, chain.getJsonArray("replies").size(), "depth " + depth);
      chain = chain.getJsonArray("replies").getJsonObject(0);
    }
    Files.deleteIfExists(generated);
  }

  // ------------------------------------------------------------------ export

  @Test
  void exportThenImportGivesTheSameThreads() throws Exception {
    String run = token();
    String email = "export-" + run + "@example.kg";
    String article = "imp-" + run + "-A";
    assertCounts(importAndWait("disqus", file("disqus-export.xml", run, email), ""), 8, 8, 0, 0);
    var export = api.get("/api/moderation/export?articleId=" + article, admin());
    assertEquals(200, export.status(), export.toString());
    assertTrue(export.header("Content-Type").startsWith("application/x-ndjson"), export.toString());
    String[] lines = export.body().split("\n");
    assertEquals(6, lines.length, "every comment of the article, all statuses: " + export.body());
    Map<String, Integer> statuses = new HashMap<>();
    for (String line : lines) {
      JsonObject o = Json.createReader(new StringReader(line)).readObject();
      statuses.merge(o.getString("status"), 1, Integer::sum);
      assertTrue(o.containsKey("verdict") && o.containsKey("decisions"), line);
    }
    assertEquals(Map.of("APPROVED", 3, "PENDING", 1, "REJECTED", 2), statuses);

    // the same file into a copy of the article: another article id and other source ids stand for
    // "an empty instance" (one service per class keeps CI within its budget); the import reads
    // nothing but the file, so it cannot tell the difference
    String copy = "imp-" + run + "-copy";
    String moved =
        export
            .body()
            .replace("\"articleId\":\"" + article + "\"", "\"articleId\":\"" + copy + "\"")
            .replace("\"sourceId\":\"disqus:", "\"sourceId\":\"copy:")
            .replace("\"parentSourceId\":\"disqus:", "\"parentSourceId\":\"copy:");
    assertCounts(importAndWait("jsonl", moved, ""), 6, 6, 0, 0);
    assertEquals(
        shape(thread(article).getJsonArray("comments")),
        shape(thread(copy).getJsonArray("comments")));
    assertEquals(queueBodies(article), queueBodies(copy));
    var again = api.get("/api/moderation/export?articleId=" + copy, admin()).body();
    assertEquals(6, again.split("\n").length);
  }

  /**
   * A site leaving for another installation: what this instance exports, imported into a new
   * instance with an empty database, shows the same threads and the same queue, and exports the
   * same lines again (ids aside). Once per CI run, on PostgreSQL: a second service costs its
   * start-up, and the import path itself is checked on both databases above.
   */
  @Test
  void exportImportedIntoAnEmptyInstanceGivesTheSameThreads() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        "postgres".equals(System.getProperty("it.database")), "PostgreSQL pass only");
    String run = token();
    String email = "leave-" + run + "@example.kg";
    assertCounts(importAndWait("disqus", file("disqus-export.xml", run, email), ""), 8, 8, 0, 0);
    List<String> articles = List.of("imp-" + run + "-A", "imp-" + run + "-B");
    StringBuilder exported = new StringBuilder();
    Map<String, String> exportedOf = new HashMap<>();
    for (String article : articles) {
      var export = api.get("/api/moderation/export?articleId=" + article, admin());
      assertEquals(200, export.status(), export.toString());
      exportedOf.put(article, export.body());
      exported.append(export.body());
      if (!export.body().endsWith("\n")) exported.append('\n');
    }
    int lines = exported.toString().split("\n").length;

    String empty = SharedService.freshPostgresDatabase("empty_instance");
    Map<String, String> env = new HashMap<>(SharedService.ENV);
    env.put("COMMENTS_DB_URL", empty);
    env.put("COMMENTS_DB_USER", SharedService.jdbcUser());
    env.put("COMMENTS_DB_PASSWORD", SharedService.jdbcPassword());
    // no retention job there (minute 23 of every hour): it would strip these 2024 e-mails
    env.put("COMMENTS_RETENTION_DAYS", "0");
    try (ServiceProcess other = new ServiceProcess("empty-instance", env)) {
      Api there = other.start();
      assertEquals(
          0,
          there.get("/api/moderation/export", admin()).body().lines().count(),
          "the new instance starts empty");
      assertCounts(importAndWait(there, "jsonl", exported.toString(), ""), lines, lines, 0, 0);
      for (String article : articles) {
        assertEquals(
            shape(thread(article).getJsonArray("comments")),
            shape(thread(there, article).getJsonArray("comments")),
            article);
        assertEquals(queueBodies(article), queueBodies(there, article), article);
        // against the lines carried over, not a new export here: the shared instance's hourly
        // retention may strip the e-mails of these 2024 comments at any moment
        assertEquals(
            carried(exportedOf.get(article)),
            carried(there.get("/api/moderation/export?articleId=" + article, admin()).body()),
            article);
      }
      // importing the same export again adds nothing
      assertCounts(importAndWait(there, "jsonl", exported.toString(), ""), lines, 0, lines, 0);
    }
  }

  /**
   * What an export line says about a comment that another instance keeps as it was: not the ids it
   * numbers anew, nor the audit trail of the import itself.
   */
  static List<String> carried(String export) {
    List<String> fields =
        List.of(
            "sourceId",
            "articleId",
            "parentSourceId",
            "authorName",
            "authorEmail",
            "body",
            "status",
            "createdAt",
            "decidedAt",
            "language",
            "engineDecision",
            "topCategory",
            "topRule");
    return export
        .lines()
        .map(
            l -> {
              JsonObject o = Json.createReader(new StringReader(l)).readObject();
              StringBuilder b = new StringBuilder();
              for (String f : fields) b.append(f).append('=').append(o.get(f)).append(';');
              return b.toString();
            })
        .sorted()
        .toList();
  }

  // ------------------------------------------------------------------ a reader's data

  @Test
  void erasureLeavesNoTraceOfTheEmailInAnyTable() throws Exception {
    String run = token();
    String email = "erase-" + run + "@example.kg";
    String article = "imp-" + run + "-A";
    importAndWait("disqus", file("disqus-export.xml", run, email), "");
    String reader = "2001:db8:e::" + Integer.toHexString((int) (System.nanoTime() & 0xfff) + 1);
    // a live comment of theirs (with a client hash), a report from them, a sanction naming them
    var live =
        api.post(
            "/api/articles/" + article + "/comments",
            "{\"authorName\":\"Айгүл\",\"authorEmail\":\""
                + email.toUpperCase(java.util.Locale.ROOT)
                + "\",\"body\":\"Ещё один комментарий от меня, Айгүл.\"}",
            from(reader));
    assertEquals(201, live.status(), live.toString());
    String other = thread(article).getJsonArray("comments").getJsonObject(0).getString("id");
    assertEquals(
        202,
        api.post(
                "/api/comments/" + other + "/flags",
                "{\"reason\":\"other\",\"note\":\"от " + email + "\"}",
                from(reader))
            .status());
    var sanction =
        api.post(
            "/api/moderation/sanctions",
            "{\"kind\":\"premoderate\",\"target\":{\"commentId\":\""
                + live.json().getString("id")
                + "\"},\"reason\":\"пишет с адреса "
                + email
                + "\"}",
            admin());
    assertEquals(201, sanction.status(), sanction.toString());
    assertTrue(thread(article).toString().contains("Хорошая статья"), "cached before erasure");

    var data = api.get("/api/moderation/readers/data?email=" + email, admin());
    assertEquals(200, data.status(), data.toString());
    JsonObject d = data.json();
    assertEquals(3, d.getJsonArray("comments").size(), d.toString());
    assertEquals(1, d.getJsonArray("reports").size(), d.toString());
    assertEquals(1, d.getJsonArray("sanctions").size(), d.toString());
    assertFalse(d.getJsonArray("auditEntries").isEmpty(), d.toString());

    var erased =
        api.post("/api/moderation/readers/erase", "{\"email\":\"" + email + "\"}", admin());
    assertEquals(200, erased.status(), erased.toString());
    JsonObject counts = erased.json();
    assertEquals(3, counts.getInt("comments"), counts.toString());
    assertEquals(1, counts.getInt("reports"), counts.toString());
    assertEquals(1, counts.getInt("sanctions"), counts.toString());
    assertTrue(counts.getInt("auditEntries") >= 1, counts.toString());

    String after = thread(article).toString();
    assertFalse(after.contains("Хорошая статья"), "no cache serves the erased text: " + after);
    assertFalse(after.contains("Айгүл\""), after);
    assertTrue(after.contains("[удалено]"), after);
    assertTrue(
        after.contains("Согласен с Айгүл."), "other readers' replies stay (they quote a name)");

    List<String> traces = traces(email);
    assertTrue(traces.isEmpty(), "the e-mail is still in " + traces);
    assertEquals(
        0,
        api.get("/api/moderation/readers/data?email=" + email, admin())
            .json()
            .getJsonArray("comments")
            .size());
    var audit = api.get("/api/moderation/audit?subject=reader", admin());
    assertTrue(audit.body().contains("READER_ERASED"), audit.toString());
  }

  /** Every text column of every table (read from the catalogue) that still holds the text. */
  static List<String> traces(String text) throws Exception {
    List<String> found = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(jdbcUrl, jdbcUser, jdbcPassword)) {
      List<String[]> columns = new ArrayList<>();
      try (Statement s = c.createStatement();
          ResultSet r =
              s.executeQuery(
                  "SELECT c.table_name, c.column_name FROM information_schema.columns c JOIN"
                      + " information_schema.tables t ON t.table_schema = c.table_schema AND"
                      + " t.table_name = c.table_name WHERE t.table_type = 'BASE TABLE' AND"
                      + " LOWER(c.table_schema) = 'public' AND LOWER(c.data_type) IN ('character"
                      + " varying', 'varchar', 'text', 'character', 'char', 'character large"
                      + " object', 'clob')")) {
        while (r.next()) columns.add(new String[] {r.getString(1), r.getString(2)});
      }
      assertTrue(columns.size() > 30, "the catalogue lists the text columns: " + columns.size());
      for (String[] col : columns) {
        try (var q =
            c.prepareStatement(
                "SELECT COUNT(*) FROM " + col[0] + " WHERE LOWER(" + col[1] + ") LIKE ?")) {
          q.setString(1, "%" + text.toLowerCase(java.util.Locale.ROOT) + "%");
          try (ResultSet r = q.executeQuery()) {
            r.next();
            if (r.getLong(1) > 0) found.add(col[0] + "." + col[1] + " (" + r.getLong(1) + ")");
          }
        }
      }
    }
    return found;
  }

  @Test
  void retentionRemovesEmailsOfOldComments() throws Exception {
    String run = token();
    String email = "old-" + run + "@example.kg";
    importAndWait("disqus", file("disqus-export.xml", run, email), "");
    assertFalse(traces(email).isEmpty());
    var cleared = api.post("/api/moderation/retention", "{}", admin());
    assertEquals(200, cleared.status(), cleared.toString());
    assertTrue(cleared.json().getInt("comments") >= 2, cleared.toString());
    assertEquals(List.of(), traces(email), "comments from 2024 are past 365 days");
    assertTrue(thread("imp-" + run + "-A").toString().contains("Хорошая статья"), "bodies stay");
  }
}
