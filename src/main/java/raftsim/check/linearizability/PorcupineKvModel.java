package raftsim.check.linearizability;

import raftsim.check.history.PorcupineKvReader;

/**
 * Porcupine's key-value store: get, put and append on strings, every key "" at first, one partition per key. Commands
 * are those {@link PorcupineKvReader} writes: {@code get K}, {@code put K V}, {@code append K V}.
 */
public final class PorcupineKvModel implements Model<PorcupineKvModel.Command, String, String> {

  /** The three functions. */
  public enum Function { GET, PUT, APPEND }

  /** A parsed command; {@code value} is "" for get. */
  public record Command(Function function, String key, String value) {}

  @Override
  public String name() {
    return "porcupine-kv";
  }

  @Override
  public Command parseCommand(String command) {
    int space = command.indexOf(' ');
    String verb = space < 0 ? command : command.substring(0, space);
    String rest = space < 0 ? "" : command.substring(space + 1);
    int keyEnd = rest.indexOf(' ');
    switch (verb) {
      case "get":
        if (rest.isEmpty() || keyEnd >= 0) {
          throw new IllegalArgumentException("expected 'get KEY', not '" + command + "'");
        }
        return new Command(Function.GET, rest, "");
      case "put":
      case "append":
        if (keyEnd <= 0) {
          throw new IllegalArgumentException("expected '" + verb + " KEY VALUE', not '" + command + "'");
        }
        Function f = verb.equals("put") ? Function.PUT : Function.APPEND;
        return new Command(f, rest.substring(0, keyEnd), rest.substring(keyEnd + 1));
      default:
        throw new IllegalArgumentException("unknown command '" + command + "' (expected get, put or append)");
    }
  }

  @Override
  public String parseResult(Command command, String result) {
    if (command.function() != Function.GET && !result.equals("ok")) {
      throw new IllegalArgumentException("put and append result in 'ok', not '" + result + "'");
    }
    return result;
  }

  @Override
  public String partitionOf(Command command) {
    return command.key();
  }

  @Override
  public boolean isReadOnly(Command command, String result) {
    return command.function() == Function.GET;
  }

  @Override
  public String initialState() {
    return "";
  }

  @Override
  public String step(String state, Command command, String result) {
    if (command.function() == Function.GET) {
      return state.equals(result) ? state : null;
    }
    return stepUnknown(state, command);
  }

  @Override
  public String stepUnknown(String state, Command command) {
    return switch (command.function()) {
      case GET -> state;
      case PUT -> command.value();
      case APPEND -> state.concat(command.value());
    };
  }

  @Override
  public String describeCommand(Command command) {
    return switch (command.function()) {
      case GET -> "get " + command.key();
      case PUT -> "put " + command.key() + " \"" + command.value() + "\"";
      case APPEND -> "append " + command.key() + " \"" + command.value() + "\"";
    };
  }

  @Override
  public String describeResult(Command command, String result) {
    return command.function() == Function.GET ? "\"" + result + "\"" : result;
  }

  @Override
  public String describeState(String state) {
    return "\"" + state + "\"";
  }

  @Override
  public long estimateBytes(String state) {
    return 40 + state.length();
  }

  @Override
  public StringWrites<Command, String> stringWrites() {
    return new StringWrites<>() {
      @Override
      public Effect effect(Command command) {
        return switch (command.function()) {
          case GET -> Effect.READ;
          case PUT -> Effect.SET;
          case APPEND -> Effect.APPEND;
        };
      }

      @Override
      public String written(Command command) {
        return command.value();
      }

      @Override
      public String observed(Command command, String result) {
        return result;
      }
    };
  }
}
