package dev.commentmoderation.comment.control;

import dev.commentmoderation.platform.cluster.ListenerState;
import dev.commentmoderation.platform.cluster.Signal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Hears the other instances' thread changes through the cluster signals ({@link
 * Signal.Channel#THREADS}, sent by {@link ThreadInvalidation}). While the listening connection is
 * not vouched for by its heartbeat the cache is bypassed, and after every (re)connection everything
 * cached is dropped, since notifications sent while nobody listened are lost.
 */
@ApplicationScoped
public class ThreadChangeListener {

  @Inject ThreadCache cache;

  void signalled(@Observes Signal signal) {
    if (signal.channel() == Signal.Channel.THREADS) apply(signal.payload());
    if (signal.channel() == Signal.Channel.RESYNC) cache.invalidateAll();
  }

  void listening(@Observes ListenerState state) {
    if (state.listening()) cache.remoteAlive(state.trustFor());
    else cache.remoteLost();
  }

  /**
   * {@code "<instance> <articleId> [<articleId>...]"} from a service, {@code "<articleId>"} or
   * {@code "*"} by hand.
   */
  void apply(String payload) {
    if (payload == null || payload.isBlank() || payload.strip().equals("*")) {
      cache.invalidateAll();
      return;
    }
    String[] words = payload.strip().split(" +");
    if (words.length == 1) {
      cache.invalidate(words[0]);
    } else if (!words[0].equals(ThreadInvalidation.INSTANCE)) {
      // this instance's own changes were applied after its commit already
      for (int i = 1; i < words.length; i++) cache.invalidate(words[i]);
    }
  }
}
