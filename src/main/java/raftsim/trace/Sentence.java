package raftsim.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plain-language sentence with holes named after a trace line's fields, such as
 * {@code "{node} grants its vote to {candidate} in term {term}"}. Filling it from a line gives the
 * explanation of that line. The template text is plain data, so the HTML viewer fills the very same
 * templates in JavaScript: a hole becomes the field's value as the trace writes it (strings without
 * quotes), and a field the line lacks becomes "?".
 *
 * @param id a stable name, such as {@code vote.refused.CANDIDATE_LOG_BEHIND}
 * @param template the sentence, ending with the section of the Raft paper it follows
 */
public record Sentence(String id, String template) {
  private static final Pattern HOLE = Pattern.compile("\\{([A-Za-z]+)\\}");

  public Sentence {
    if (!template.contains("§") && !template.contains("Figure")) {
      throw new IllegalArgumentException(id + ": every explanation cites its section of the paper");
    }
  }

  /** The field names the template uses, in order of first use. */
  public List<String> holes() {
    List<String> names = new ArrayList<>();
    Matcher m = HOLE.matcher(template);
    while (m.find()) {
      if (!names.contains(m.group(1))) {
        names.add(m.group(1));
      }
    }
    return names;
  }

  /** The sentence for {@code line}. */
  public String fill(TraceLine line) {
    Matcher m = HOLE.matcher(template);
    StringBuilder b = new StringBuilder(template.length() + 32);
    int last = 0;
    while (m.find()) {
      b.append(template, last, m.start()).append(line.text(m.group(1)));
      last = m.end();
    }
    return b.append(template, last, template.length()).toString();
  }
}
