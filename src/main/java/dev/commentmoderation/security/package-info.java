/**
 * Moderator and admin accounts (PBKDF2 password hashes), HTTP Basic authentication through
 * Jakarta Security, and the role check every moderation endpoint passes.
 */
package dev.commentmoderation.security;
