package dev.commentmoderation.reader.control;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.commentmoderation.platform.Clocks;
import dev.commentmoderation.reader.entity.Reader;
import dev.commentmoderation.reader.entity.ReaderId;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * The readers the site signed in, by issuer and subject. The first call of a reader inserts them
 * (once, under the unique key, even when two instances see them at the same moment); later calls
 * find them in a small cache and write only when the name changed or once in {@link #TOUCH}, to
 * keep "last seen" roughly right without a write per request.
 *
 * <p>Its own transaction: readers are remembered on the submission path, which runs outside any
 * transaction (group commit), and the reader must exist whatever becomes of the comment.
 */
@ApplicationScoped
@Transactional
public class Readers {

  static final Duration TOUCH = Duration.ofMinutes(10);

  @Inject EntityManager em;
  @Inject Clock clock;

  private record Key(String issuer, String subject) {}

  private record Known(long id, String name, OffsetDateTime touched) {}

  private Cache<Key, Known> known;

  @PostConstruct
  void cache() {
    known = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(TOUCH).build();
  }

  /** The reader's id, stored or refreshed as needed. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public ReaderId remember(VerifiedReader reader) {
    Key key = new Key(reader.issuer(), reader.subject());
    Known k = known.getIfPresent(key);
    if (k != null && Objects.equals(k.name(), reader.name())) return new ReaderId(k.id());
    OffsetDateTime now = Clocks.now(clock);
    em.createNativeQuery(
            "INSERT INTO reader (id, issuer, subject, display_name, first_seen, last_seen)"
                + " VALUES (nextval('reader_seq'), ?1, ?2, ?3, ?4, ?4) ON CONFLICT DO NOTHING")
        .setParameter(1, key.issuer())
        .setParameter(2, key.subject())
        .setParameter(3, reader.name())
        .setParameter(4, now)
        .executeUpdate();
    em.createNativeQuery(
            "UPDATE reader SET display_name = ?1, last_seen = ?2 WHERE issuer = ?3 AND subject = ?4")
        .setParameter(1, reader.name())
        .setParameter(2, now)
        .setParameter(3, key.issuer())
        .setParameter(4, key.subject())
        .executeUpdate();
    long id =
        ((Number)
                em.createNativeQuery("SELECT id FROM reader WHERE issuer = ?1 AND subject = ?2")
                    .setParameter(1, key.issuer())
                    .setParameter(2, key.subject())
                    .getSingleResult())
            .longValue();
    known.put(key, new Known(id, reader.name(), now));
    return new ReaderId(id);
  }

  /** A stored reader, for moderators and data requests. */
  public Optional<Reader> find(ReaderId id) {
    return Optional.ofNullable(em.find(Reader.class, id.value()));
  }
}
