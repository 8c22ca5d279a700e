package dev.commentmoderation.engine.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Where {@code include:} paths of a rule set are read from: a directory (the one holding the YAML
 * file) or the classpath under {@code /moderation/}. Paths are relative, without {@code ..}, so a
 * rule set can never read outside its own folder.
 */
@FunctionalInterface
public interface LexiconSource {

  String read(String relativePath) throws IOException;

  static LexiconSource classpath() {
    return path -> {
      try (InputStream in = LexiconSource.class.getResourceAsStream("/moderation/" + path)) {
        if (in == null) {
          throw new NoSuchFileException("classpath:/moderation/" + path);
        }
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    };
  }

  /** Files under {@code base}, falling back to the classpath for those that are not there. */
  static LexiconSource directory(Path base) {
    LexiconSource fallback = classpath();
    return path -> {
      Path file = base.resolve(path).normalize();
      if (file.startsWith(base.normalize()) && Files.isRegularFile(file)) {
        return Files.readString(file, StandardCharsets.UTF_8);
      }
      return fallback.read(path);
    };
  }

  static boolean acceptable(String path) {
    return path.matches("[A-Za-z0-9_\\-]+(?:/[A-Za-z0-9_\\-.]+)*\\.[A-Za-z0-9]+")
        && !path.contains("..");
  }
}
