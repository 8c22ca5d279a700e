/**
 * Moderator and admin accounts (PBKDF2 password hashes) and their management, HTTP Basic
 * authentication through Jakarta Security with a throttle on failed logins, CMS API keys (role
 * "cms", article settings only), the role check every moderation endpoint passes, and the acting
 * {@code Moderator} a request's caller becomes at the boundary.
 */
package dev.commentmoderation.security;
