package dev.commentmoderation.queue.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.commentmoderation.comment.entity.CommentStatus;
import dev.commentmoderation.platform.web.InvalidParameter;
import dev.commentmoderation.queue.control.ModerationQueue;
import org.junit.jupiter.api.Test;

class ModerationQueueResourceTest {

  @Test
  void parsesBulkActionsQueueOrderAndFlags() {
    assertEquals(CommentStatus.APPROVED, ModerationQueueResource.action("approve"));
    assertEquals(CommentStatus.REJECTED, ModerationQueueResource.action(" Reject "));
    assertThrows(InvalidParameter.class, () -> ModerationQueueResource.action("pending"));
    assertThrows(InvalidParameter.class, () -> ModerationQueueResource.action(null));

    assertEquals(ModerationQueue.Order.OLDEST, ModerationQueueResource.order(null));
    assertEquals(ModerationQueue.Order.OLDEST, ModerationQueueResource.order("oldest"));
    assertEquals(ModerationQueue.Order.SEVERITY, ModerationQueueResource.order("severity"));
    assertThrows(InvalidParameter.class, () -> ModerationQueueResource.order("newest"));

    assertTrue(ModerationQueueResource.flag("unclaimed", "true"));
    assertFalse(ModerationQueueResource.flag("unclaimed", ""));
    assertThrows(InvalidParameter.class, () -> ModerationQueueResource.flag("unclaimed", "yes"));
  }
}
