/**
 * Authors as moderators see them: sanctions (ban or suspension, always premoderate, trust) and the
 * standing the rule engine judges a new comment with, computed from sanctions and history.
 */
package dev.commentmoderation.author;
