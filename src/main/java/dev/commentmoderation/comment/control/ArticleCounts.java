package dev.commentmoderation.comment.control;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.commentmoderation.platform.persistence.ReadReplica;
import dev.commentmoderation.platform.web.DatabaseUnavailable;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Approved comments per article, for index pages that show "12 comments" under each headline. The
 * counts of the articles not in memory are read with one grouped query (from the read replica when
 * there is one) and kept by the same rule as the thread pages ({@link ThreadCache}'s stamps): a
 * count is served only while nothing changed its article's thread since it was read, and at most
 * {@code comments.thread.cache.max.age.seconds} (the replica's lag bound when it came from there).
 */
@ApplicationScoped
public class ArticleCounts {

  /** Ids one request may ask for. */
  public static final int MAX_ARTICLES = 100;

  private record Entry(ThreadCache.Stamp stamp, long count, long until) {}

  @Inject ThreadCache threads;
  @Inject ReadReplica reads;

  @Inject
  @ConfigProperty(name = "comments.thread.cache.max.age.seconds", defaultValue = "30")
  long maxAgeSeconds;

  @Inject
  @ConfigProperty(name = "comments.db.read.max.lag.seconds", defaultValue = "5")
  double replicaLagSeconds;

  private Cache<String, Entry> counts;

  @PostConstruct
  void init() {
    counts =
        Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(Duration.ofSeconds(Math.max(0, maxAgeSeconds)))
            .build();
  }

  /** The approved comments of each article, in the order asked; an unknown article counts 0. */
  public Map<String, Long> approved(List<String> articleIds) {
    Map<String, Long> found = new HashMap<>();
    List<String> missing = new ArrayList<>();
    Map<String, ThreadCache.Stamp> stamps = new HashMap<>();
    long now = System.nanoTime();
    for (String id : articleIds) {
      Entry e = counts.getIfPresent(id);
      if (e != null && now - e.until() < 0 && threads.current(id, e.stamp())) {
        found.put(id, e.count());
      } else {
        missing.add(id);
        // before the read: a change committed meanwhile makes this count unservable
        stamps.put(id, threads.stamp(id));
      }
    }
    if (!missing.isEmpty()) {
      Read read = read(missing);
      long until =
          now
              + (read.fromReplica()
                  ? (long) (replicaLagSeconds * 1e9)
                  : Duration.ofSeconds(Math.max(0, maxAgeSeconds)).toNanos());
      for (String id : missing) {
        long n = read.counts().getOrDefault(id, 0L);
        found.put(id, n);
        ThreadCache.Stamp stamp = stamps.get(id);
        if (stamp != null && threads.current(id, stamp)) counts.put(id, new Entry(stamp, n, until));
      }
    }
    Map<String, Long> ordered = new LinkedHashMap<>();
    for (String id : articleIds) ordered.put(id, found.getOrDefault(id, 0L));
    return Collections.unmodifiableMap(ordered);
  }

  private record Read(Map<String, Long> counts, boolean fromReplica) {}

  /** One grouped query over the thread index (article_id, status, …): an index-only count. */
  private Read read(List<String> ids) {
    StringBuilder sql =
        new StringBuilder(
            "SELECT article_id, COUNT(*) FROM comments WHERE status = 'APPROVED' AND article_id IN (");
    for (int i = 0; i < ids.size(); i++) sql.append(i == 0 ? "?" : ", ?");
    sql.append(") GROUP BY article_id");
    try {
      return reads.read(
          (c, replica) -> {
            Map<String, Long> m = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement(sql.toString())) {
              for (int i = 0; i < ids.size(); i++) s.setString(i + 1, ids.get(i));
              try (ResultSet r = s.executeQuery()) {
                while (r.next()) m.put(r.getString(1), r.getLong(2));
              }
            }
            return new Read(m, replica);
          });
    } catch (SQLException e) {
      throw new DatabaseUnavailable(e);
    }
  }
}
