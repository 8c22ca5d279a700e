package dev.commentmoderation.reader.control;

/**
 * What a valid token says about its reader.
 *
 * @param issuer the token's {@code iss}, empty when it has none
 * @param subject the site's id of the reader ({@code sub})
 * @param name the display name ({@code name}), cleaned; null when the token gives none
 * @param email the e-mail ({@code email}) when it looks like one, else null
 */
public record VerifiedReader(String issuer, String subject, String name, String email) {}
