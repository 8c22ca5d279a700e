package dev.commentmoderation.platform.web;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;

/**
 * Reads the JSON request bodies (records) strictly, then lets JSON-B bind them. JSON-B alone is
 * lenient: it decodes invalid UTF-8 into U+FFFD, stops after the first value (trailing text is
 * ignored), turns numbers and booleans into strings and truncates 1.5 to 1. Here the whole body is
 * read first (so the size bound of {@link RequestLimits} answers 413 for a streamed body too), then
 * it must be valid UTF-8, exactly one JSON value without duplicate keys, and every field the record
 * declares must have the JSON type of its Java type: a string for {@code String} and enums, a whole
 * number in range for {@code int}/{@code long}, true or false for {@code boolean}, an object for a
 * record, an array for a list. Anything else is refused with 400 naming the field.
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
public class StrictJsonReader implements MessageBodyReader<Record> {

  /** Far deeper than any request body of the API; deeper bodies are refused before recursion. */
  static final int MAX_DEPTH = 64;

  private static final JsonParserFactory PARSERS =
      Json.createParserFactory(Map.of("org.eclipse.parsson.rejectDuplicateKeys", true));

  @Override
  public boolean isReadable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return type.isRecord();
  }

  @Override
  public Record readFrom(
      Class<Record> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, String> httpHeaders,
      InputStream entityStream)
      throws IOException {
    String text = utf8(entityStream.readAllBytes());
    checkShape(parse(text), type, "");
    return JsonConfiguration.JSONB.fromJson(text, genericType);
  }

  /** The bytes as UTF-8; malformed sequences, overlong forms and encoded surrogates are refused. */
  static String utf8(byte[] body) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body))
          .toString();
    } catch (CharacterCodingException e) {
      throw new InvalidParameter(null, "json.utf8");
    }
  }

  /**
   * Exactly one JSON value, with nothing but whitespace after it. A first pass streams through the
   * events (no recursion) and refuses nesting deeper than {@link #MAX_DEPTH}; only then is the
   * value built as a tree, which Parsson does recursively (5,000 nested arrays overflow the stack
   * of a request thread before its own depth limit would trip).
   */
  static JsonValue parse(String text) {
    boolean trailing;
    JsonValue value;
    try {
      trailing = scan(text);
      value = trailing ? null : tree(text);
    } catch (RuntimeException e) {
      // Parsson refuses with JsonParsingException, but also with IllegalStateException (a
      // duplicate key), NumberFormatException (an exponent out of range), NoSuchElementException
      // (no value at all) or a bare RuntimeException (nested deeper than its own limit)
      throw malformed();
    }
    if (trailing) throw new InvalidParameter(null, "json.trailing");
    return value;
  }

  /** Streams through the first value; true when anything but whitespace follows it. */
  private static boolean scan(String text) {
    try (JsonParser parser = PARSERS.createParser(new StringReader(text))) {
      int depth = 0;
      do {
        JsonParser.Event event = parser.next();
        if (event == JsonParser.Event.START_OBJECT || event == JsonParser.Event.START_ARRAY) {
          if (++depth > MAX_DEPTH) throw malformed();
        } else if (event == JsonParser.Event.END_OBJECT || event == JsonParser.Event.END_ARRAY) {
          depth--;
        }
      } while (depth > 0);
      return trailing(parser);
    }
  }

  private static boolean trailing(JsonParser parser) {
    try {
      return parser.hasNext();
    } catch (RuntimeException e) {
      return true;
    }
  }

  private static JsonValue tree(String text) {
    try (JsonParser parser = PARSERS.createParser(new StringReader(text))) {
      parser.next();
      return parser.getValue();
    }
  }

  private static InvalidParameter malformed() {
    return new InvalidParameter(null, "problem.json");
  }

  /**
   * Fails on the first field whose JSON type does not fit the Java type it binds to. Null and
   * absent fields pass (Bean Validation judges those); types not named here are JSON-B's to judge.
   */
  static void checkShape(JsonValue value, Type type, String path) {
    if (value.getValueType() == JsonValue.ValueType.NULL) return;
    Class<?> raw = raw(type);
    if (raw == String.class || raw.isEnum()) {
      expect(value, JsonValue.ValueType.STRING, path, "json.string");
    } else if (raw == Integer.class || raw == int.class) {
      wholeNumber(value, path, Integer.MIN_VALUE, Integer.MAX_VALUE);
    } else if (raw == Long.class || raw == long.class) {
      wholeNumber(value, path, Long.MIN_VALUE, Long.MAX_VALUE);
    } else if (raw == Boolean.class || raw == boolean.class) {
      if (value != JsonValue.TRUE && value != JsonValue.FALSE)
        throw wrongType(path, "json.boolean");
    } else if (raw.isRecord()) {
      expect(value, JsonValue.ValueType.OBJECT, path, "json.object");
      JsonObject object = value.asJsonObject();
      for (RecordComponent component : raw.getRecordComponents()) {
        JsonValue field = object.get(component.getName());
        if (field != null) {
          String name = path.isEmpty() ? component.getName() : path + "." + component.getName();
          checkShape(field, component.getGenericType(), name);
        }
      }
    } else if (Collection.class.isAssignableFrom(raw)) {
      expect(value, JsonValue.ValueType.ARRAY, path, "json.array");
      JsonArray array = value.asJsonArray();
      if (type instanceof ParameterizedType p && p.getActualTypeArguments().length == 1) {
        Type element = p.getActualTypeArguments()[0];
        for (int i = 0; i < array.size(); i++)
          checkShape(array.get(i), element, path + "[" + i + "]");
      }
    }
  }

  private static Class<?> raw(Type type) {
    if (type instanceof Class<?> c) return c;
    if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) return c;
    return Object.class;
  }

  private static void expect(JsonValue value, JsonValue.ValueType wanted, String path, String key) {
    if (value.getValueType() != wanted) throw wrongType(path, key);
  }

  /** An integral value within bounds: 1.5, 1e-400, 2^64 and 10^1000 are not an int. */
  private static void wholeNumber(JsonValue value, String path, long min, long max) {
    if (value instanceof JsonNumber number && fits(number.bigDecimalValue(), min, max)) return;
    throw new InvalidParameter(
        path, "json.integer", path, String.valueOf(min), String.valueOf(max));
  }

  static boolean fits(BigDecimal n, long min, long max) {
    if (n.signum() == 0) return true;
    BigDecimal whole = n.stripTrailingZeros();
    if (whole.scale() > 0 || whole.precision() - whole.scale() > 19) return false;
    return whole.compareTo(BigDecimal.valueOf(min)) >= 0
        && whole.compareTo(BigDecimal.valueOf(max)) <= 0;
  }

  /** At the top the body itself is of the wrong shape; below it a field is. */
  private static InvalidParameter wrongType(String path, String key) {
    return path.isEmpty() ? malformed() : new InvalidParameter(path, key, path);
  }
}
