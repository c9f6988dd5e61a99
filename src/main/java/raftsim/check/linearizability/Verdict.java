package raftsim.check.linearizability;

/** What the checker concluded about a history. */
public sealed interface Verdict {

  /** The word reports use: {@code linearizable}, {@code not-linearizable} or {@code undecided}. */
  String word();

  /** Some order of the operations explains every result. */
  record Linearizable() implements Verdict {
    @Override
    public String word() {
      return "linearizable";
    }
  }

  /** No order explains the results; the counterexample shows where the search got stuck. */
  record NotLinearizable(Counterexample counterexample) implements Verdict {
    @Override
    public String word() {
      return "not-linearizable";
    }
  }

  /** The checker stopped before deciding: {@code reason} says which limit ran out. */
  record Undecided(String reason) implements Verdict {
    @Override
    public String word() {
      return "undecided";
    }
  }
}
