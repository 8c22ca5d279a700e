package dev.commentmoderation.it;

import static dev.commentmoderation.it.Api.comment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code GET /api/counts} over HTTP on the shared service: approved comments only, unknown articles
 * 0, a new comment counted at once, ETag and 304, CORS for the site's origin, and every malformed
 * question refused with problem+json; {@code count.js} served like the widget.
 */
@ExtendWith(SharedService.class)
class CountsIT {

  static final String CLEAN_1 = "Курс рубля снова вырос, переводы родным стали дороже.";
  static final String CLEAN_2 = "Спасибо журналистам, что следят за ремонтом дороги на Чуй.";
  static final String CLEAN_3 = "Жители микрорайона третий год просят построить новую школу.";
  static final String INSULT = "Автор — идиот, ничего не понимает";
  static final String OBSCENE = "Какая же хуйня эти ваши реформы";

  static String post(String article, String body) {
    var r =
        SharedService.api().post("/api/articles/" + article + "/comments", comment("Айбек", body));
    assertEquals(201, r.status(), r::toString);
    return r.json().getString("status");
  }

  @Test
  void approvedCommentsPerArticleUnknownArticlesZeroAndANewCommentCountedAtOnce(Api api) {
    String a = Api.freshArticle("counts-a");
    String b = Api.freshArticle("counts-b");
    String unknown = Api.freshArticle("counts-none");
    assertEquals("APPROVED", post(a, CLEAN_1));
    assertEquals("APPROVED", post(a, CLEAN_2));
    assertEquals("PENDING", post(a, INSULT));
    assertEquals("REJECTED", post(a, OBSCENE));
    assertEquals("APPROVED", post(b, CLEAN_1));

    var r = api.get("/api/counts?articles=" + a + "," + unknown + "," + b);
    assertEquals(200, r.status(), r::toString);
    JsonObject counts = r.json().getJsonObject("counts");
    assertEquals(2, counts.getInt(a));
    assertEquals(0, counts.getInt(unknown));
    assertEquals(1, counts.getInt(b));
    assertEquals(3, counts.size());
    assertTrue(r.header("Cache-Control").contains("public"), r::toString);
    String etag = r.header("ETag");
    assertNotNull(etag);

    // unchanged: 304, no body
    var again =
        api.get("/api/counts?articles=" + a + "," + unknown + "," + b, "If-None-Match", etag);
    assertEquals(304, again.status(), again::toString);

    // a new approved comment is counted in the next answer, under a new tag
    assertEquals("APPROVED", post(a, CLEAN_3));
    var after =
        api.get("/api/counts?articles=" + a + "," + unknown + "," + b, "If-None-Match", etag);
    assertEquals(200, after.status(), after::toString);
    assertEquals(3, after.json().getJsonObject("counts").getInt(a));
    assertNotEquals(etag, after.header("ETag"));
  }

  @Test
  void theSitesOriginMayReadThemAndOthersMayNot(Api api) {
    String a = Api.freshArticle("counts-cors");
    var allowed = api.get("/api/counts?articles=" + a, "Origin", "https://news.example");
    assertEquals(200, allowed.status());
    assertEquals("https://news.example", allowed.header("Access-Control-Allow-Origin"));
    var other = api.get("/api/counts?articles=" + a, "Origin", "https://evil.example");
    assertEquals(200, other.status());
    assertEquals(null, other.header("Access-Control-Allow-Origin"));
  }

  @Test
  void malformedQuestionsAreRefusedWithProblemJson(Api api) {
    String hundredAndOne =
        IntStream.rangeClosed(1, 101).mapToObj(i -> "a" + i).collect(Collectors.joining(","));
    for (String query :
        new String[] {
          "",
          "?articles=",
          "?articles=a,,b",
          "?articles=" + hundredAndOne,
          "?articles=a%20b",
          "?articles=%3Cscript%3E",
          "?articles=a&articles=b"
        }) {
      var r = api.get("/api/counts" + query, "Accept-Language", "en");
      assertEquals(400, r.status(), query + ": " + r);
      assertTrue(r.header("Content-Type").startsWith("application/problem+json"), query + ": " + r);
      if (!query.contains("&")) {
        var violation = r.json().getJsonArray("violations").getJsonObject(0);
        assertEquals("articles", violation.getString("field"), r::toString);
      }
    }
    var r = api.get("/api/counts?articles=" + hundredAndOne, "Accept-Language", "en");
    assertTrue(r.body().contains("1 to 100"), r::toString);
    // a hundred are answered
    String hundred = hundredAndOne.substring(0, hundredAndOne.lastIndexOf(','));
    assertEquals(200, api.get("/api/counts?articles=" + hundred).status());
  }

  @Test
  void countJsIsServedLikeTheWidget(Api api) {
    var r = api.get("/count.js");
    assertEquals(200, r.status());
    assertTrue(r.header("Content-Type").contains("javascript"), r::toString);
    assertTrue(r.header("Content-Type").toLowerCase().contains("charset=utf-8"), r::toString);
    assertEquals("cross-origin", r.header("Cross-Origin-Resource-Policy"));
    assertTrue(r.body().contains("data-comments-count"));
  }
}
