/**
 * Articles as the site knows them: identified by the site's own key, known from their first comment
 * on, with per-article policy (comments open or closed, premoderation, report threshold).
 */
package dev.commentmoderation.article;
