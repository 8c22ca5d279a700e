package dev.commentmoderation.queue.boundary;

import java.util.List;

public record QueuePage(List<QueueItem> items, String nextCursor) {}
