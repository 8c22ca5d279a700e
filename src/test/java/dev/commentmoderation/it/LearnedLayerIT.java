package dev.commentmoderation.it;

import static dev.commentmoderation.it.Api.admin;
import static dev.commentmoderation.it.Api.basic;
import static dev.commentmoderation.it.Api.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The learned layer from outside over HTTP: moderators' decisions made through the moderation API,
 * a training through the endpoint, then a new comment like those they rejected is held with the
 * learned match and its n-grams, one like those they approved is published, and nothing is ever
 * refused by the model. Versions roll back and the layer switches off. The layer is left off.
 */
@ExtendWith(SharedService.class)
class LearnedLayerIT {

  Api api;

  @BeforeEach
  void client() {
    api = SharedService.api();
  }

  private JsonObject submit(String article, String body) {
    return LearnedHistory.submit(api, article, body);
  }

  private JsonObject learnedMatch(String article, String id) {
    var items =
        api.get("/api/moderation/queue?limit=200&articleId=" + article, admin())
            .json()
            .getJsonArray("items")
            .getValuesAs(JsonObject.class);
    JsonObject item =
        items.stream().filter(i -> i.getString("id").equals(id)).findFirst().orElseThrow();
    return item
        .getJsonObject("verdict")
        .getJsonArray("matches")
        .getValuesAs(JsonObject.class)
        .stream()
        .filter(m -> m.getString("rule").equals("learned"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no learned match on " + item));
  }

  private JsonObject train() {
    return LearnedHistory.train(api);
  }

  @Test
  void learnsFromTheModeratorsAndOnlyEverHolds() {
    try {
      var before = api.get("/api/moderation/classifier", admin());
      assertEquals(200, before.status(), before::toString);
      if (before.json().getString("status").equals("TOO_FEW_DECISIONS")) {
        var refused =
            api.post(
                "/api/moderation/classifier/train",
                "",
                admin()[0],
                admin()[1],
                "Accept-Language",
                "en");
        assertEquals(409, refused.status(), refused::toString);
        assertTrue(refused.body().contains("Too few moderator decisions"), refused::toString);
      }

      // the decision history, made as moderators make it
      LearnedHistory.decide(api);

      var trained = train();
      JsonObject version = trained.getJsonObject("version");
      int v = version.getInt("version");
      assertTrue(trained.getBoolean("activated"), trained::toString);
      assertTrue(version.getJsonNumber("precision").doubleValue() >= 0.8, trained::toString);
      assertTrue(version.getInt("rejectedExamples") >= 150, trained::toString);
      var overview = api.get("/api/moderation/classifier", admin()).json();
      assertEquals("ACTIVE", overview.getString("status"));
      assertEquals(v, overview.getInt("active"));

      // a new comment like those rejected, on an ordinary article: held, with its reasons
      String article = Api.freshArticle("learn-new");
      var held = submit(article, "Проснитесь, люди: Земля плоская и над нами купол!");
      assertEquals("PENDING", held.getString("status"), held::toString);
      assertEquals("REVIEW", held.getString("reason"));
      JsonObject match = learnedMatch(article, held.getString("id"));
      assertEquals("HOLD", match.getString("action"));
      assertEquals("learned", match.getString("category"));
      assertTrue(match.getInt("end") > match.getInt("start"), match::toString);
      JsonObject evidence = match.getJsonObject("learned");
      assertEquals("v" + v, evidence.getString("model"));
      assertFalse(evidence.getJsonArray("features").isEmpty(), match::toString);
      assertTrue(
          evidence.getJsonArray("features").getJsonObject(0).getJsonNumber("weight").doubleValue()
              > 0);

      // one like those approved is published; nothing is ever refused by the model
      var published =
          submit(article, "Ремонт школы затянулся, прокуратура должна проверить расходы.");
      assertEquals("APPROVED", published.getString("status"), published::toString);
      Random more = new Random(41);
      for (int i = 0; i < 15; i++) {
        var c = submit(article, LearnedHistory.troll(more) + " — " + i);
        assertNotEquals("REJECTED", c.getString("status"), c::toString);
      }

      // the backtest and the statistics show what the model held and its precision
      String rules = api.get("/api/moderation/rules", admin()).json().getString("source");
      var backtest =
          api.post(
              "/api/moderation/rules/backtest",
              "{\"rules\":" + q(rules) + ",\"limit\":5000}",
              admin());
      assertEquals(200, backtest.status(), backtest::toString);
      JsonObject learned = backtest.json().getJsonObject("learned");
      assertEquals("v" + v, learned.getString("model"));
      assertTrue(learned.getInt("held") >= 150, learned::toString);
      assertTrue(learned.getJsonNumber("precision").doubleValue() >= 0.8, learned::toString);
      var stats = api.get("/api/moderation/stats", admin()).json();
      assertTrue(
          stats.getJsonArray("learned").getValuesAs(JsonObject.class).stream()
              .anyMatch(o -> o.getString("model").equals("v" + v) && o.getInt("held") >= 16),
          stats::toString);

      // a second version, then a rollback to the first
      int second = train().getJsonObject("version").getInt("version");
      assertEquals(v + 1, second);
      var rollback =
          api.put("/api/moderation/classifier/active", "{\"version\":" + v + "}", admin());
      assertEquals(200, rollback.status(), rollback::toString);
      assertTrue(rollback.json().getBoolean("active"));
      Map<Integer, Boolean> active = new HashMap<>();
      api.get("/api/moderation/classifier", admin())
          .json()
          .getJsonArray("versions")
          .getValuesAs(JsonObject.class)
          .forEach(o -> active.put(o.getInt("version"), o.getBoolean("active")));
      assertEquals(Boolean.TRUE, active.get(v));
      assertEquals(Boolean.FALSE, active.get(second));
      assertEquals(
          "v" + v,
          learnedMatch(article, submit(article, "Земля плоская, смотрите сами!").getString("id"))
              .getJsonObject("learned")
              .getString("model"));

      // switched off: the rules alone judge
      assertEquals(204, api.delete("/api/moderation/classifier/active", admin()).status());
      assertEquals(
          "APPROVED", submit(article, "Рептилоиды правят миром, проснитесь!").getString("status"));
    } finally {
      LearnedHistory.off(api);
    }
  }

  @Test
  void onlyAdminsTrainOrSwitchAndBadRequestsAreRefused() {
    assertEquals(401, api.get("/api/moderation/classifier").status());
    assertEquals(401, api.post("/api/moderation/classifier/train", "").status());
    String name = "learn-mod-" + Long.toString(System.nanoTime(), 36);
    var created =
        api.post(
            "/api/moderation/accounts",
            "{\"username\":" + q(name) + ",\"password\":\"moderator-secret-1\"}",
            admin());
    assertEquals(201, created.status(), created::toString);
    String[] moderator = basic(name, "moderator-secret-1");
    assertEquals(200, api.get("/api/moderation/classifier", moderator).status());
    assertEquals(403, api.post("/api/moderation/classifier/train", "", moderator).status());
    assertEquals(
        403, api.put("/api/moderation/classifier/active", "{\"version\":1}", moderator).status());
    assertEquals(403, api.delete("/api/moderation/classifier/active", moderator).status());

    var unknown = api.put("/api/moderation/classifier/active", "{\"version\":99999}", admin());
    assertEquals(404, unknown.status(), unknown::toString);
    assertTrue(unknown.header("Content-Type").startsWith("application/problem+json"));
    List<String> bad =
        new ArrayList<>(List.of("{}", "{\"version\":0}", "{\"version\":\"x\"}", "[]"));
    for (String body : bad) {
      var r = api.put("/api/moderation/classifier/active", body, admin());
      assertEquals(400, r.status(), body + " -> " + r);
      assertTrue(r.header("Content-Type").startsWith("application/problem+json"), r::toString);
    }
  }
}
