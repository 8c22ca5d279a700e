package dev.commentmoderation.article.control;

import dev.commentmoderation.article.entity.Article;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

@ApplicationScoped
public class Articles {

  @PersistenceContext EntityManager em;

  public ArticlePolicy policy(String articleId) {
    return ArticlePolicy.of(em.find(Article.class, articleId));
  }
}
