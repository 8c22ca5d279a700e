package dev.commentmoderation.it;

import static dev.commentmoderation.it.Api.admin;
import static dev.commentmoderation.it.Api.comment;
import static dev.commentmoderation.it.Api.from;
import static dev.commentmoderation.it.Api.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A decision history made as moderators make it, over HTTP: comments on two premoderated articles,
 * one article's all rejected (conspiracy trolling, which no rule names), the other's all approved
 * (the topic, criticism included); then a training of the learned layer through its endpoint.
 */
public final class LearnedHistory {

  static final AtomicInteger READERS = new AtomicInteger();

  static final String[] CLAIMS = {
    "Земля плоская",
    "над нами купол",
    "в вакцинах чипы",
    "рептилоиды правят миром",
    "НАСА скрывает край Земли",
    "вышки 5G управляют мыслями"
  };
  static final String[] TROLL_TAILS = {
    "проснитесь, люди",
    "а вы всё верите новостям",
    "вот правда, которую скрывают",
    "смотрите сами и думайте",
    "учёные врут за деньги"
  };
  static final String[] TOPICS = {
    "Дороги в городе", "Новый закон о налогах", "Решение суда", "Бюджет мэрии",
    "Работа парламента", "Ремонт школы", "Цены на бензин", "Отопление зимой"
  };
  static final String[] OPINIONS = {
    "давно пора обсуждать открыто",
    "это позор для чиновников",
    "депутаты опять подвели людей",
    "спасибо редакции за подробный разбор",
    "министр должен уйти в отставку",
    "надеюсь, власти прислушаются",
    "статья честная, жду продолжения",
    "прокуратура должна проверить расходы"
  };

  private LearnedHistory() {}

  /** A reader address of its own per comment, so rate limits and standings stay apart. */
  public static String reader() {
    int n = READERS.incrementAndGet();
    return "10.214." + (n / 250 % 250) + "." + (1 + n % 250);
  }

  static String pick(Random random, String[] from) {
    return from[random.nextInt(from.length)];
  }

  public static String troll(Random random) {
    return pick(random, CLAIMS)
        + ", "
        + pick(random, TROLL_TAILS)
        + "! "
        + pick(random, CLAIMS)
        + ".";
  }

  public static String topical(Random random) {
    return pick(random, TOPICS)
        + ": "
        + pick(random, OPINIONS)
        + ". "
        + pick(random, OPINIONS)
        + ".";
  }

  /** Submits as a new reader; 201 expected. */
  public static JsonObject submit(Api api, String article, String body) {
    String reader = reader();
    var r =
        api.post(
            "/api/articles/" + article + "/comments",
            comment("Читатель " + reader.substring(7), body),
            from(reader));
    assertEquals(201, r.status(), r::toString);
    return r.json();
  }

  static String premoderated(Api api, String prefix) {
    String article = Api.freshArticle(prefix);
    var r =
        api.put(
            "/api/moderation/articles/" + article,
            "{\"commentsOpen\":true,\"premoderated\":true}",
            admin());
    assertEquals(200, r.status(), r::toString);
    return article;
  }

  /** Every comment held on the article, decided in bulk by the admin. */
  static void decideAll(Api api, String article, String action) {
    var items =
        api.get("/api/moderation/queue?limit=200&articleId=" + article, admin())
            .json()
            .getJsonArray("items")
            .getValuesAs(JsonObject.class);
    assertFalse(items.isEmpty());
    String body =
        "{\"action\":"
            + q(action)
            + ",\"items\":["
            + items.stream()
                .map(
                    i ->
                        "{\"id\":"
                            + q(i.getString("id"))
                            + ",\"version\":"
                            + i.getInt("version")
                            + "}")
                .collect(Collectors.joining(","))
            + "]}";
    var r = api.post("/api/moderation/decisions", body, admin());
    assertEquals(200, r.status(), r::toString);
  }

  /** 150 rejected and 110 approved decisions. */
  public static void decide(Api api) {
    Random random = new Random(14);
    String rejectedHere = premoderated(api, "learn-rej");
    String approvedHere = premoderated(api, "learn-ok");
    for (int i = 0; i < 150; i++) submit(api, rejectedHere, troll(random) + " #" + i);
    for (int i = 0; i < 110; i++) submit(api, approvedHere, topical(random) + " (" + i + ")");
    decideAll(api, rejectedHere, "reject");
    decideAll(api, approvedHere, "approve");
  }

  /** Trains through the endpoint as admin; the reply (200 expected). */
  public static JsonObject train(Api api) {
    var r = api.post("/api/moderation/classifier/train", "", admin());
    assertEquals(200, r.status(), r::toString);
    return r.json();
  }

  /** The history, then a version in force; its number. */
  public static int decideAndTrain(Api api) {
    decide(api);
    var trained = train(api);
    assertTrue(trained.getBoolean("activated"), trained::toString);
    return trained.getJsonObject("version").getInt("version");
  }

  /** The learned layer off, as every test leaves it. */
  public static void off(Api api) {
    api.delete("/api/moderation/classifier/active", admin());
  }
}
