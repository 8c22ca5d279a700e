package dev.commentmoderation.data.control;

import dev.commentmoderation.data.entity.SourceComment;
import dev.commentmoderation.data.entity.SourceState;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

/**
 * A Disqus export ({@code <disqus>} with {@code <category>}, {@code <thread>} and {@code <post>}
 * children). Threads come before posts in Disqus' files and are kept (their article id only) to
 * name each post's article; posts are read one at a time. A post is published when it is neither
 * deleted nor spam and not explicitly unapproved ({@code <isApproved>false}: pending).
 */
final class DisqusReader implements SourceReader {

  private final XmlSource xml;
  private final ArticleIdRule articles;
  private final Map<String, String> threads = new HashMap<>();
  private final int[] depth = {0};
  private long unusable;
  private boolean rootSeen;

  DisqusReader(InputStream in, ArticleIdRule articles) {
    this.xml = new XmlSource(in);
    this.articles = articles;
  }

  @Override
  public SourceComment next() {
    while (true) {
      int at = xml.nextStart(depth);
      if (at == 0) {
        if (!rootSeen) throw new MalformedSource(xml.line(), null, "no <disqus> element");
        return null;
      }
      if (at == 1) {
        if (!xml.localName().equals("disqus"))
          throw new MalformedSource(
              xml.line(), xml.localName(), "not a Disqus export (expected <disqus>)");
        rootSeen = true;
        continue;
      }
      if (at != 2) continue;
      String element = xml.localName();
      int line = xml.line();
      if (element.equals("thread")) {
        Map<String, String> t = xml.record();
        depth[0]--;
        String id = t.get("@id");
        if (id == null) throw new MalformedSource(line, "thread", "no dsq:id attribute");
        threads.put(id, articles.disqus(t.get("id"), t.get("link"), id));
      } else if (element.equals("post")) {
        Map<String, String> p = xml.record();
        depth[0]--;
        SourceComment c = post(p, line);
        if (c != null) return c;
      } else {
        xml.record();
        depth[0]--;
      }
    }
  }

  private SourceComment post(Map<String, String> p, int line) {
    String id = p.get("@id");
    if (id == null || id.isBlank()) throw new MalformedSource(line, "post", "no dsq:id attribute");
    String thread = p.get("thread@id");
    if (thread == null) throw new MalformedSource(line, "post", "no <thread dsq:id=…> reference");
    OffsetDateTime created = XmlSource.time(p.get("createdAt"));
    if (created == null)
      throw new MalformedSource(line, "createdAt", "missing or not a time: " + p.get("createdAt"));
    String article = threads.get(thread);
    if (article == null) {
      unusable++;
      return null;
    }
    SourceState state;
    if (SourceTexts.yes(p.get("isSpam"))) state = SourceState.SPAM;
    else if (SourceTexts.yes(p.get("isDeleted"))) state = SourceState.DELETED;
    else if ("false".equalsIgnoreCase(strip(p.get("isApproved")))) state = SourceState.PENDING;
    else state = SourceState.PUBLISHED;
    String body = SourceTexts.body(p.get("message"));
    if (body.isEmpty() && state == SourceState.PUBLISHED) state = SourceState.DELETED;
    String parent = p.get("parent@id");
    return new SourceComment(
        "disqus:" + id.strip(),
        parent == null || parent.isBlank() ? null : "disqus:" + parent.strip(),
        article,
        SourceTexts.name(p.get("author/name"), p.get("author/username")),
        SourceTexts.email(p.get("author/email")),
        body,
        created,
        state,
        null);
  }

  private static String strip(String s) {
    return s == null ? null : s.strip();
  }

  @Override
  public long unusable() {
    return unusable;
  }

  @Override
  public void close() {
    xml.close();
  }
}
