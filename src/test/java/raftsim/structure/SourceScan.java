package raftsim.structure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Reads the project's main sources and finds forbidden references in them, line by line. */
final class SourceScan {
  static final Path MAIN = Path.of("src", "main", "java", "raftsim");

  /** One forbidden reference: where, and which rule it breaks. */
  record Finding(String file, int line, String rule, String text) {
    @Override
    public String toString() {
      return file + ":" + line + ": " + rule + ": " + text.strip();
    }
  }

  /** A pattern that must not occur, and what to call it when it does. */
  record Rule(String name, Pattern pattern) {
    static Rule of(String name, String regex) {
      return new Rule(name, Pattern.compile(regex));
    }
  }

  private SourceScan() {}

  static List<Path> javaFiles(String pkg) {
    Path dir = MAIN.resolve(pkg);
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Finding> scan(List<Path> files, List<Rule> rules) {
    List<Finding> found = new ArrayList<>();
    for (Path f : files) {
      try {
        found.addAll(scan(f.toString(), Files.readString(f, StandardCharsets.UTF_8), rules));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return found;
  }

  /** Scans one source text; comments are skipped so that a rule may be named in prose. */
  static List<Finding> scan(String file, String source, List<Rule> rules) {
    List<Finding> found = new ArrayList<>();
    String[] lines = stripComments(source).split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      for (Rule r : rules) {
        Matcher m = r.pattern().matcher(lines[i]);
        if (m.find()) {
          found.add(new Finding(file, i + 1, r.name(), lines[i]));
        }
      }
    }
    return found;
  }

  /** Blanks out comments and string literals, keeping line breaks so line numbers stay right. */
  static String stripComments(String s) {
    StringBuilder out = new StringBuilder(s.length());
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '/') {
        while (i < s.length() && s.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '*') {
        i += 2;
        while (i + 1 < s.length() && !(s.charAt(i) == '*' && s.charAt(i + 1) == '/')) {
          out.append(s.charAt(i) == '\n' ? '\n' : ' ');
          i++;
        }
        i += 2;
      } else if (c == '"') {
        out.append('"');
        i++;
        while (i < s.length() && s.charAt(i) != '"' && s.charAt(i) != '\n') {
          i += s.charAt(i) == '\\' ? 2 : 1;
        }
        out.append('"');
        i++;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }
}
