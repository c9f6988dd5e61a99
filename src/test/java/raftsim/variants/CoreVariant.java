package raftsim.variants;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A deliberately broken build of raftsim, made in a test: some of the core's source files are copied,
 * patched with a known bug, compiled into a scratch folder, and loaded with every other raftsim class
 * in a class loader of their own, so the simulator, the checkers and the command line run on the
 * broken core while the real core stays clean. Each patch must apply exactly once, so a variant
 * fails loudly when the code it breaks has moved.
 */
public final class CoreVariant {
  private static final Path CORE = Path.of("src", "main", "java", "raftsim", "core");

  private final String name;
  private final ClassLoader loader;

  /** What the variant's command line printed and returned. */
  public record Result(int code, String out, String err) {}

  /** One textual change to one core file: {@code find} must occur there exactly once. */
  public record Patch(String file, String find, String replace) {}

  private CoreVariant(String name, ClassLoader loader) {
    this.name = name;
    this.loader = loader;
  }

  /** Builds the variant {@code name} from {@code patches}; throws when a patch does not apply or does not compile. */
  public static CoreVariant build(String name, Patch... patches) {
    try {
      Path dir = Files.createTempDirectory("raftsim-variant-" + name);
      Path src = dir.resolve("src");
      Path classes = dir.resolve("classes");
      Files.createDirectories(src);
      Files.createDirectories(classes);
      List<String> files = new ArrayList<>();
      for (Patch p : patches) {
        Path target = src.resolve(p.file());
        String text = Files.exists(target) ? Files.readString(target) : Files.readString(CORE.resolve(p.file()));
        int at = text.indexOf(p.find());
        assertTrue(at >= 0 && text.indexOf(p.find(), at + 1) < 0,
            name + ": the patch must match exactly once in " + p.file() + ": " + p.find());
        Files.writeString(target, text.substring(0, at) + p.replace() + text.substring(at + p.find().length()));
        if (!files.contains(target.toString())) {
          files.add(target.toString());
        }
      }
      if (!files.isEmpty()) {
        compile(name, files, classes);
      }
      URL[] path = {classes.toUri().toURL(), Path.of("target", "classes").toUri().toURL()};
      return new CoreVariant(name, new ChildFirst(path, CoreVariant.class.getClassLoader()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void compile(String name, List<String> files, Path out) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<String> args = new ArrayList<>(List.of("--release", "17", "-nowarn", "-d", out.toString(),
        "-cp", Path.of("target", "classes").toString()));
    args.addAll(files);
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    int code = javac.run(null, null, errors, args.toArray(String[]::new));
    assertTrue(code == 0, name + " does not compile:\n" + errors.toString(StandardCharsets.UTF_8));
  }

  /** Runs the variant's command line, as {@code java -jar raftsim.jar args...} would. */
  public Result run(String... args) {
    try {
      Class<?> main = Class.forName("raftsim.cli.Main", true, loader);
      Method execute = main.getMethod("execute", PrintWriter.class, PrintWriter.class, String[].class);
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code = (int) execute.invoke(null, new PrintWriter(out), new PrintWriter(err), args);
      return new Result(code, out.toString(), err.toString());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot run variant " + name, e);
    }
  }

  /** Loads raftsim's own classes itself (patched ones first); everything else from its parent. */
  private static final class ChildFirst extends URLClassLoader {
    ChildFirst(URL[] urls, ClassLoader parent) {
      super(urls, parent);
    }

    @Override
    protected Class<?> loadClass(String className, boolean resolve) throws ClassNotFoundException {
      if (!className.startsWith("raftsim.")) {
        return super.loadClass(className, resolve);
      }
      synchronized (getClassLoadingLock(className)) {
        Class<?> c = findLoadedClass(className);
        if (c == null) {
          c = findClass(className);
        }
        if (resolve) {
          resolveClass(c);
        }
        return c;
      }
    }
  }
}
