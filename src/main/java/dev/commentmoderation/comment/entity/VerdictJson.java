package dev.commentmoderation.comment.entity;

import dev.commentmoderation.engine.Action;
import dev.commentmoderation.engine.Evidence;
import dev.commentmoderation.engine.Match;
import dev.commentmoderation.engine.Reason;
import dev.commentmoderation.engine.Verdict;
import dev.commentmoderation.platform.web.JsonConfiguration;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import java.lang.reflect.Type;
import java.util.Comparator;
import java.util.List;

/** The stored form of a verdict: JSON in the comment's row, read back for moderators. */
public final class VerdictJson {

  /** The column's size; a flood of matches is cut to the strongest ones that fit. */
  public static final int MAX_LENGTH = 30_000;

  private VerdictJson() {}

  public static String write(Verdict verdict) {
    String json = JsonConfiguration.JSONB.toJson(verdict);
    if (json.length() <= MAX_LENGTH) return json;
    List<Match> strongestFirst =
        verdict.matches().stream().sorted(Comparator.comparing(Match::action).reversed()).toList();
    int keep = strongestFirst.size();
    while (json.length() > MAX_LENGTH && keep > 0) {
      keep /= 2;
      json =
          JsonConfiguration.JSONB.toJson(
              new Verdict(
                  verdict.decision(),
                  strongestFirst.subList(0, keep),
                  verdict.reason(),
                  verdict.ruleSetVersion()));
    }
    return json;
  }

  public static Verdict read(String json) {
    return READER.fromJson(json, Verdict.class);
  }

  /**
   * A match has two constructors (with and without the learned layer's evidence), which JSON-B does
   * not choose between; the engine takes no JSON-B annotation, so the stored form is read here.
   */
  private static final class MatchReader implements JsonbDeserializer<Match> {
    @Override
    public Match deserialize(JsonParser parser, DeserializationContext context, Type type) {
      JsonObject o = parser.getObject();
      JsonValue learned = o.get("learned");
      return new Match(
          o.getString("rule", null),
          o.getString("category", null),
          o.isNull("action") ? null : Action.valueOf(o.getString("action")),
          o.getInt("start", 0),
          o.getInt("end", 0),
          o.getString("excerpt", null),
          o.containsKey("reason") && !o.isNull("reason")
              ? Reason.valueOf(o.getString("reason"))
              : null,
          learned == null || learned.getValueType() == JsonValue.ValueType.NULL
              ? null
              : JsonConfiguration.JSONB.fromJson(learned.toString(), Evidence.class));
    }
  }

  private static final Jsonb READER =
      JsonbBuilder.create(new JsonbConfig().withDeserializers(new MatchReader()));
}
