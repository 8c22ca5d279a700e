/**
 * The external classifier hook: a self-hosted model behind {@code COMMENTS_CLASSIFIER_URL} asked
 * about each comment the rules would publish, within a hard time budget and behind a circuit
 * breaker, so that a slow or broken classifier never makes a reader wait and never decides alone.
 * Implements comment's {@code ExternalClassifier}; its findings can only hold a comment.
 */
package dev.commentmoderation.classifier;
