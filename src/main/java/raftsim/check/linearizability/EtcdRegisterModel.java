package raftsim.check.linearizability;

import raftsim.check.history.JepsenEtcdReader;

/**
 * The single compare-and-set register of the Jepsen etcd histories: read, write and cas on integers, nil at first.
 * Commands and results are those {@link JepsenEtcdReader} writes: {@code read} gives {@code N} or {@code nil},
 * {@code write N} gives {@code ok}, {@code cas A B} gives {@code true} or {@code false} (false is a definite outcome:
 * the register did not hold A). States are the register's value as text, {@code nil} when unset.
 */
public final class EtcdRegisterModel implements Model<EtcdRegisterModel.Command, String, String> {

  /** The three functions. */
  public enum Function { READ, WRITE, CAS }

  /** A parsed command: write's value is {@code from}; cas replaces {@code from} with {@code to}. */
  public record Command(Function function, String from, String to) {}

  private static final String NIL = "nil";

  @Override
  public String name() {
    return "jepsen-etcd";
  }

  @Override
  public Command parseCommand(String command) {
    String[] parts = command.split(" ");
    if (parts.length == 1 && parts[0].equals("read")) {
      return new Command(Function.READ, "", "");
    }
    if (parts.length == 2 && parts[0].equals("write")) {
      return new Command(Function.WRITE, number(parts[1]), "");
    }
    if (parts.length == 3 && parts[0].equals("cas")) {
      return new Command(Function.CAS, number(parts[1]), number(parts[2]));
    }
    throw new IllegalArgumentException("expected 'read', 'write N' or 'cas A B', not '" + command + "'");
  }

  private static String number(String text) {
    return Long.toString(Long.parseLong(text));
  }

  @Override
  public String parseResult(Command command, String result) {
    boolean valid = switch (command.function()) {
      case READ -> result.equals(NIL) || result.matches("-?[0-9]{1,18}");
      case WRITE -> result.equals("ok");
      case CAS -> result.equals("true") || result.equals("false");
    };
    if (!valid) {
      throw new IllegalArgumentException("not a result of " + describeCommand(command) + ": '" + result + "'");
    }
    return command.function() == Function.READ && !result.equals(NIL) ? number(result) : result;
  }

  @Override
  public String partitionOf(Command command) {
    return "";
  }

  @Override
  public boolean isReadOnly(Command command, String result) {
    return command.function() == Function.READ || (command.function() == Function.CAS && "false".equals(result));
  }

  @Override
  public String initialState() {
    return NIL;
  }

  @Override
  public String step(String state, Command command, String result) {
    return switch (command.function()) {
      case READ -> state.equals(result) ? state : null;
      case WRITE -> command.from();
      case CAS -> {
        boolean swapped = result.equals("true");
        if (swapped != state.equals(command.from())) {
          yield null;
        }
        yield swapped ? command.to() : state;
      }
    };
  }

  @Override
  public String stepUnknown(String state, Command command) {
    return switch (command.function()) {
      case READ -> state;
      case WRITE -> command.from();
      case CAS -> state.equals(command.from()) ? command.to() : state;
    };
  }

  @Override
  public String describeCommand(Command command) {
    return switch (command.function()) {
      case READ -> "read";
      case WRITE -> "write " + command.from();
      case CAS -> "cas " + command.from() + " " + command.to();
    };
  }

  @Override
  public String describeResult(Command command, String result) {
    return result;
  }

  @Override
  public String describeState(String state) {
    return state;
  }
}
