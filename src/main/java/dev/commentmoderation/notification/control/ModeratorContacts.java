package dev.commentmoderation.notification.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** Where a moderator wants the queue digest, and in which language (their own setting). */
@ApplicationScoped
@Transactional
public class ModeratorContacts {

  @Inject EntityManager em;

  public record Contact(String email, String language) {}

  public Optional<Contact> of(String username) {
    List<?> rows =
        em.createNativeQuery("SELECT email, language FROM moderator_contact WHERE username = ?1")
            .setParameter(1, username)
            .getResultList();
    return rows.stream()
        .map(r -> (Object[]) r)
        .map(r -> new Contact((String) r[0], (String) r[1]))
        .findFirst();
  }

  /** In the caller's transaction. */
  public void set(String username, Contact contact) {
    remove(username);
    em.createNativeQuery(
            "INSERT INTO moderator_contact (username, email, language) VALUES (?1, ?2, ?3)")
        .setParameter(1, username)
        .setParameter(2, contact.email())
        .setParameter(3, contact.language())
        .executeUpdate();
  }

  /** In the caller's transaction. */
  public void remove(String username) {
    em.createNativeQuery("DELETE FROM moderator_contact WHERE username = ?1")
        .setParameter(1, username)
        .executeUpdate();
  }
}
