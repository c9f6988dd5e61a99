package raftsim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The event queue against a plain sorted set: same order under random adds, removals and polls. */
class EventQueueTest {
  private static final class Marker extends SimEvent {
    @Override
    void fire(Simulation sim) {}
  }

  @Test
  void popsInTimeThenSchedulingOrderUnderRandomAddsAndRemovals() {
    SplittableRandom random = new SplittableRandom(5);
    EventQueue q = new EventQueue();
    TreeSet<SimEvent> reference = new TreeSet<>(Comparator.<SimEvent>comparingLong(e -> e.time).thenComparingLong(e -> e.seq));
    List<SimEvent> queued = new ArrayList<>();
    for (int step = 0; step < 200_000; step++) {
      int op = random.nextInt(10);
      if (op < 5 || queued.isEmpty()) {
        Marker m = new Marker();
        q.add(m, random.nextLong(1000));
        reference.add(m);
        queued.add(m);
      } else if (op < 7) {
        SimEvent victim = queued.remove(random.nextInt(queued.size()));
        q.remove(victim);
        reference.remove(victim);
        assertFalse(q.remove(victim), "a removed event is no longer queued");
      } else {
        SimEvent expected = reference.pollFirst();
        assertSame(expected, q.poll());
        queued.remove(expected);
      }
      assertEquals(reference.size(), q.size());
      if (!reference.isEmpty()) {
        assertEquals(reference.first().time, q.peekTime());
      }
    }
  }
}
