package raftsim.learn;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes the viewer: one self-contained HTML file (the page, its style and its script inline, the trace
 * embedded as data) that opens from disk with no network at all; its content security policy forbids
 * every request.
 */
public final class HtmlExport {
  private HtmlExport() {}

  /** Writes the page for {@code loaded} to {@code out}, in UTF-8; returns the bytes written. */
  public static long write(LoadedTrace loaded, OutputStream out) throws IOException {
    String page = resource("viewer.html");
    String title = escapeHtml(loaded.title());
    String data = ViewerData.json(loaded).replace("<", "\\u003c"); // no "</script>" can end the data early
    String[] parts = page.replace("{{title}}", title).split("/\\*raftsim:(css|data|js)\\*/", -1);
    if (parts.length != 4) {
      throw new IllegalStateException("viewer.html must hold the css, data and js placeholders once each");
    }
    long bytes = 0;
    bytes += put(out, parts[0]);
    bytes += put(out, resource("viewer.css"));
    bytes += put(out, parts[1]);
    bytes += put(out, data);
    bytes += put(out, parts[2]);
    bytes += put(out, resource("viewer.js"));
    bytes += put(out, parts[3]);
    return bytes;
  }

  private static long put(OutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.write(b);
    return b.length;
  }

  private static String resource(String name) {
    try (InputStream in = HtmlExport.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("the jar lacks raftsim/learn/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String escapeHtml(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
