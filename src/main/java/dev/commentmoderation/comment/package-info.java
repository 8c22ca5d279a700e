/**
 * Reader comments: submission (validated, judged by the rule engine before the answer, committed
 * before the 201), the public approved thread, the events announcing what happened, and every
 * change of a comment's status. The {@code Comment} entity owns those changes (decide, reverse,
 * hold for reports, publish when reports are dismissed; claims through {@code CommentClaim}) and
 * {@code Decisions} is the one place moderators' decisions are made, whoever asks for them. Article
 * policy lies below; the author's standing, the rules in force and the external classifier come
 * from components above through {@code Standings}, {@code RulesInForce} and {@code
 * ExternalClassifier}.
 */
package dev.commentmoderation.comment;
