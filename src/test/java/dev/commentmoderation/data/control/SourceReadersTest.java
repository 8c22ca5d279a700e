package dev.commentmoderation.data.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.commentmoderation.data.entity.SourceComment;
import dev.commentmoderation.data.entity.SourceState;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceReadersTest {

  static String resource(String name) throws IOException {
    try (InputStream in = SourceReadersTest.class.getResourceAsStream("/imports/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .replace("RUN", "")
          .replace("ARTICLE_", "art-")
          .replace("READER_EMAIL", "aigul@example.kg");
    }
  }

  static List<SourceComment> read(SourceFormat format, String text) {
    return read(format, text, ArticleIdRule.defaults());
  }

  static List<SourceComment> read(SourceFormat format, String text, ArticleIdRule rule) {
    List<SourceComment> all = new ArrayList<>();
    try (SourceReader r =
        format.reader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), rule)) {
      for (SourceComment c = r.next(); c != null; c = r.next()) all.add(c);
    }
    return all;
  }

  @Test
  void disqusPostsWithThreadsParentsAuthorsAndStates() throws IOException {
    List<SourceComment> all = read(SourceFormat.DISQUS, resource("disqus-export.xml"));
    assertEquals(8, all.size());
    SourceComment first = all.get(0);
    assertEquals("disqus:9001", first.sourceId());
    assertNull(first.parentSourceId());
    assertEquals("art-A", first.articleId(), "the thread's identifier");
    assertEquals("Айгүл", first.authorName());
    assertEquals("aigul@example.kg", first.authorEmail());
    assertEquals("Хорошая статья, спасибо!\nЖду продолжения & деталей.", first.body());
    assertEquals("2024-03-01T10:00Z", first.createdAt().toString());
    assertEquals(SourceState.PUBLISHED, first.state());
    assertEquals("disqus:9002", all.get(2).parentSourceId(), "a reply to a reply");
    assertEquals("Рахмат, абдан жакшы жазылган макала!\nЫрахмат.", all.get(2).body());
    assertEquals(SourceState.SPAM, all.get(3).state());
    assertEquals(SourceState.DELETED, all.get(4).state());
    assertEquals(SourceState.PENDING, all.get(5).state());
    assertNull(all.get(1).authorEmail());
    assertEquals("art-B", all.get(6).articleId(), "no identifier: the link's path");
  }

  @Test
  void wordPressCommentsSkipPingbacks() throws IOException {
    List<SourceComment> all = read(SourceFormat.WXR, resource("wordpress-export.xml"));
    assertEquals(6, all.size(), "the pingback is not a comment");
    assertEquals("wxr:blog.example:501", all.get(0).sourceId());
    assertEquals("art-W", all.get(0).articleId());
    assertEquals("Нан кымбаттап жатат, бул чын.", all.get(0).body());
    assertEquals("2024-04-01T08:00Z", all.get(0).createdAt().toString(), "the GMT date");
    assertEquals("wxr:blog.example:502", all.get(2).parentSourceId());
    assertEquals("Ооба, баары кымбат.", all.get(2).body());
    assertEquals(SourceState.SPAM, all.get(3).state());
    assertEquals(SourceState.DELETED, all.get(4).state());
    assertEquals(SourceState.PENDING, all.get(5).state());
  }

  @Test
  void articleIdsByAConfiguredPatternOverTheLink() throws IOException {
    var rule = new ArticleIdRule(Optional.of("/20\\d\\d/\\d\\d/([^/]+)"));
    List<SourceComment> all = read(SourceFormat.DISQUS, resource("disqus-export.xml"), rule);
    assertEquals("budget-bishkek", all.get(0).articleId());
    assertEquals("art-B", all.get(6).articleId(), "the pattern does not match: the default rule");
    assertEquals(
        "bread", read(SourceFormat.WXR, resource("wordpress-export.xml"), rule).get(0).articleId());
  }

  @Test
  void articleIdDefaults() {
    var rule = ArticleIdRule.defaults();
    assertEquals("2024-03-x", rule.disqus(null, "https://a.example/2024/03/x/", "1"));
    assertEquals("42-http:-a.example-p-42", rule.disqus("42 http://a.example/?p=42", null, "1"));
    assertEquals("disqus-7", rule.disqus(" ", "https://a.example/", "7"));
    assertEquals("42", rule.wordPress("%d0%bd%d0%b0%d0%bd", "42", null), "an encoded slug");
  }

  @Test
  void malformedXmlNamesTheLine() {
    String broken =
        "<?xml version=\"1.0\"?>\n<disqus>\n<thread dsq:id=\"1\" xmlns:dsq=\"x\"><id>a</id>\n"
            + "<link>https://x/a</link></thread>\n<post><message>unclosed</post>\n</disqus>";
    MalformedSource e =
        assertThrows(MalformedSource.class, () -> read(SourceFormat.DISQUS, broken));
    assertTrue(e.getMessage().startsWith("line 5"), e.getMessage());
  }

  @Test
  void aPostWithoutItsDateNamesTheElement() {
    String text =
        "<disqus xmlns:dsq=\"x\">\n<thread dsq:id=\"1\"><id>a</id></thread>\n"
            + "<post dsq:id=\"5\">\n<message>hi</message><thread dsq:id=\"1\"/></post>\n</disqus>";
    MalformedSource e = assertThrows(MalformedSource.class, () -> read(SourceFormat.DISQUS, text));
    assertTrue(e.getMessage().contains("line 3, element <createdAt>"), e.getMessage());
  }

  @Test
  void theWrongFormatIsNamed() throws IOException {
    MalformedSource e =
        assertThrows(
            MalformedSource.class, () -> read(SourceFormat.WXR, resource("disqus-export.xml")));
    assertTrue(e.getMessage().contains("element <disqus>"), e.getMessage());
    assertThrows(MalformedSource.class, () -> read(SourceFormat.DISQUS, "not xml at all"));
  }

  @Test
  void externalEntitiesAreRefused(@TempDir Path dir) throws IOException {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "TOP-SECRET");
    String xxe =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE disqus [<!ENTITY x SYSTEM \""
            + secret.toUri()
            + "\">]>\n<disqus xmlns:dsq=\"d\"><thread dsq:id=\"1\"><id>a</id></thread>"
            + "<post dsq:id=\"2\"><message>&x;</message><createdAt>2024-01-01T00:00:00Z</createdAt>"
            + "<thread dsq:id=\"1\"/></post></disqus>";
    MalformedSource e = assertThrows(MalformedSource.class, () -> read(SourceFormat.DISQUS, xxe));
    assertFalse(e.getMessage().contains("TOP-SECRET"));
    String laughs =
        "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2"
            + " \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]><rss><channel><item>"
            + "<link>https://x/a</link><wp:comment xmlns:wp=\"w\"><wp:comment_id>1</wp:comment_id>"
            + "<wp:comment_content>&lol2;</wp:comment_content></wp:comment></item></channel></rss>";
    assertThrows(MalformedSource.class, () -> read(SourceFormat.WXR, laughs));
  }

  @Test
  void jsonLinesOfOurOwnExport() {
    String lines =
        "{\"id\":\"7\",\"articleId\":\"a-1\",\"parentId\":null,\"authorName\":\"Анна\","
            + "\"authorEmail\":\"Anna@Example.kg\",\"body\":\"Привет\",\"status\":\"PENDING\","
            + "\"createdAt\":\"2025-01-01T00:00:00Z\",\"engineDecision\":\"HOLD\","
            + "\"verdict\":{\"decision\":\"HOLD\",\"matches\":[]},\"severity\":101}\n\n"
            + "{\"id\":\"8\",\"sourceId\":\"disqus:5\",\"articleId\":\"a-1\",\"parentId\":\"7\","
            + "\"authorName\":\"B\",\"body\":\"x\",\"status\":\"APPROVED\","
            + "\"createdAt\":\"2025-01-01T00:01:00Z\",\"engineDecision\":\"APPROVE\","
            + "\"verdict\":{\"decision\":\"APPROVE\",\"matches\":[]}}\n"
            + "{\"id\":\"9\",\"articleId\":\"a-1\",\"status\":\"PUBLISHED\"}\n";
    List<SourceComment> read = new ArrayList<>();
    try (SourceReader r =
        SourceFormat.JSONL.reader(
            new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)), null)) {
      read.add(r.next());
      read.add(r.next());
      MalformedSource e = assertThrows(MalformedSource.class, r::next);
      assertTrue(e.getMessage().startsWith("line 4, element <status>"), e.getMessage());
    }
    assertEquals("cm:7", read.get(0).sourceId());
    assertEquals("anna@example.kg", read.get(0).authorEmail());
    assertEquals("PENDING", read.get(0).stored().status());
    assertEquals(101, read.get(0).stored().severity());
    assertEquals("disqus:5", read.get(1).sourceId(), "the source id it was imported with");
    assertEquals("cm:7", read.get(1).parentSourceId());
  }

  @Test
  void htmlBecomesPlainText() {
    assertEquals(
        "a\nb <c> & d — e", HtmlText.toText("<p>a</p><b>b</b> &lt;c&gt; &amp; d &#8212; e"));
    assertEquals("x\u0001y".replace("\u0001", ""), HtmlText.toText("x\u0001y"));
    assertEquals("😀", HtmlText.toText("&#x1F600;"));
  }
}
