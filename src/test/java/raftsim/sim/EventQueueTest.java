package raftsim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The event queue against a plain sorted set: same order under random adds, removals and polls. */
class EventQueueTest {
  private static final int WHEEL = EventQueue.WHEEL_MS;

  private static final class Marker extends SimEvent {
    @Override
    void fire(Simulation sim) {}
  }

  /** The queue under test beside a sorted set that must always agree with it. */
  private static final class Pair {
    final EventQueue q = new EventQueue();
    final TreeSet<SimEvent> reference =
        new TreeSet<>(Comparator.<SimEvent>comparingLong(e -> e.time).thenComparingLong(e -> e.seq));
    final List<SimEvent> queued = new ArrayList<>();

    void add(SimEvent e, long time) {
      q.add(e, time);
      reference.add(e);
      queued.add(e);
    }

    SimEvent removeOne(SplittableRandom random) {
      SimEvent victim = queued.remove(random.nextInt(queued.size()));
      assertTrue(q.remove(victim));
      reference.remove(victim);
      assertFalse(q.remove(victim), "a removed event is no longer queued");
      return victim;
    }

    SimEvent poll() {
      SimEvent expected = reference.pollFirst();
      assertSame(expected, q.poll());
      queued.remove(expected);
      return expected;
    }

    void check() {
      assertEquals(reference.size(), q.size());
      assertEquals(reference.isEmpty(), q.isEmpty());
      if (!reference.isEmpty()) {
        assertEquals(reference.first().time, q.peekTime());
      }
    }
  }

  @Test
  void popsInTimeThenSchedulingOrderUnderRandomAddsAndRemovals() {
    SplittableRandom random = new SplittableRandom(5);
    Pair p = new Pair();
    for (int step = 0; step < 200_000; step++) {
      int op = random.nextInt(10);
      if (op < 5 || p.queued.isEmpty()) {
        p.add(new Marker(), random.nextLong(1000));
      } else if (op < 7) {
        p.removeOne(random);
      } else {
        p.poll();
      }
      p.check();
    }
  }

  /**
   * As the simulator uses it: times at or after the clock, near and far (wheel and overflow), with
   * many ties, now and then one behind the clock, and events re-queued after they fired (a node's timer).
   */
  @Test
  void popsInOrderWhenEventsSpanTheWheelAndTheOverflow() {
    SplittableRandom random = new SplittableRandom(11);
    Pair p = new Pair();
    List<SimEvent> idle = new ArrayList<>();
    long now = 0;
    for (int step = 0; step < 300_000; step++) {
      int op = random.nextInt(20);
      if (op < 9 || p.queued.isEmpty()) {
        SimEvent e = !idle.isEmpty() && random.nextBoolean() ? idle.remove(idle.size() - 1) : new Marker();
        long ahead = switch (random.nextInt(4)) {
          case 0 -> random.nextLong(4); // ties with what is already queued
          case 1 -> random.nextLong(WHEEL); // inside the wheel, up to its last millisecond
          case 2 -> WHEEL - 2 + random.nextLong(4); // either side of the wheel's far end
          default -> random.nextLong(5 * WHEEL); // mostly beyond the wheel
        };
        long time = random.nextInt(50) == 0 ? Math.max(0, now - 1 - random.nextLong(3)) : now + ahead;
        p.add(e, time);
      } else if (op < 13) {
        idle.add(p.removeOne(random));
      } else {
        SimEvent fired = p.poll();
        now = Math.max(now, fired.time);
        idle.add(fired);
      }
      p.check();
    }
    while (!p.reference.isEmpty()) {
      p.poll();
      p.check();
    }
  }

  @Test
  void anEventScheduledLongAgoGoesBeforeOneScheduledLaterForTheSameMillisecond() {
    EventQueue q = new EventQueue();
    Marker early = new Marker();
    Marker clock = new Marker();
    Marker late = new Marker();
    long t = 3L * WHEEL + 7;
    q.add(early, t); // beyond the wheel: overflow
    q.add(clock, t - 10);
    assertSame(clock, q.poll()); // the wheel now reaches t
    q.add(late, t); // straight into t's bucket
    assertEquals(t, q.peekTime());
    assertSame(early, q.poll());
    assertSame(late, q.poll());
    assertTrue(q.isEmpty());
  }

  @Test
  void aBucketKeepsSchedulingOrderAcrossRemovalsFromItsMiddleAndEnds() {
    EventQueue q = new EventQueue();
    List<Marker> ms = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      Marker m = new Marker();
      ms.add(m);
      q.add(m, 5);
    }
    assertTrue(q.remove(ms.get(0)));
    assertTrue(q.remove(ms.get(3)));
    assertTrue(q.remove(ms.get(5)));
    q.add(ms.get(0), 5); // re-queued: now the last of its millisecond
    assertSame(ms.get(1), q.poll());
    assertSame(ms.get(2), q.poll());
    assertSame(ms.get(4), q.poll());
    assertSame(ms.get(0), q.poll());
    assertTrue(q.isEmpty());
    assertEquals(0, q.size());
  }

  @Test
  void theWheelWrapsAroundAsTheClockAdvances() {
    EventQueue q = new EventQueue();
    long now = 0;
    for (int round = 0; round < 5 * WHEEL; round++) {
      Marker far = new Marker();
      Marker near = new Marker();
      q.add(far, now + WHEEL - 1);
      q.add(near, now + 1);
      assertSame(near, q.poll());
      now = near.time;
      assertTrue(q.remove(far));
    }
    assertTrue(q.isEmpty());
  }

  @Test
  void anEventIsQueuedOnceAtATime() {
    EventQueue q = new EventQueue();
    Marker m = new Marker();
    assertFalse(q.remove(m), "never queued");
    q.add(m, 1);
    assertThrows(IllegalStateException.class, () -> q.add(m, 2));
    q.add(new Marker(), 10 * WHEEL);
    Marker far = new Marker();
    q.add(far, 20 * WHEEL);
    assertThrows(IllegalStateException.class, () -> q.add(far, 2));
    assertEquals(3, q.size());
  }
}
