package raftsim.check.history;

import java.util.List;
import java.util.Locale;

/** The history file formats raftsim reads, and how to tell them apart by their first non-blank line. */
public enum HistoryFormat {
  /** raftsim's own format, written by {@code run --history} (see {@code src/docs/linearizability.md}). */
  RAFTSIM("raftsim"),
  /** Porcupine's key-value logs: one EDN map per line. */
  PORCUPINE_KV("porcupine-kv"),
  /** The Jepsen etcd logs of one compare-and-set register. */
  JEPSEN_ETCD("jepsen-etcd");

  private final String cliName;

  HistoryFormat(String cliName) {
    this.cliName = cliName;
  }

  /** The name used on the command line and in reports. */
  public String cliName() {
    return cliName;
  }

  /** The format called {@code name} on the command line, or null when there is none. */
  public static HistoryFormat byName(String name) {
    for (HistoryFormat f : values()) {
      if (f.cliName.equals(name.toLowerCase(Locale.ROOT))) {
        return f;
      }
    }
    return null;
  }

  /**
   * The format of {@code content}, judged by its first non-blank line, or null when it has no such line (an empty
   * history).
   */
  public static HistoryFormat detect(String source, String content) throws HistoryParseException {
    List<String> lines = Lines.of(content);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty()) {
        continue;
      }
      if (line.startsWith("raftsim-history")) {
        return RAFTSIM;
      }
      if (line.startsWith("{")) {
        return PORCUPINE_KV;
      }
      if (line.startsWith("INFO") && line.contains("jepsen.util")) {
        return JEPSEN_ETCD;
      }
      throw new HistoryParseException(source, i + 1, 1,
          "cannot tell the history format: expected '" + HistoryWriter.HEADER + "' (raftsim), an EDN map"
              + " '{:process ...}' (porcupine-kv) or 'INFO  jepsen.util - ...' (jepsen-etcd); or name it with --format");
    }
    return null;
  }

  /** Reads {@code content} in this format; {@code source} names it in error messages. */
  public History read(String source, String content) throws HistoryParseException {
    return switch (this) {
      case RAFTSIM -> RaftsimHistoryReader.read(source, content);
      case PORCUPINE_KV -> PorcupineKvReader.read(source, content);
      case JEPSEN_ETCD -> JepsenEtcdReader.read(source, content);
    };
  }
}
