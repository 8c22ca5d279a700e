package dev.commentmoderation.data.control;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a source's thread becomes one of our article ids (README, "Migrating from Disqus and
 * WordPress"). When {@code COMMENTS_IMPORT_ARTICLE_PATTERN} is set and matches the thread's link,
 * its first capture group (the whole match without one) is the id. Otherwise Disqus threads use
 * their identifier ({@code <thread><id>}) and WordPress posts their slug ({@code wp:post_name})
 * when that is a valid article id as it is, else the WordPress post id; and when nothing else gives
 * one, the link's path. Characters an article id cannot hold become {@code -}.
 */
public final class ArticleIdRule {

  static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
  private static final Pattern INVALID_RUN = Pattern.compile("[^A-Za-z0-9._:-]+");

  private final Pattern linkPattern;

  public ArticleIdRule(Optional<String> linkPattern) {
    this.linkPattern = linkPattern.filter(p -> !p.isBlank()).map(Pattern::compile).orElse(null);
  }

  public static ArticleIdRule defaults() {
    return new ArticleIdRule(Optional.empty());
  }

  /** A Disqus thread: its identifier, else its link. */
  public String disqus(String identifier, String link, String threadId) {
    String fromLink = byPattern(link);
    if (fromLink != null) return fromLink;
    String id = sanitised(identifier);
    if (id != null) return id;
    id = sanitised(path(link));
    return id != null ? id : "disqus-" + sanitised(threadId);
  }

  /** A WordPress post: its slug when valid as it is, else its post id, else its link. */
  public String wordPress(String postName, String postId, String link) {
    String fromLink = byPattern(link);
    if (fromLink != null) return fromLink;
    if (postName != null && VALID.matcher(postName.strip()).matches()) return postName.strip();
    String id = sanitised(postId);
    if (id != null) return id;
    return sanitised(path(link));
  }

  private String byPattern(String link) {
    if (linkPattern == null || link == null) return null;
    Matcher m = linkPattern.matcher(link.strip());
    if (!m.find()) return null;
    return sanitised(m.groupCount() >= 1 ? m.group(1) : m.group());
  }

  /** The link's path without its slashes at either end; the link itself when it is no URI. */
  static String path(String link) {
    if (link == null || link.isBlank()) return null;
    try {
      String path = URI.create(link.strip()).getPath();
      return path == null ? null : path.replaceAll("^/+|/+$", "");
    } catch (IllegalArgumentException e) {
      return link.strip();
    }
  }

  static String sanitised(String raw) {
    if (raw == null) return null;
    String id = INVALID_RUN.matcher(raw.strip()).replaceAll("-").replaceAll("^-+|-+$", "");
    if (id.length() > 128) id = id.substring(0, 128);
    return id.isEmpty() ? null : id;
  }
}
