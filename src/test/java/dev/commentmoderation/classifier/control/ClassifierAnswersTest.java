package dev.commentmoderation.classifier.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.commentmoderation.classifier.control.ClassifierAnswers.NotAnAnswer;
import dev.commentmoderation.comment.control.ExternalClassifier.Finding;
import dev.commentmoderation.comment.control.ExternalClassifier.Query;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClassifierAnswersTest {

  private static List<Finding> read(String json, int length) throws NotAnAnswer {
    return ClassifierAnswers.read(json.getBytes(StandardCharsets.UTF_8), length, 0.8);
  }

  @Test
  void oneScoreAboveTheThresholdCoversTheWholeBody() throws NotAnAnswer {
    assertEquals(
        List.of(new Finding("threat", 0.93, 0, 20)),
        read("{\"category\":\"threat\",\"score\":0.93}", 20));
  }

  @Test
  void theThresholdItselfHolds() throws NotAnAnswer {
    assertEquals(1, read("{\"category\":\"threat\",\"score\":0.8}", 5).size());
    assertTrue(read("{\"category\":\"threat\",\"score\":0.79}", 5).isEmpty());
  }

  @Test
  void aListKeepsWhatReachesTheThresholdStrongestFirstWithTheirSpans() throws NotAnAnswer {
    String list =
        "[{\"category\":\"toxicity\",\"score\":0.85},"
            + "{\"category\":\"Identity_Attack\",\"score\":0.97,\"start\":3,\"end\":9},"
            + "{\"category\":\"spam\",\"score\":0.1}]";
    List<Finding> expected =
        List.of(new Finding("identity_attack", 0.97, 3, 9), new Finding("toxicity", 0.85, 0, 12));
    assertEquals(expected, read(list, 12));
    assertEquals(expected, read("{\"results\":" + list + ",\"model\":\"x\"}", 12));
  }

  @Test
  void nothingToSayIsAnAnswer() throws NotAnAnswer {
    assertTrue(read("[]", 5).isEmpty());
    assertTrue(read("{\"results\":[]}", 5).isEmpty());
  }

  @Test
  void atMostFiveFindingsAreKept() throws NotAnAnswer {
    StringBuilder many = new StringBuilder("[");
    for (int i = 0; i < 20; i++) {
      if (i > 0) many.append(',');
      many.append("{\"category\":\"c").append(i).append("\",\"score\":0.9}");
    }
    assertEquals(ClassifierAnswers.MAX_FINDINGS, read(many.append(']').toString(), 5).size());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "<html>502 Bad Gateway</html>",
        "{\"category\":\"threat\"",
        "42",
        "\"threat\"",
        "null",
        "{}",
        "{\"score\":0.9}",
        "{\"category\":\"threat\"}",
        "{\"category\":\"threat\",\"score\":\"0.9\"}",
        "{\"category\":\"threat\",\"score\":1.5}",
        "{\"category\":\"threat\",\"score\":-0.1}",
        "{\"category\":\"\",\"score\":0.9}",
        "{\"category\":\"a b\",\"score\":0.9}",
        "{\"category\":\"<script>\",\"score\":0.9}",
        "{\"category\":\"threat\",\"score\":0.9,\"start\":2}",
        "{\"category\":\"threat\",\"score\":0.9,\"start\":3,\"end\":2}",
        "{\"category\":\"threat\",\"score\":0.9,\"start\":0,\"end\":11}",
        "{\"category\":\"threat\",\"score\":0.9,\"start\":-1,\"end\":2}",
        "{\"category\":\"threat\",\"score\":0.9,\"start\":0.5,\"end\":2}",
        "{\"category\":\"threat\",\"score\":0.9,\"start\":0,\"end\":99999999999}",
        "{\"results\":{\"category\":\"threat\",\"score\":0.9}}",
        "[{\"category\":\"threat\",\"score\":0.9},7]",
        "[{\"category\":\"threat\",\"score\":0.9},{\"category\":\"x\",\"score\":2}]"
      })
  void anythingElseIsNotAnAnswer(String garbage) {
    assertThrows(NotAnAnswer.class, () -> read(garbage, 10));
  }

  @Test
  void theRequestCarriesTheCommentAndNothingElseOfTheAuthor() {
    JsonObject sent =
        Json.createReader(
                new StringReader(
                    new String(
                        ClassifierClient.requestBody(
                            new Query("news-1", "Текст \"в кавычках\"", "Айбек", "ky", 42L)),
                        StandardCharsets.UTF_8)))
            .readObject();
    assertEquals("news-1", sent.getString("articleId"));
    assertEquals("Текст \"в кавычках\"", sent.getString("body"));
    assertEquals("Айбек", sent.getString("authorName"));
    assertEquals("ky", sent.getString("language"));
    assertEquals("42", sent.getString("parentId"));
    assertEquals(5, sent.size());
    JsonObject top =
        Json.createReader(
                new StringReader(
                    new String(
                        ClassifierClient.requestBody(new Query("news-1", "x", "A", null, null)),
                        StandardCharsets.UTF_8)))
            .readObject();
    assertEquals(3, top.size(), "no nulls sent: " + top);
  }

  @Test
  void theSignatureIsTheHmacOfTimestampAndBody() {
    // python3: hmac.new(b'it-secret', b'1765076400.' + body, hashlib.sha256).hexdigest()
    assertEquals(
        "sha256=33ed8e033cab5bbf4b22512fae27c26f75de92c0e3a30ad62ac363e0e1eff05e",
        RequestSignature.sign(
            "it-secret", 1765076400L, "{\"body\":\"Салам\"}".getBytes(StandardCharsets.UTF_8)));
  }
}
