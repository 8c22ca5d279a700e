package dev.commentmoderation.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps index changes from locking {@code comments} during a rolling deploy: every migration after
 * V8 that creates or drops an index on a table an earlier migration made must run outside a
 * transaction (a {@code .conf} with {@code executeInTransaction=false}) and say {@code
 * ${concurrently}} in each such statement (README, "Migrations"). V1–V8 are applied in existing
 * installations and keep their checksums; an index on a table created in the same script is built
 * on an empty table and needs neither.
 */
class MigrationFormTest {

  static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
  static final Pattern VERSION = Pattern.compile("V(\\d+)(?:_\\d+)?__.*\\.sql");
  static final Pattern INDEX =
      Pattern.compile(
          "(CREATE\\s+(?:UNIQUE\\s+)?INDEX|DROP\\s+INDEX)\\s+([^;]*?)(?:\\bON\\s+(\\w+))?\\s*(?:\\(|;|$)",
          Pattern.CASE_INSENSITIVE);
  static final Pattern CREATE_TABLE =
      Pattern.compile(
          "CREATE\\s+(?:\\$\\{unlogged\\}\\s+)?TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(\\w+)",
          Pattern.CASE_INSENSITIVE);

  @Test
  void indexChangesAfterV8AreConcurrentAndOutsideATransaction() throws IOException {
    List<String> wrong = new ArrayList<>();
    try (Stream<Path> files = Files.list(MIGRATIONS)) {
      for (Path file : files.sorted().toList()) {
        Matcher v = VERSION.matcher(file.getFileName().toString());
        if (!v.matches() || Integer.parseInt(v.group(1)) <= 8) continue;
        String sql = withoutComments(Files.readString(file, StandardCharsets.UTF_8));
        List<String> ownTables = new ArrayList<>();
        Matcher t = CREATE_TABLE.matcher(sql);
        while (t.find()) ownTables.add(t.group(1).toLowerCase(Locale.ROOT));
        boolean changesExisting = false;
        Matcher i = INDEX.matcher(sql);
        while (i.find()) {
          String table = i.group(3) == null ? null : i.group(3).toLowerCase(Locale.ROOT);
          if (table != null && ownTables.contains(table)) continue;
          changesExisting = true;
          if (!i.group(2).contains("${concurrently}")) {
            wrong.add(file.getFileName() + ": " + i.group().strip() + " without ${concurrently}");
          }
        }
        Path conf = file.resolveSibling(file.getFileName() + ".conf");
        if (changesExisting
            && !(Files.exists(conf)
                && Files.readString(conf)
                    .replace(" ", "")
                    .contains("executeInTransaction=false"))) {
          wrong.add(file.getFileName() + ": index change without executeInTransaction=false");
        }
      }
    }
    assertTrue(wrong.isEmpty(), String.join("\n", wrong));
  }

  static String withoutComments(String sql) {
    return sql.replaceAll("--[^\\n]*", "");
  }
}
