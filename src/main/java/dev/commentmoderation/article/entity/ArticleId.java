package dev.commentmoderation.article.entity;

import java.util.Objects;

/** The site's own key for an article, as it travels between components. */
public record ArticleId(String value) {

  public ArticleId {
    Objects.requireNonNull(value, "article id");
  }

  @Override
  public String toString() {
    return value;
  }
}
