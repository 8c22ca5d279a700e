package dev.commentmoderation.data.control;

import java.io.InputStream;
import java.util.Locale;

/** The files an import reads: {@code ?format=disqus|wxr|jsonl}. */
public enum SourceFormat {
  DISQUS,
  WXR,
  JSONL;

  public static SourceFormat of(String name) {
    return valueOf(name.strip().toUpperCase(Locale.ROOT));
  }

  public SourceReader reader(InputStream in, ArticleIdRule articles) {
    return switch (this) {
      case DISQUS -> new DisqusReader(in, articles);
      case WXR -> new WxrReader(in, articles);
      case JSONL -> new JsonLinesReader(in);
    };
  }

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
