package dev.commentmoderation.security.entity;

/**
 * The moderator acting in a request, taken once from the authenticated caller at the boundary and
 * handed down, so that what an admin may do more is decided where it matters and not by a flag.
 */
public record Moderator(String name, boolean admin) {}
