package dev.commentmoderation.notification.control;

import dev.commentmoderation.platform.web.ProblemException;

public class WebhookNotFound extends ProblemException {
  public WebhookNotFound() {
    super(404, "webhook.not-found");
  }
}
