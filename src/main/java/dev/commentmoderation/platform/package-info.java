/**
 * What every capability stands on: the database (routing data source, migrations), the HTTP
 * plumbing (JAX-RS application, problem+json errors, request limits) and localisation.
 */
package dev.commentmoderation.platform;
