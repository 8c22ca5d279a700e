package dev.commentmoderation.platform.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.commentmoderation.comment.boundary.NewComment;
import dev.commentmoderation.queue.boundary.BulkDecisionRequest;
import dev.commentmoderation.queue.boundary.DecisionRequest;
import dev.commentmoderation.rules.boundary.CheckRequest;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class StrictJsonReaderTest {

  final StrictJsonReader reader = new StrictJsonReader();

  @SuppressWarnings({"unchecked", "rawtypes"})
  private <T extends Record> T read(Class<T> type, byte[] body) {
    try {
      return type.cast(
          reader.readFrom(
              (Class) type,
              type,
              new java.lang.annotation.Annotation[0],
              MediaType.APPLICATION_JSON_TYPE,
              null,
              new ByteArrayInputStream(body)));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private <T extends Record> T read(Class<T> type, String body) {
    return read(type, body.getBytes(StandardCharsets.UTF_8));
  }

  /** The refusal: its message key and the field it names (null for the body as a whole). */
  private static void refused(String key, String field, Runnable read, String what) {
    InvalidParameter e = assertThrows(InvalidParameter.class, read::run, what);
    assertEquals(key, e.messageKey(), what);
    assertEquals(field, e.field(), what);
    assertEquals(400, e.getResponse().getStatus());
  }

  @Test
  void readsWellFormedBodies() {
    NewComment c =
        read(
            NewComment.class,
            " {\"authorName\":\"Айбек\",\"body\":\"Привет\",\"parentId\":null}\r\n ");
    assertEquals("Айбек", c.authorName());
    assertEquals("Привет", c.body());
    assertNull(c.parentId());
    assertEquals(3, read(DecisionRequest.class, "{\"version\":3}").version());
    assertEquals(
        10,
        read(DecisionRequest.class, "{\"version\":1e1}").version(),
        "an integral value written with an exponent");
    var bulk =
        read(
            BulkDecisionRequest.class,
            "{\"items\":[{\"id\":\"1\",\"version\":2}],\"action\":\"approve\"}");
    assertEquals(List.of(new BulkDecisionRequest.Item("1", 2)), bulk.items());
    assertTrue(
        read(CheckRequest.class, "{\"body\":\"x\",\"articlePremoderated\":true}")
            .articlePremoderated());
    assertNull(
        read(NewComment.class, "null"),
        "no body: Bean Validation's @NotNull on the parameter answers");
    String deepest =
        "[".repeat(StrictJsonReader.MAX_DEPTH - 1) + "]".repeat(StrictJsonReader.MAX_DEPTH - 1);
    assertEquals(
        JsonValue.ValueType.OBJECT,
        StrictJsonReader.parse("{\"a\":" + deepest + "}").getValueType());
  }

  @Test
  void refusesInvalidUtf8() {
    for (byte[] bad :
        List.of(
            new byte[] {(byte) 0xC3, 0x28},
            new byte[] {(byte) 0xFF, (byte) 0xFE},
            new byte[] {(byte) 0xC0, (byte) 0xAF},
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            new byte[] {(byte) 0xD0})) {
      byte[] body =
          concat(
              "{\"authorName\":\"A\",\"body\":\"x".getBytes(StandardCharsets.UTF_8),
              bad,
              "y\"}".getBytes(StandardCharsets.UTF_8));
      refused(
          "json.utf8", null, () -> read(NewComment.class, body), java.util.Arrays.toString(bad));
    }
  }

  @Test
  void refusesTextAfterTheValue() {
    for (String trailing : List.of("}", " trailing", "{}", ",", "1", "\"x\"", "]")) {
      refused(
          "json.trailing",
          null,
          () -> read(NewComment.class, "{\"authorName\":\"A\",\"body\":\"x\"}" + trailing),
          trailing);
    }
  }

  @Test
  void refusesMalformedBodies() {
    for (String broken :
        List.of(
            "",
            " ",
            "{",
            "nul",
            "[]",
            "42",
            "\"s\"",
            "{\"body\" 1}",
            "\uFEFF{\"authorName\":\"A\",\"body\":\"bom\"}",
            "{\"authorName\":\"A\",\"authorName\":\"B\",\"body\":\"x\"}",
            "{\"version\":1e999999999999}",
            "{\"a\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}",
            "{\"a\":"
                + "[".repeat(StrictJsonReader.MAX_DEPTH)
                + "]".repeat(StrictJsonReader.MAX_DEPTH)
                + "}")) {
      refused("problem.json", null, () -> read(NewComment.class, broken), broken);
    }
  }

  @Test
  void deepNestingIsRefusedWithoutRecursionOnASmallStack() throws InterruptedException {
    // the service's request threads overflowed in Parsson's recursive getValue on 5,000 arrays
    String deep = "{\"a\":" + "[".repeat(50_000) + "]".repeat(50_000) + "}";
    Throwable[] thrown = new Throwable[1];
    Thread small =
        new Thread(
            null,
            () -> {
              try {
                StrictJsonReader.parse(deep);
              } catch (Throwable t) {
                thrown[0] = t;
              }
            },
            "small-stack",
            64 * 1024);
    small.start();
    small.join();
    assertTrue(
        thrown[0] instanceof InvalidParameter p && "problem.json".equals(p.messageKey()),
        String.valueOf(thrown[0]));
  }

  /** A body of {@code type} refused with {@code key}, naming {@code field}. */
  record WrongType(String key, String field, Class<? extends Record> type, String body) {}

  @Test
  void refusesTheWrongJsonTypeNamingTheField() {
    for (WrongType w :
        List.of(
            // numbers and booleans where a string is expected
            new WrongType(
                "json.string", "authorName", NewComment.class, "{\"authorName\":5,\"body\":\"x\"}"),
            new WrongType(
                "json.string",
                "authorName",
                NewComment.class,
                "{\"authorName\":true,\"body\":\"x\"}"),
            new WrongType("json.string", "body", CheckRequest.class, "{\"body\":12}"),
            new WrongType(
                "json.string", "reason", DecisionRequest.class, "{\"version\":1,\"reason\":7}"),
            new WrongType(
                "json.string", "standing", CheckRequest.class, "{\"body\":\"x\",\"standing\":1}"),
            new WrongType(
                "json.string",
                "items[1].id",
                BulkDecisionRequest.class,
                "{\"items\":[{\"id\":\"1\",\"version\":2},{\"id\":2,\"version\":2}],\"action\":\"approve\"}"),
            // the wrong container, or a string for a boolean
            new WrongType(
                "json.boolean",
                "articlePremoderated",
                CheckRequest.class,
                "{\"body\":\"x\",\"articlePremoderated\":\"true\"}"),
            new WrongType(
                "json.array",
                "items",
                BulkDecisionRequest.class,
                "{\"items\":{},\"action\":\"approve\"}"),
            new WrongType(
                "json.object",
                "items[0]",
                BulkDecisionRequest.class,
                "{\"items\":[1],\"action\":\"approve\"}"),
            new WrongType(
                "json.string",
                "body",
                NewComment.class,
                "{\"authorName\":\"A\",\"body\":[\"x\"]}"))) {
      refused(w.key(), w.field(), () -> read(w.type(), w.body()), w.body());
    }
  }

  @Test
  void refusesFractionsStringsAndHugeNumbersWhereAWholeNumberIsExpected() {
    for (String version :
        List.of(
            "1.5",
            "\"1\"",
            "true",
            "1e400",
            "18446744073709551616",
            "2147483648",
            "-2147483649",
            "1" + "0".repeat(1000),
            "-1e-400",
            "0.1")) {
      refused(
          "json.integer",
          "version",
          () -> read(DecisionRequest.class, "{\"version\":" + version + "}"),
          version);
    }
    assertEquals(
        Integer.MAX_VALUE, read(DecisionRequest.class, "{\"version\":2147483647}").version());
    assertEquals(-1, read(DecisionRequest.class, "{\"version\":-1}").version());
    assertEquals(0, read(DecisionRequest.class, "{\"version\":-0.0}").version());
  }

  @Test
  void wholeNumberBounds() {
    assertTrue(
        StrictJsonReader.fits(
            new BigDecimal("9223372036854775807"), Long.MIN_VALUE, Long.MAX_VALUE));
    assertFalse(
        StrictJsonReader.fits(
            new BigDecimal("9223372036854775808"), Long.MIN_VALUE, Long.MAX_VALUE));
    assertTrue(StrictJsonReader.fits(new BigDecimal("1.000"), 0, 1));
    assertFalse(StrictJsonReader.fits(new BigDecimal("1E-400"), Long.MIN_VALUE, Long.MAX_VALUE));
    assertFalse(StrictJsonReader.fits(new BigDecimal("1E+400"), Long.MIN_VALUE, Long.MAX_VALUE));
  }

  @Test
  void leavesUnknownFieldsAndBadEnumValuesToJsonB() {
    assertThrows(
        JsonbException.class,
        () ->
            read(
                NewComment.class, "{\"authorName\":\"A\",\"body\":\"x\",\"status\":\"APPROVED\"}"));
    assertThrows(
        JsonbException.class,
        () -> read(CheckRequest.class, "{\"body\":\"x\",\"standing\":\"ROOT\"}"));
  }

  @Test
  void aBodyOverTheBoundIsTooLargeEvenWhenItIsNotJson() {
    // what RequestLimits does to a streamed body: the bound trips while the body is read, before
    // parsing
    InputStream body =
        new SequenceInputStream(
            new ByteArrayInputStream("x".repeat(100).getBytes(StandardCharsets.US_ASCII)),
            new InputStream() {
              @Override
              public int read() {
                throw RequestLimits.tooLarge();
              }
            });
    WebApplicationException e =
        assertThrows(
            WebApplicationException.class,
            () ->
                reader.readFrom(
                    null,
                    NewComment.class,
                    new java.lang.annotation.Annotation[0],
                    MediaType.APPLICATION_JSON_TYPE,
                    null,
                    body));
    assertEquals(413, e.getResponse().getStatus());
  }

  @Test
  void readsRecordsOnly() {
    assertTrue(
        reader.isReadable(
            NewComment.class, NewComment.class, null, MediaType.APPLICATION_JSON_TYPE));
    assertFalse(
        reader.isReadable(String.class, String.class, null, MediaType.APPLICATION_JSON_TYPE));
  }

  private static byte[] concat(byte[]... parts) {
    var out = new java.io.ByteArrayOutputStream();
    for (byte[] p : parts) out.writeBytes(p);
    return out.toByteArray();
  }

  @Test
  void utf8DecodesValidText() {
    assertArrayEquals(
        "жЖ😀".toCharArray(),
        StrictJsonReader.utf8("жЖ😀".getBytes(StandardCharsets.UTF_8)).toCharArray());
  }
}
