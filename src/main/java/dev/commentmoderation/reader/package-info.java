/**
 * Readers the site knows: the site signs a short-lived token (JWT) for its signed-in reader, the
 * widget sends it as {@code Authorization: Bearer}, and {@code Callers} answers, in one place, who
 * is calling: a signed-in reader ({@code ReaderId}, display name) or an anonymous client (the keyed
 * hash of its address, an IPv6 one by its /64). Tokens are checked by Nimbus JOSE+JWT ({@code
 * SignInTokens}); readers are remembered by issuer and subject ({@code Reader}). Components that
 * act for a reader (comment, report, and whatever counts one thing per reader) take a {@code
 * Caller} and key what they count on {@link dev.commentmoderation.reader.entity.Caller#key()}.
 */
package dev.commentmoderation.reader;
