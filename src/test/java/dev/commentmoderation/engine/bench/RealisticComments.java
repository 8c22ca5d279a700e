package dev.commentmoderation.engine.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Synthetic but realistic reader comments for the benchmark: sentences of the kind left under news
 * in Kyrgyzstan, joined to lengths between 50 and 1,500 chars (most short), with about one in ten
 * carrying a disguised obscenity and one in twenty spam with a link, a phone or a handle.
 */
final class RealisticComments {

  private static final String[] SENTENCES = {
    "Спасибо за новость, очень важная тема для нашего района.",
    "Когда наконец отремонтируют дорогу на Чолпон-Ату? Каждый год одно и то же.",
    "Цены на бензин растут, а зарплаты стоят на месте.",
    "Курс рубля сегодня снова вырос, переводы от родственников стали дороже.",
    "Министр выступил с докладом, но конкретики было мало.",
    "Наша команда молодцы, заслуженная победа!",
    "Депутат сложил мандат — это правильное решение после такого скандала.",
    "Учебный год начался, а в школах не хватает учителей.",
    "Предлагаю обсудить проблему без оскорблений, по фактам.",
    "Спортсмены по гребле привезли две медали.",
    "Предвыборные дебаты лучше показывать по телевизору в прайм-тайм.",
    "В Бишкеке опять смог, дышать невозможно, а мэрия молчит.",
    "ГКНБ задержал очередного чиновника, посмотрим, дойдёт ли дело до суда.",
    "Тарифы на электричество подняли, а отключения как были, так и остались.",
    "Хорошо, что ЕАЭС открыл рынок, но наши фермеры всё равно не могут продать урожай.",
    "Автор статьи прав: без реформы образования ничего не изменится.",
    "Интересно, сколько стоил этот проект и кто его подрядчик?",
    "Мой сосед работает в России уже десять лет, денег хватает только на кредит.",
    "Вчера проезжал по новой трассе — качество асфальта хорошее, молодцы строители.",
    "Надо поддерживать отечественного производителя, а не закупать всё в Китае.",
    "Жакшы иш, уланта бергиле!",
    "Бул маселе боюнча министрлик жооп бериши керек.",
    "Thanks for the update, very helpful.",
    "Почему в регионах нет нормальных больниц? Врачи уезжают, молодёжь тоже.",
    "Соглашусь с предыдущим комментарием, всё упирается в коррупцию.",
    "Ключевая ставка Нацбанка выросла, ипотека стала ещё дороже.",
    "Президент обещал, что к 2026 году всё будет готово, ждём.",
    "На Иссык-Куле в этом году туристов больше, чем в прошлом, это радует.",
    "Застрахуйте машину заранее, потом будет поздно, знаю по опыту.",
    "Истребитель пролетел над городом так низко, что дети испугались.",
    "Кара-Суу базарында баалар кымбаттап кетти.",
    "Жээнбеков тоже обещал, а что в итоге?",
    "Хватит жаловаться, надо самим что-то делать в своём айыле.",
    "Молодцы медики, работают в тяжёлых условиях за копейки.",
    "А кто будет отвечать за сорванные сроки? Как обычно, никто."
  };

  private static final String[] DISGUISED = {
    "пuздец", "п и з д е ц", "х.у.й.н.я", "бл@дь", "ХУУУУУЙНЯ", "Пиzдец", "п1здец", "blyad",
    "пиз\u200Bдец", "п*здец", "Мyдаки", "xуй", "пи3дец", "6лядь", "хуйня", "заебали",
    "ебаный", "идиоты", "дебилы"
  };

  private static final String[] SPAM = {
    "Заработок в интернете от 3000 в день, подробности в телеграм @rich_fast",
    "Онлайн-казино с бонусом 150%: https://casino-bonus.example.org",
    "Кредит за 5 минут без справок: +996 700 111 222",
    "Пишите в личку, научу зарабатывать без вложений t.me/easy_money_kg",
    "Лучшие ставки на спорт, промокод BONUS2026, сайт bet-win . com"
  };

  private RealisticComments() {}

  static List<String> generate(int count, long seed) {
    Random random = new Random(seed);
    List<String> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      // Log-uniform length between 50 and 1,500: most comments are short, a few are long.
      int target = (int) Math.round(50 * Math.pow(30, random.nextDouble()));
      StringBuilder b = new StringBuilder();
      double kind = random.nextDouble();
      while (b.length() < target) {
        if (b.length() > 0) {
          b.append(' ');
        }
        b.append(SENTENCES[random.nextInt(SENTENCES.length)]);
      }
      if (kind < 0.10) {
        int at = b.indexOf(" ", random.nextInt(b.length()));
        b.insert(at < 0 ? b.length() : at, " " + DISGUISED[random.nextInt(DISGUISED.length)]);
      } else if (kind < 0.15) {
        b.append(' ').append(SPAM[random.nextInt(SPAM.length)]);
      }
      out.add(b.length() > 1500 ? b.substring(0, 1500) : b.toString());
    }
    return out;
  }
}
