package dev.commentmoderation.classifier.control;

import dev.commentmoderation.comment.control.ExternalClassifier.Finding;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads the classifier's answer: one score {@code {"category":"threat","score":0.93}}, optionally
 * with {@code "start"}/{@code "end"} (UTF-16 offsets into the body sent, end exclusive), or a list
 * of them, as a JSON array or as {@code {"results":[...]}}. Anything else is not an answer: the
 * comment is then judged by the rules alone and the call counts as a failure.
 */
final class ClassifierAnswers {

  /** At most this many findings are kept (the strongest), so one answer cannot bloat a verdict. */
  static final int MAX_FINDINGS = 5;

  /** A category is a short name: it is stored and filtered on in the moderation queue. */
  private static final Pattern CATEGORY = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

  private ClassifierAnswers() {}

  /** Not an answer as documented: garbage, wrong types, a score outside 0..1, a span outside. */
  static final class NotAnAnswer extends Exception {
    private static final long serialVersionUID = 1L;

    NotAnAnswer(String message) {
      super(message, null, false, false);
    }
  }

  /** The findings scored at or above {@code threshold}, strongest first. */
  static List<Finding> read(byte[] json, int bodyLength, double threshold) throws NotAnAnswer {
    JsonValue root;
    try (JsonReader reader =
        Json.createReader(
            new java.io.InputStreamReader(
                new ByteArrayInputStream(json), StandardCharsets.UTF_8))) {
      root = reader.readValue();
    } catch (JsonException | IllegalStateException e) {
      throw new NotAnAnswer("not JSON");
    }
    List<JsonValue> scores;
    if (root instanceof JsonArray array) {
      scores = array;
    } else if (root instanceof JsonObject object && object.containsKey("results")) {
      if (!(object.get("results") instanceof JsonArray array))
        throw new NotAnAnswer("results is not a list");
      scores = array;
    } else if (root instanceof JsonObject object) {
      scores = List.of(object);
    } else {
      throw new NotAnAnswer("neither an object nor a list");
    }
    List<Finding> findings = new ArrayList<>();
    for (JsonValue value : scores) {
      Finding f = finding(value, bodyLength);
      if (f.score() >= threshold) findings.add(f);
    }
    findings.sort(Comparator.comparingDouble(Finding::score).reversed());
    return List.copyOf(findings.subList(0, Math.min(MAX_FINDINGS, findings.size())));
  }

  private static Finding finding(JsonValue value, int bodyLength) throws NotAnAnswer {
    if (!(value instanceof JsonObject o)) throw new NotAnAnswer("a score is not an object");
    if (!(o.get("category") instanceof JsonString category)
        || !CATEGORY.matcher(category.getString()).matches())
      throw new NotAnAnswer("category missing or not a short name");
    if (!(o.get("score") instanceof JsonNumber score)) throw new NotAnAnswer("score missing");
    double s = score.doubleValue();
    if (!(s >= 0 && s <= 1)) throw new NotAnAnswer("score outside 0..1");
    int start = 0;
    int end = bodyLength;
    boolean hasStart = o.containsKey("start") && o.get("start") != JsonValue.NULL;
    boolean hasEnd = o.containsKey("end") && o.get("end") != JsonValue.NULL;
    if (hasStart != hasEnd) throw new NotAnAnswer("a span needs both start and end");
    if (hasStart) {
      start = offset(o.get("start"));
      end = offset(o.get("end"));
      if (start > end || end > bodyLength) throw new NotAnAnswer("span outside the body");
    }
    return new Finding(category.getString().toLowerCase(Locale.ROOT), s, start, end);
  }

  private static int offset(JsonValue value) throws NotAnAnswer {
    if (!(value instanceof JsonNumber n) || !n.isIntegral())
      throw new NotAnAnswer("an offset is not an integer");
    try {
      int i = n.intValueExact();
      if (i < 0) throw new NotAnAnswer("a negative offset");
      return i;
    } catch (ArithmeticException e) {
      throw new NotAnAnswer("an offset out of range");
    }
  }
}
