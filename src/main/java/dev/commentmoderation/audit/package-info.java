/**
 * The append-only audit log: who changed what and when. Every other component writes it in the
 * transaction of its change, with a typed action and subject; it depends on nothing but the
 * platform, so it sits below all of them. Read-only through the API.
 */
package dev.commentmoderation.audit;
