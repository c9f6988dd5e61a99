package raftsim.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import raftsim.trace.TraceWriter;

/** The same seed gives the same trace, byte for byte; another seed gives another. */
class DeterminismTest {

  /** A busy run: drops, duplicates, a crash, a partition, proposals. */
  static byte[] trace(long seed) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    SimOptions options = SimOptions.defaults(5, seed).withNetwork(new NetworkParams(1, 30, 0.05, 0.05));
    try (TraceWriter trace = TraceWriter.to(bytes)) {
      Simulation sim = new Simulation(options, trace);
      ProposalLoad.start(sim, 100, 0, 8000);
      sim.at(2000, s -> s.crash(s.leader() == 0 ? 2 : s.leader()));
      sim.at(3000, s -> s.partition(List.of(List.of(1, 2), List.of(3, 4, 5))));
      sim.at(5000, Simulation::heal);
      sim.at(5000, s -> s.restart(1));
      sim.at(5000, s -> s.restart(2));
      sim.runUntil(8000);
      assertEquals(List.of(), sim.violations());
    }
    return bytes.toByteArray();
  }

  @Test
  void theSameSeedGivesByteIdenticalTracesTwiceInOneJvm() {
    byte[] first = trace(99);
    byte[] second = trace(99);
    assertFalse(first.length < 100_000, "the run should be busy enough to mean something");
    assertArrayEquals(first, second);
  }

  @Test
  void anotherSeedGivesAnotherTrace() {
    assertNotEquals(new String(trace(99), java.nio.charset.StandardCharsets.UTF_8),
        new String(trace(100), java.nio.charset.StandardCharsets.UTF_8));
  }
}
