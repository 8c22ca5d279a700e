package dev.commentmoderation.data.control;

import dev.commentmoderation.data.entity.ImportJob;
import dev.commentmoderation.data.entity.SourceComment;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs imports. The request's body is copied to a file of its own as it arrives (constant memory,
 * however large the export), then a job on the imports executor reads the file one comment at a
 * time, stages them in batches and publishes the job in one step at the end (see {@link
 * ImportStaging}): while it runs nothing of it is visible, and when it fails nothing of it ever is.
 * The file lives on the instance that received it; if that instance dies the job is failed (see
 * {@link DataSchedule}) and the import is simply sent again.
 */
@ApplicationScoped
public class ImportJobs {

  private static final Logger LOG = Logger.getLogger(ImportJobs.class.getName());

  @Resource(lookup = DataSchedule.IMPORTS_EXECUTOR)
  ManagedExecutorService executor;

  @Inject ImportStaging staging;

  @Inject
  @ConfigProperty(name = "comments.import.dir")
  Optional<String> directory;

  @Inject
  @ConfigProperty(name = "comments.import.article.pattern")
  Optional<String> articlePattern;

  @Inject
  @ConfigProperty(name = "comments.import.batch.size", defaultValue = "1000")
  int batchSize;

  /** Copies the body to a file, makes the job and starts it; returns the job as it starts. */
  public ImportJob start(SourceFormat format, boolean moderate, String actor, InputStream body) {
    ArticleIdRule rule = new ArticleIdRule(articlePattern);
    Path file = spool(body);
    long job;
    try {
      job = staging.create(format.key(), moderate, actor);
    } catch (RuntimeException e) {
      delete(file);
      throw e;
    }
    executor.execute(() -> run(job, format, moderate, actor, file, rule));
    return staging.find(job);
  }

  public ImportJob find(long id) {
    return staging.find(id);
  }

  private Path spool(InputStream body) {
    try {
      Path dir = Path.of(directory.orElse(System.getProperty("java.io.tmpdir")));
      Files.createDirectories(dir);
      Path file = Files.createTempFile(dir, "import-", ".part");
      try {
        Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException | RuntimeException e) {
        delete(file);
        throw e;
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("could not receive the import file", e);
    }
  }

  void run(
      long job,
      SourceFormat format,
      boolean moderate,
      String actor,
      Path file,
      ArticleIdRule rule) {
    ImportStaging.Progress progress = new ImportStaging.Progress();
    long started = System.nanoTime();
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        SourceReader reader = format.reader(in, rule)) {
      List<SourceComment> batch = new ArrayList<>(batchSize);
      for (SourceComment c = reader.next(); c != null; c = reader.next()) {
        progress.read++;
        batch.add(c);
        if (batch.size() >= batchSize) {
          progress.failed = reader.unusable();
          progress.passedOver = reader.passedOver();
          stage(job, format, moderate, batch, progress);
          batch.clear();
        }
      }
      progress.failed = reader.unusable();
      progress.passedOver = reader.passedOver();
      if (!batch.isEmpty()) stage(job, format, moderate, batch, progress);
      staging.link(job, progress);
      long imported = staging.publish(job, format.key(), actor, progress);
      staging.finished(job);
      LOG.info(
          () ->
              "import "
                  + job
                  + " ("
                  + format.key()
                  + "): "
                  + imported
                  + " comments in "
                  + (System.nanoTime() - started) / 1_000_000
                  + " ms");
    } catch (MalformedSource e) {
      LOG.info(() -> "import " + job + " failed: " + e.getMessage());
      staging.fail(job, actor, "malformed " + format.key() + " file: " + e.getMessage(), progress);
    } catch (RuntimeException | IOException e) {
      LOG.log(Level.WARNING, "import " + job + " failed", e);
      staging.fail(job, actor, "the import failed: " + e.getClass().getSimpleName(), progress);
    } catch (Error e) {
      // a managed executor keeps a task's error in a future nobody reads: say it, fail the job
      LOG.log(Level.SEVERE, "import " + job + " failed", e);
      staging.fail(job, actor, "the import failed: " + e.getClass().getSimpleName(), progress);
      throw e;
    } finally {
      delete(file);
      try {
        staging.discard(job);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "staged rows of import " + job + " left behind", e);
      }
    }
  }

  private void stage(
      long job,
      SourceFormat format,
      boolean moderate,
      List<SourceComment> batch,
      ImportStaging.Progress progress) {
    try {
      staging.stage(job, format.key(), moderate, batch, progress, false);
    } catch (ImportStaging.RepeatedRecord e) {
      // rolled back: the same batch again, each row looked up first
      staging.stage(job, format.key(), moderate, batch, progress, true);
    }
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.warning(() -> "could not delete " + file + ": " + e);
    }
  }
}
