package dev.commentmoderation.engine.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads every {@code *.tsv} below the {@code corpus} folder of the test class path. Lines are
 * {@code label<TAB>category<TAB>text}; {@code #} starts a comment line. In the text, {@code
 * \\uXXXX} is one UTF-16 code unit and {@code \\\\} a backslash, so invisible characters stay
 * visible in diffs.
 */
final class CorpusFiles {

  static final String ROOT = "corpus";
  private static final Pattern CATEGORY = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
  private static final Pattern HEX4 = Pattern.compile("[0-9a-fA-F]{4}");

  /**
   * What was read, and what could not be, so that a broken line fails one test, not all of them.
   */
  record Loaded(List<CorpusLine> lines, List<String> problems) {}

  private CorpusFiles() {}

  static Loaded load() {
    List<CorpusLine> lines = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    Path root = rootFolder();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(p -> p.toString().endsWith(".tsv")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (Path file : files) {
      Path relative = root.relativize(file);
      String part = relative.getNameCount() > 1 ? relative.getName(0).toString() : "";
      readFile(file, relative.toString(), part, lines, problems);
    }
    if (files.isEmpty()) {
      problems.add("no *.tsv below " + root);
    }
    return new Loaded(List.copyOf(lines), List.copyOf(problems));
  }

  private static void readFile(
      Path file, String name, String part, List<CorpusLine> lines, List<String> problems) {
    List<String> raw;
    try {
      raw = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (int i = 0; i < raw.size(); i++) {
      String row = raw.get(i);
      String where = name + ":" + (i + 1);
      if (row.isBlank() || row.startsWith("#")) {
        continue;
      }
      String[] fields = row.split("\t", -1);
      if (fields.length != 3) {
        problems.add(where + ": expected 3 tab-separated fields, found " + fields.length);
        continue;
      }
      CorpusLine.Label label;
      try {
        label = CorpusLine.Label.valueOf(fields[0]);
      } catch (IllegalArgumentException e) {
        problems.add(where + ": unknown label '" + fields[0] + "'");
        continue;
      }
      if (!CATEGORY.matcher(fields[1]).matches()) {
        problems.add(where + ": malformed category '" + fields[1] + "'");
        continue;
      }
      try {
        String text = unescape(fields[2]);
        if (text.isBlank()) {
          problems.add(where + ": empty text");
          continue;
        }
        lines.add(new CorpusLine(part, where, label, fields[1], text));
      } catch (IllegalArgumentException e) {
        problems.add(where + ": " + e.getMessage());
      }
    }
  }

  static String unescape(String field) {
    StringBuilder out = new StringBuilder(field.length());
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (i + 1 < field.length() && field.charAt(i + 1) == '\\') {
        out.append('\\');
        i++;
      } else if (i + 1 < field.length() && field.charAt(i + 1) == 'u') {
        String hex = field.substring(i + 2, Math.min(i + 6, field.length()));
        if (!HEX4.matcher(hex).matches()) {
          throw new IllegalArgumentException("bad \\u escape at column " + (i + 1));
        }
        out.append((char) Integer.parseInt(hex, 16));
        i += 5;
      } else {
        throw new IllegalArgumentException("lone backslash at column " + (i + 1) + " (write \\\\)");
      }
    }
    return out.toString();
  }

  /**
   * The inverse of {@link #unescape} for the report: invisible and combining characters as escapes.
   */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int type = Character.getType(c);
      boolean invisible =
          type == Character.FORMAT
              || type == Character.NON_SPACING_MARK
              || type == Character.ENCLOSING_MARK
              || type == Character.CONTROL
              || (type == Character.SPACE_SEPARATOR && c != ' ');
      if (c == '\\') {
        out.append("\\\\");
      } else if (invisible) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static Path rootFolder() {
    URL url = CorpusFiles.class.getClassLoader().getResource(ROOT);
    if (url == null) {
      throw new IllegalStateException("no '" + ROOT + "' folder on the test class path");
    }
    try {
      URI uri = url.toURI();
      if ("jar".equals(uri.getScheme())) {
        try {
          FileSystems.getFileSystem(uri);
        } catch (FileSystemNotFoundException e) {
          FileSystems.newFileSystem(uri, Map.of());
        }
      }
      return Path.of(uri);
    } catch (URISyntaxException | IOException e) {
      throw new IllegalStateException("cannot open " + url, e);
    }
  }
}
