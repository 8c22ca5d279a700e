/**
 * Reader comments: submission (validated, judged by the rule engine before the answer, committed
 * before the 201), the public approved thread, and the events announcing what happened.
 */
package dev.commentmoderation.comment;
