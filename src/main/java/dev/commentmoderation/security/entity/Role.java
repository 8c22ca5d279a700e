package dev.commentmoderation.security.entity;

public enum Role {
  MODERATOR,
  ADMIN;

  /** The role name used in {@code @RolesAllowed}. */
  public String roleName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
