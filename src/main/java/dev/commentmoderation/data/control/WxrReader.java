package dev.commentmoderation.data.control;

import dev.commentmoderation.data.entity.SourceComment;
import dev.commentmoderation.data.entity.SourceState;
import java.io.InputStream;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A WordPress export (WXR: RSS with {@code wp:} elements). Each {@code <item>} is a post whose
 * {@code link}, {@code wp:post_id} and {@code wp:post_name} come before its {@code wp:comment}
 * children, which are read one at a time. {@code comment_approved} 1 is published, 0 pending,
 * {@code spam} spam, {@code trash} and {@code post-trashed} deleted; pingbacks and trackbacks are
 * not comments and are passed over. Comment ids are unique per WordPress site, so the source id
 * carries the site's host.
 */
final class WxrReader implements SourceReader {

  private final XmlSource xml;
  private final ArticleIdRule articles;
  private final int[] depth = {0};
  private long unusable;
  private long passedOver;
  private boolean rootSeen;
  private String site = "";
  private String link;
  private String postId;
  private String postName;
  private int itemDepth = -1;

  WxrReader(InputStream in, ArticleIdRule articles) {
    this.xml = new XmlSource(in);
    this.articles = articles;
  }

  @Override
  public SourceComment next() {
    while (true) {
      int at = xml.nextStart(depth);
      if (at == 0) {
        if (!rootSeen) throw new MalformedSource(xml.line(), null, "no <rss> element");
        return null;
      }
      String element = xml.localName();
      if (at == 1) {
        if (!element.equals("rss"))
          throw new MalformedSource(xml.line(), element, "not a WordPress export (expected <rss>)");
        rootSeen = true;
        continue;
      }
      if (at <= itemDepth) itemDepth = -1;
      if (at == 3
          && (element.equals("base_site_url") || (element.equals("link") && site.isEmpty()))) {
        site = host(xml.record().get(""));
        depth[0]--;
      } else if (element.equals("item")) {
        itemDepth = at;
        link = null;
        postId = null;
        postName = null;
      } else if (itemDepth > 0 && at == itemDepth + 1 && element.equals("link")) {
        link = text();
      } else if (itemDepth > 0 && at == itemDepth + 1 && element.equals("post_id")) {
        postId = text();
      } else if (itemDepth > 0 && at == itemDepth + 1 && element.equals("post_name")) {
        postName = text();
      } else if (itemDepth > 0 && element.equals("comment") && at == itemDepth + 1) {
        int line = xml.line();
        Map<String, String> c = xml.record();
        depth[0]--;
        SourceComment comment = comment(c, line);
        if (comment != null) return comment;
      }
    }
  }

  private String text() {
    String t = xml.record().get("");
    depth[0]--;
    return t == null ? null : t.strip();
  }

  private SourceComment comment(Map<String, String> c, int line) {
    String id = strip(c.get("comment_id"));
    if (id == null || id.isEmpty())
      throw new MalformedSource(line, "wp:comment", "no <wp:comment_id>");
    String type = strip(c.get("comment_type"));
    if ("pingback".equals(type) || "trackback".equals(type)) {
      passedOver++;
      return null;
    }
    if (link == null && postId == null && postName == null)
      throw new MalformedSource(
          line, "wp:comment", "the item has no link, wp:post_id or wp:post_name before it");
    OffsetDateTime created = XmlSource.time(c.get("comment_date_gmt"));
    if (created == null || created.getYear() < 1971)
      created = XmlSource.time(c.get("comment_date"));
    if (created == null)
      throw new MalformedSource(line, "wp:comment_date_gmt", "missing or not a time");
    SourceState state =
        switch (strip(c.getOrDefault("comment_approved", "1"))) {
          case "1", "approve" -> SourceState.PUBLISHED;
          case "0", "hold" -> SourceState.PENDING;
          case "spam" -> SourceState.SPAM;
          case "trash", "post-trashed" -> SourceState.DELETED;
          default ->
              throw new MalformedSource(
                  line, "wp:comment_approved", "unknown value " + c.get("comment_approved"));
        };
    String body = SourceTexts.body(c.get("comment_content"));
    if (body.isEmpty() && state == SourceState.PUBLISHED) state = SourceState.DELETED;
    String parent = strip(c.get("comment_parent"));
    String prefix = site.isEmpty() ? "wxr:" : "wxr:" + site + ":";
    return new SourceComment(
        prefix + id,
        parent == null || parent.isEmpty() || parent.equals("0") ? null : prefix + parent,
        articles.wordPress(postName, postId, link),
        SourceTexts.name(c.get("comment_author")),
        SourceTexts.email(c.get("comment_author_email")),
        body,
        created,
        state,
        null);
  }

  private static String host(String url) {
    if (url == null) return "";
    try {
      String host = URI.create(url.strip()).getHost();
      return host == null ? "" : host.toLowerCase(java.util.Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  private static String strip(String s) {
    return s == null ? null : s.strip();
  }

  @Override
  public long unusable() {
    return unusable;
  }

  @Override
  public long passedOver() {
    return passedOver;
  }

  @Override
  public void close() {
    xml.close();
  }
}
