package dev.commentmoderation.ui;

import static dev.commentmoderation.it.Api.comment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.commentmoderation.it.Api;
import dev.commentmoderation.it.SharedService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code count.js} in a real Chromium on a list page: the numbers of published comments go into
 * every {@code [data-comments-count]} element (one element per article or several), with the
 * localised label where asked, an unknown article shows 0, an invalid id is marked as an error
 * without spoiling the others, and 150 articles take two requests (ids batched by 100). The list
 * page is the service's demo page with the elements and the script added, as a site's template
 * would have them. On the shared service; H2 pass only (the page does not depend on the database).
 */
@EnabledIf(
    value = "dev.commentmoderation.ui.Browser#availableOrRequired",
    disabledReason = "no chromium/chromedriver on this machine (see BrowserIT)")
@DisabledIfSystemProperty(
    named = "it.database",
    matches = "postgres",
    disabledReason = "the page does not depend on the database: H2 pass only")
@ExtendWith(SharedService.class)
class CountScriptBrowserIT {

  static Browser browser;

  @BeforeAll
  static void startBrowser() throws Exception {
    browser = Browser.start(1280, 900);
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) browser.close();
  }

  static void post(String article, String body) {
    var r =
        SharedService.api().post("/api/articles/" + article + "/comments", comment("Айбек", body));
    assertEquals(201, r.status(), r::toString);
    assertEquals("APPROVED", r.json().getString("status"), r::toString);
  }

  @Test
  void aListPageGetsItsCountsInBatchesOfAHundred(Api api) {
    String two = Api.freshArticle("list-two");
    String one = Api.freshArticle("list-one");
    post(two, "Курс рубля снова вырос, переводы родным стали дороже.");
    post(two, "Мэрия третий год обещает отремонтировать дорогу на Чуй.");
    post(one, "Спасибо журналистам, что следят за этим.");

    browser.open(api.base() + "");
    browser.script(
        """
        const list = document.createElement('ul');
        list.id = 'index';
        const item = (id, attrs) => {
          const li = document.createElement('li');
          const span = document.createElement('span');
          span.setAttribute('data-comments-count', id);
          for (const [k, v] of Object.entries(attrs || {})) span.setAttribute(k, v);
          li.append(span);
          list.append(li);
        };
        item(arguments[0]);
        item(arguments[0], {'data-comments-label': ''});
        item(arguments[1], {'data-comments-label': '', 'data-lang': 'en'});
        item(arguments[0], {'data-comments-label': '', 'data-lang': 'en'});
        item(arguments[0], {'data-comments-label': '', 'data-lang': 'ky'});
        item('never-commented-' + arguments[0]);
        item('not valid!');
        for (let i = 0; i < 150; i++) item('list-batch-' + i + '-' + arguments[0]);
        document.body.append(list);
        const s = document.createElement('script');
        s.src = '/count.js';
        document.body.append(s);
        """,
        two,
        one);
    browser.waitFor(
        "every count filled or marked",
        () ->
            browser.all("#index [data-comments-count]:not([data-comments-count-state])").isEmpty());

    var spans = browser.all("#index [data-comments-count]");
    assertEquals("2", spans.get(0).prop("textContent"));
    assertEquals("2 комментария", spans.get(1).prop("textContent"));
    assertEquals("1 comment", spans.get(2).prop("textContent"));
    assertEquals("2 comments", spans.get(3).prop("textContent"));
    assertEquals("2 комментарий", spans.get(4).prop("textContent"));
    assertEquals("0", spans.get(5).prop("textContent"));
    assertEquals("error", spans.get(6).attr("data-comments-count-state"));
    assertEquals("", spans.get(6).prop("textContent"), "an invalid id is not asked for");
    for (int i = 7; i < spans.size(); i++) {
      assertEquals("ready", spans.get(i).attr("data-comments-count-state"));
      assertEquals("0", spans.get(i).prop("textContent"));
    }
    // 2 + 1 + 150 distinct valid ids: two requests of at most a hundred
    String requests =
        browser.scriptString(
            "return performance.getEntriesByType('resource')"
                + ".filter(e => e.name.includes('/api/counts?')).length");
    assertEquals("2", requests);
    assertTrue(
        browser
            .scriptString(
                "return performance.getEntriesByType('resource')"
                    + ".filter(e => e.name.includes('/api/counts?'))"
                    + ".every(e => decodeURIComponent(e.name.split('articles=')[1]).split(',').length <= 100)")
            .equals("true"));
  }
}
