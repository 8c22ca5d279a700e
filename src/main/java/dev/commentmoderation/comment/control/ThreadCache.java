package dev.commentmoderation.comment.control;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.commentmoderation.platform.persistence.RoutingDataSource;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Rendered pages of approved threads (the JSON bytes and a strong ETag), bounded in entries and
 * age.
 *
 * <p>Invalidation never removes entries; it makes them unservable. Every entry carries the stamp
 * (global epoch, article generation) read <em>before</em> its page was read from the database, and
 * is served only while both are unchanged. A change bumps the article's generation after it
 * committed, so a page read before or during a commit can never be served after the invalidation,
 * without any locking between readers and writers. Generations are striped by the article's hash:
 * memory stays fixed, and a collision only costs an extra read.
 *
 * <p>When another instance's changes can only be learnt through a listener (PostgreSQL
 * LISTEN/NOTIFY), the cache is used only while that listener has recently proved it is connected;
 * otherwise pages are read from the database every time.
 */
@ApplicationScoped
public class ThreadCache {

  static final int STRIPES = 1 << 14;

  /**
   * {@code view} tells other views of the thread apart (a sort order, the picks); null for none.
   */
  public record Key(String articleId, int limit, String cursor, boolean newestFirst, String view) {
    public Key(String articleId, int limit, String cursor, boolean newestFirst) {
      this(articleId, limit, cursor, newestFirst, null);
    }
  }

  /** A page as it goes on the wire, with its entity tag's value (unquoted). */
  public record Rendered(byte[] json, String etag) {
    public static Rendered of(byte[] json) {
      return new Rendered(json, ThreadCache.etag(json));
    }
  }

  private record Entry(long epoch, long generation, Rendered page) {}

  @Inject
  @ConfigProperty(name = "comments.thread.cache.max.entries", defaultValue = "10000")
  long maxEntries;

  @Inject
  @ConfigProperty(name = "comments.thread.cache.max.mb", defaultValue = "32")
  long maxMegabytes;

  @Inject
  @ConfigProperty(name = "comments.thread.cache.max.age.seconds", defaultValue = "30")
  long maxAgeSeconds;

  private Cache<Key, Entry> pages;
  private Ticker ticker;
  private final AtomicLongArray generations = new AtomicLongArray(STRIPES);
  private final AtomicLong epoch = new AtomicLong();
  private volatile boolean remoteRequired;
  private volatile boolean remoteUp;
  private volatile long remoteTrustedUntil;

  @Inject
  @ConfigProperty(name = "comments.db.url")
  String databaseUrl;

  @PostConstruct
  void init() {
    configure(
        maxEntries, maxMegabytes << 20, Duration.ofSeconds(maxAgeSeconds), Ticker.systemTicker());
    // other instances may share a PostgreSQL: nothing is cached until the listener proves it hears
    // them
    if (RoutingDataSource.isPostgres(databaseUrl)) requireRemote();
  }

  /** For tests: bounded by the number of entries only. */
  void configure(long entries, Duration maxAge, Ticker clock) {
    configure(entries, Math.max(0, entries) << 20, maxAge, clock);
  }

  /**
   * For tests and {@link #init()}: a size of 0 or an age of 0 turns caching off. Bounded both in
   * entries and in bytes (a page of a long thread is tens of KB, so the entry count alone would let
   * the cache outgrow the heap): each page weighs its size but at least {@code maxBytes / entries},
   * so neither bound can be exceeded.
   */
  void configure(long entries, long maxBytes, Duration maxAge, Ticker clock) {
    ticker = clock;
    long bound = Math.max(0, Math.min(maxBytes, Integer.MAX_VALUE * 1024L));
    int floor = entries <= 0 ? 1 : (int) Math.min(Integer.MAX_VALUE, Math.max(1, bound / entries));
    pages =
        Caffeine.newBuilder()
            .maximumWeight(entries <= 0 ? 0 : bound)
            .weigher((Key k, Entry e) -> Math.max(floor, e.page().json().length + 64))
            .expireAfterWrite(maxAge.isNegative() ? Duration.ZERO : maxAge)
            .ticker(clock)
            .executor(Runnable::run)
            .build();
  }

  /**
   * The page for the key: cached when still valid, else rendered now (and kept when nothing changed
   * meanwhile).
   */
  public Rendered page(Key key, Supplier<byte[]> render) {
    if (!usable()) return Rendered.of(render.get());
    int stripe = stripe(key.articleId());
    Entry cached = pages.getIfPresent(key);
    if (cached != null && valid(cached, stripe)) return cached.page();
    // read the stamp before the database, so that a change committed meanwhile invalidates this
    // fill
    long e = epoch.get();
    long g = generations.get(stripe);
    Rendered page = Rendered.of(render.get());
    if (epoch.get() == e && generations.get(stripe) == g && usable()) {
      pages.put(key, new Entry(e, g, page));
    }
    return page;
  }

  private boolean valid(Entry entry, int stripe) {
    return entry.epoch() == epoch.get() && entry.generation() == generations.get(stripe);
  }

  /**
   * What a value derived from an article's public thread (a count) must carry to be served from
   * another cache by the same rule as the pages: taken before the database read, still current when
   * served.
   */
  public record Stamp(long epoch, long generation) {}

  /** The article's stamp now; null when nothing may be cached at the moment. */
  public Stamp stamp(String articleId) {
    if (!usable()) return null;
    return new Stamp(epoch.get(), generations.get(stripe(articleId)));
  }

  /** Whether a value stamped earlier is still current (nothing changed the article since). */
  public boolean current(String articleId, Stamp stamp) {
    return stamp != null
        && usable()
        && stamp.epoch() == epoch.get()
        && stamp.generation() == generations.get(stripe(articleId));
  }

  /** Called after a change to the article's public thread committed. */
  public void invalidate(String articleId) {
    generations.incrementAndGet(stripe(articleId));
  }

  public void invalidateAll() {
    epoch.incrementAndGet();
  }

  /** From now on, cached pages are served only while {@link #remoteAlive} keeps being called. */
  public void requireRemote() {
    remoteUp = false;
    remoteRequired = true;
  }

  /**
   * The listener for other instances' changes is connected and up to date, for the next {@code
   * validFor}.
   */
  public void remoteAlive(Duration validFor) {
    remoteTrustedUntil = ticker.read() + validFor.toNanos();
    remoteUp = true;
  }

  /** The listener lost its connection: changes may have been missed. */
  public void remoteLost() {
    remoteUp = false;
    invalidateAll();
  }

  boolean usable() {
    return !remoteRequired || (remoteUp && ticker.read() - remoteTrustedUntil < 0);
  }

  long size() {
    pages.cleanUp();
    return pages.estimatedSize();
  }

  static int stripe(String articleId) {
    int h = articleId.hashCode();
    return (h ^ (h >>> 16)) & (STRIPES - 1);
  }

  /** A strong validator from the content: the same page has the same tag on every instance. */
  public static String etag(byte[] json) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(json);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 18));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
