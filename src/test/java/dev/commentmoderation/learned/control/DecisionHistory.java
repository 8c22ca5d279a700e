package dev.commentmoderation.learned.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A generated history of moderators' decisions: they reject hidden-contact advertising and people
 * called vermin, and approve ordinary comments, harsh criticism of officials included. Fixed seed.
 */
final class DecisionHistory {

  static final String[] SPAM_OPENERS = {
    "Легкий заработок на дому", "Доход от 5000 в день", "Быстрые займы без отказа",
    "Лучшие ставки на спорт", "Чудо-капли от всех болезней", "Выигрыш гарантирован"
  };
  static final String[] SPAM_CALLS = {
    "пишите в личку",
    "подробности в профиле",
    "ищите нас в телеге по нику",
    "жмите на аватарку",
    "подпишитесь на канал",
    "кто хочет — пишите в директ"
  };
  static final String[] VERMIN = {"крысы", "тараканы", "паразиты", "скоты", "шакалы", "гниды"};
  static final String[] WHO = {
    "Эти приезжие", "Все соседи с того района", "Такие люди", "Эти понаехавшие", "Все они"
  };
  static final String[] VERMIN_TAIL = {
    "и место им в канаве",
    "их надо травить",
    "от них одна грязь",
    "и ничего больше",
    "их давить надо"
  };
  static final String[] TOPICS = {
    "Дороги в городе",
    "Новый закон о налогах",
    "Решение суда",
    "Бюджет мэрии",
    "Работа парламента",
    "Ремонт школы",
    "Цены на бензин",
    "Отопление зимой"
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

  private DecisionHistory() {}

  static String rejected(Random random) {
    if (random.nextBoolean()) {
      return pick(random, SPAM_OPENERS) + ", " + pick(random, SPAM_CALLS) + "!";
    }
    return pick(random, WHO)
        + " — "
        + pick(random, VERMIN)
        + ", "
        + pick(random, VERMIN_TAIL)
        + ".";
  }

  static String approved(Random random) {
    return pick(random, TOPICS)
        + ": "
        + pick(random, OPINIONS)
        + ". "
        + pick(random, OPINIONS)
        + ".";
  }

  /** {@code each} rejected and {@code each} approved decisions, interleaved by id. */
  static List<Training.Example> of(int rejected, int approved, long seed) {
    Random random = new Random(seed);
    List<Training.Example> examples = new ArrayList<>();
    long id = 1;
    for (int i = 0; i < Math.max(rejected, approved); i++) {
      if (i < rejected) examples.add(new Training.Example(id++, rejected(random), List.of(), true));
      if (i < approved)
        examples.add(new Training.Example(id++, approved(random), List.of(), false));
    }
    return examples;
  }

  private static String pick(Random random, String[] from) {
    return from[random.nextInt(from.length)];
  }
}
