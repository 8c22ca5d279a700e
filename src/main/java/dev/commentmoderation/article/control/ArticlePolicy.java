package dev.commentmoderation.article.control;

import dev.commentmoderation.article.entity.Article;

/** What the submission path needs to know about an article. */
public record ArticlePolicy(boolean commentsOpen, boolean premoderated, Integer reportThreshold) {

  public static final ArticlePolicy DEFAULT = new ArticlePolicy(true, false, null);

  public static ArticlePolicy of(Article article) {
    return article == null
        ? DEFAULT
        : new ArticlePolicy(
            article.commentsOpen(), article.premoderated(), article.reportThreshold());
  }
}
