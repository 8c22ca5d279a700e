/**
 * A proof-of-work challenge for anonymous posting ({@code COMMENTS_CHALLENGE=pow}): the service
 * issues signed, expiring challenges, the reader's browser finds a nonce whose SHA-256 with the
 * challenge starts with enough zero bits, and a submission without a fresh, unused solution is
 * refused. No third-party service: readers' data never leaves the site.
 */
package dev.commentmoderation.challenge;
