/**
 * Moderator and admin accounts (PBKDF2 password hashes) and their management, HTTP Basic
 * authentication through Jakarta Security with a throttle on failed logins, CMS API keys (role
 * "cms", article settings only), and the role check every moderation endpoint passes.
 */
package dev.commentmoderation.security;
