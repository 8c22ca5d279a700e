package dev.commentmoderation.data.control;

import dev.commentmoderation.data.entity.SourceComment;
import dev.commentmoderation.data.entity.SourceState;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Set;

/**
 * This service's own export ({@code GET /api/moderation/export}), one comment per line: statuses
 * and verdicts are taken as exported, so an export imported into an empty instance gives the same
 * threads. A comment keeps the source id it was imported with; one written on the exporting
 * instance gets {@code cm:<its id there>}.
 */
final class JsonLinesReader implements SourceReader {

  /** A line holds a verdict (at most 30,000 characters) and a body (5,000): far below this. */
  static final int MAX_LINE = 1 << 20;

  private static final Set<String> STATUSES = Set.of("APPROVED", "PENDING", "REJECTED");
  private static final Set<String> DECISIONS = Set.of("APPROVE", "HOLD", "REJECT");

  private final BufferedReader lines;
  private int line;

  JsonLinesReader(InputStream in) {
    this.lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
  }

  @Override
  public SourceComment next() {
    while (true) {
      String text = readLine();
      if (text == null) return null;
      if (text.isBlank()) continue;
      JsonObject o;
      try (var reader = Json.createReader(new StringReader(text))) {
        o = reader.readObject();
      } catch (JsonException | IllegalStateException e) {
        throw new MalformedSource(line, null, "not a JSON object: " + e.getMessage(), e);
      }
      return comment(o);
    }
  }

  private String readLine() {
    StringBuilder b = new StringBuilder();
    try {
      int c;
      while ((c = lines.read()) >= 0) {
        if (c == '\n') break;
        if (b.length() >= MAX_LINE)
          throw new MalformedSource(line + 1, null, "line longer than " + MAX_LINE + " characters");
        b.append((char) c);
      }
      if (c < 0 && b.length() == 0) return null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    line++;
    return b.toString();
  }

  private SourceComment comment(JsonObject o) {
    String id = string(o, "id");
    if (id == null) throw new MalformedSource(line, "id", "missing");
    String article = string(o, "articleId");
    if (article == null || !ArticleIdRule.VALID.matcher(article).matches())
      throw new MalformedSource(line, "articleId", "missing or not an article id");
    String status = string(o, "status");
    if (status == null || !STATUSES.contains(status))
      throw new MalformedSource(line, "status", "not APPROVED, PENDING or REJECTED");
    String decision = string(o, "engineDecision");
    if (decision == null || !DECISIONS.contains(decision))
      throw new MalformedSource(line, "engineDecision", "not APPROVE, HOLD or REJECT");
    OffsetDateTime created = XmlSource.time(string(o, "createdAt"));
    if (created == null) throw new MalformedSource(line, "createdAt", "missing or not a time");
    JsonValue verdict = o.get("verdict");
    if (verdict == null || verdict.getValueType() != JsonValue.ValueType.OBJECT)
      throw new MalformedSource(line, "verdict", "missing");
    String source = string(o, "sourceId");
    String parentSource = string(o, "parentSourceId");
    String parent = string(o, "parentId");
    if (parentSource == null && parent != null) parentSource = "cm:" + parent;
    String body = string(o, "body");
    String ruleSet = string(o, "ruleSetVersion");
    return new SourceComment(
        source != null ? source : "cm:" + id,
        parentSource,
        article,
        SourceTexts.cut(nonNull(string(o, "authorName"), "anonymous"), SourceTexts.MAX_NAME),
        SourceTexts.email(string(o, "authorEmail")),
        SourceTexts.cut(nonNull(body, ""), SourceTexts.MAX_BODY),
        created,
        status.equals("APPROVED")
            ? SourceState.PUBLISHED
            : status.equals("PENDING") ? SourceState.PENDING : SourceState.DELETED,
        new SourceComment.Stored(
            status,
            decision,
            verdict.toString(),
            SourceTexts.cut(nonNull(ruleSet, "import"), 64),
            string(o, "topCategory"),
            string(o, "topRule"),
            o.containsKey("severity") && o.get("severity") instanceof jakarta.json.JsonNumber n
                ? n.intValue()
                : 0));
  }

  private static String nonNull(String s, String otherwise) {
    return s == null ? otherwise : s;
  }

  private static String string(JsonObject o, String key) {
    JsonValue v = o.get(key);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) return null;
    if (v instanceof jakarta.json.JsonString s) return s.getString();
    return v.toString();
  }

  @Override
  public long unusable() {
    return 0;
  }

  @Override
  public void close() {
    try {
      lines.close();
    } catch (IOException e) {
      // read to the end or abandoned: nothing to keep
    }
  }
}
