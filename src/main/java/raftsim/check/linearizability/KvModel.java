package raftsim.check.linearizability;

import java.util.Objects;
import raftsim.check.history.KvCommand;
import raftsim.check.history.KvResult;

/**
 * The raftsim key-value store: SET, GET, DELETE, APPEND and CAS on string values, each key absent at first. One
 * partition per key.
 */
public final class KvModel implements Model<KvCommand, KvResult, KvModel.KeyState> {

  /** The value of one key; {@code value} is null when the key is absent. */
  public record KeyState(String value) {
    /** The state of a key nobody wrote. */
    public static final KeyState ABSENT = new KeyState(null);

    boolean holds(String v) {
      return value != null && value.equals(v);
    }

    // equals and hashCode are written out because the search's cache calls them from the start, and the generated
    // record methods are bootstrapped on first use, which costs tens of milliseconds in a fresh JVM.
    @Override
    public boolean equals(Object o) {
      return o instanceof KeyState k && Objects.equals(value, k.value);
    }

    @Override
    public int hashCode() {
      return value == null ? 0 : value.hashCode();
    }
  }

  @Override
  public String name() {
    return "raftsim-kv";
  }

  @Override
  public KvCommand parseCommand(String command) {
    return KvCommand.parse(command);
  }

  @Override
  public KvResult parseResult(KvCommand command, String result) {
    return KvResult.parse(command, result);
  }

  @Override
  public String partitionOf(KvCommand command) {
    return command.key();
  }

  @Override
  public boolean isReadOnly(KvCommand command, KvResult result) {
    return command instanceof KvCommand.Get
        || (command instanceof KvCommand.Cas && result instanceof KvResult.Swapped s && !s.swapped());
  }

  @Override
  public KeyState initialState() {
    return KeyState.ABSENT;
  }

  @Override
  public KeyState step(KeyState state, KvCommand command, KvResult result) {
    if (command instanceof KvCommand.Get) {
      boolean matches = result instanceof KvResult.Value v ? state.holds(v.value()) : state.value() == null;
      return matches ? state : null;
    }
    if (command instanceof KvCommand.Cas c) {
      boolean swapped = ((KvResult.Swapped) result).swapped();
      if (swapped != state.holds(c.expected())) {
        return null;
      }
      return swapped ? new KeyState(c.replacement()) : state;
    }
    return stepUnknown(state, command);
  }

  @Override
  public KeyState stepUnknown(KeyState state, KvCommand command) {
    if (command instanceof KvCommand.Set s) {
      return new KeyState(s.value());
    }
    if (command instanceof KvCommand.Append a) {
      return new KeyState(state.value() == null ? a.value() : state.value().concat(a.value()));
    }
    if (command instanceof KvCommand.Delete) {
      return KeyState.ABSENT;
    }
    if (command instanceof KvCommand.Cas c) {
      return state.holds(c.expected()) ? new KeyState(c.replacement()) : state;
    }
    return state;
  }

  @Override
  public String describeCommand(KvCommand command) {
    return command.text();
  }

  @Override
  public String describeResult(KvCommand command, KvResult result) {
    return result.text();
  }

  @Override
  public String describeState(KeyState state) {
    return state.value() == null ? "absent" : "\"" + state.value() + "\"";
  }

  @Override
  public long estimateBytes(KeyState state) {
    return 16 + (state.value() == null ? 0 : 40 + state.value().length());
  }

  @Override
  public StringWrites<KvCommand, KvResult> stringWrites() {
    return new StringWrites<>() {
      @Override
      public Effect effect(KvCommand command) {
        if (command instanceof KvCommand.Set) {
          return Effect.SET;
        }
        if (command instanceof KvCommand.Append) {
          return Effect.APPEND;
        }
        if (command instanceof KvCommand.Delete) {
          return Effect.RESET;
        }
        return command instanceof KvCommand.Get ? Effect.READ : Effect.OTHER;
      }

      @Override
      public String written(KvCommand command) {
        return command instanceof KvCommand.Set s ? s.value() : ((KvCommand.Append) command).value();
      }

      @Override
      public String observed(KvCommand command, KvResult result) {
        return result instanceof KvResult.Value v ? v.value() : "";
      }
    };
  }
}
