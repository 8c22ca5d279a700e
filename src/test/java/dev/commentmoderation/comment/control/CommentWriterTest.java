package dev.commentmoderation.comment.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class CommentWriterTest {

  @Test
  void aFailedBatchIsRetriedCommentByCommentOnlyWhenTheDatabaseWasReachable() {
    assertTrue(
        CommentWriter.aboutTheComments(
            new RuntimeException(
                new BatchUpdateException("value too long", "22001", 0, new int[0]))));
    assertTrue(CommentWriter.aboutTheComments(new IllegalStateException("engine failed")));
    assertFalse(
        CommentWriter.aboutTheComments(
            new RuntimeException(new SQLException("connection refused", "08001"))));
    assertFalse(
        CommentWriter.aboutTheComments(
            new RuntimeException(new SQLTransientConnectionException("pool empty"))));
    assertFalse(
        CommentWriter.aboutTheComments(new jakarta.resource.ResourceException("no connection")));
  }
}
