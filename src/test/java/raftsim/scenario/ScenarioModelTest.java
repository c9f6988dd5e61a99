package raftsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The records keep their own shape, whoever builds them. */
class ScenarioModelTest {

  private static final SourcePosition NONE = SourcePosition.NONE;

  @Test
  void eventsAreSortedByTimeKeepingTheGivenOrderForEqualTimes() {
    ScenarioEvent late = new ScenarioEvent.Heal(50, NONE);
    ScenarioEvent first = new ScenarioEvent.Crash(10, new NodeRef.Id(1), false, NONE);
    ScenarioEvent second = new ScenarioEvent.Crash(10, new NodeRef.Id(2), false, NONE);
    ScenarioEvent third = new ScenarioEvent.Heal(10, NONE);
    ScenarioEvent early = new ScenarioEvent.Heal(0, NONE);

    Scenario s = Scenario.minimal("x", 3, 100).withEvents(List.of(late, first, second, third, early));

    assertEquals(List.of(early, first, second, third, late), s.events());
  }

  @Test
  void theEventListCannotBeChangedAfterwards() {
    List<ScenarioEvent> events = new ArrayList<>(List.of(new ScenarioEvent.Heal(1, NONE)));
    Scenario s = Scenario.minimal("x", 3, 100).withEvents(events);
    events.clear();

    assertEquals(1, s.events().size());
    assertThrows(UnsupportedOperationException.class, () -> s.events().clear());
  }

  @Test
  void everyKindIsListedInTheFormatsOrder() {
    List<ScenarioEvent> oneOfEach = List.of(
        new ScenarioEvent.Crash(0, new NodeRef.Random(), false, NONE),
        new ScenarioEvent.Restart(0, new NodeRef.Crashed(), NONE),
        new ScenarioEvent.Partition(0, List.of(List.of(1)), NONE),
        new ScenarioEvent.Isolate(0, new NodeRef.Leader(), NONE),
        new ScenarioEvent.Cut(0, 1, 2, NONE),
        new ScenarioEvent.Heal(0, NONE),
        new ScenarioEvent.NetworkChange(0, null, 0.5, null, NONE),
        new ScenarioEvent.ClientsActive(0, true, NONE),
        new ScenarioEvent.Pause(0, new NodeRef.Id(1), 1, NONE),
        new ScenarioEvent.ClockDrift(0, 1, 0, NONE),
        new ScenarioEvent.TransferLeader(0, 2, NONE),
        new ScenarioEvent.AddServer(0, 4, NONE),
        new ScenarioEvent.RemoveServer(0, new NodeRef.Leader(), NONE),
        new ScenarioEvent.Expect(0, new LeaderExpectation.Any(), null, null, null, null, NONE));

    assertEquals(ScenarioEvent.KINDS, oneOfEach.stream().map(ScenarioEvent::kind).toList());
  }

  @Test
  void copyHelpersChangeOnlyWhatTheyName() {
    Scenario s = Examples.parse(Examples.CONTRACT, "x.json");

    Scenario reseeded = s.withSeed(7);
    assertEquals(7, reseeded.seed());
    assertEquals(s, reseeded.withSeed(42));
    assertEquals(s, s.withClients(null).withClients(s.clients()));
    assertEquals(s, s.withExpect(Expectations.NONE).withExpect(s.expect()));
    assertEquals("", s.withoutPositions().file());
    assertTrue(s.withoutPositions().events().stream().allMatch(e -> e.at().equals(NONE)));
  }

  @Test
  void aRangeIsNonNegativeAndOrdered() {
    assertThrows(IllegalArgumentException.class, () -> new Range(10, 1));
    assertThrows(IllegalArgumentException.class, () -> new Range(-1, 1));
    assertEquals(5, new Range(5, 5).max());
  }

  @Test
  void settingsRejectValuesThatCannotWork() {
    assertThrows(IllegalArgumentException.class, () -> new Timing(new Range(0, 10), 5));
    assertThrows(IllegalArgumentException.class, () -> new Timing(new Range(1, 10), 0));
    assertThrows(IllegalArgumentException.class, () -> new NetworkSettings(new Range(1, 1), 1.5, 0));
    assertThrows(IllegalArgumentException.class, () -> new NetworkSettings(new Range(1, 1), 0, Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> new SnapshotSettings(-1, 10));
    assertThrows(IllegalArgumentException.class, () -> new SnapshotSettings(0, 0));
    assertThrows(IllegalArgumentException.class, () -> new Mix(0, 0, 0, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> new Mix(1, -1, 0, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> new Mix(1, Double.POSITIVE_INFINITY, 0, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> new ClientSettings(1, 1, 0, 100, 99, Mix.DEFAULT));
    assertThrows(IllegalArgumentException.class, () -> new ClientSettings(0, 1, 0, 1, 1, Mix.DEFAULT));
    assertEquals(1.0, Mix.DEFAULT.total(), 1e-12);
    assertFalse(new SnapshotSettings(0, 1).compactionEnabled());
    assertTrue(SnapshotSettings.DEFAULT.compactionEnabled());
  }

  @Test
  void eventsAcceptOnlyTheNodeFormsTheirKindAllows() {
    assertThrows(IllegalArgumentException.class, () -> new ScenarioEvent.Crash(0, new NodeRef.Crashed(), false, NONE));
    assertThrows(IllegalArgumentException.class, () -> new ScenarioEvent.Isolate(0, new NodeRef.Crashed(), NONE));
    assertThrows(IllegalArgumentException.class, () -> new ScenarioEvent.Pause(0, new NodeRef.Crashed(), 1, NONE));
    assertThrows(IllegalArgumentException.class, () -> new ScenarioEvent.Restart(0, new NodeRef.Leader(), NONE));
    assertThrows(IllegalArgumentException.class, () -> new ScenarioEvent.Restart(0, new NodeRef.Random(), NONE));
    assertThrows(IllegalArgumentException.class, () -> new NodeRef.Id(0));
  }

  @Test
  void eventsRejectShapesTheFormatForbids() {
    assertThrows(IllegalArgumentException.class, () -> new ScenarioEvent.Heal(-1, NONE));
    assertThrows(NullPointerException.class, () -> new ScenarioEvent.Heal(0, null));
    assertThrows(IllegalArgumentException.class,
        () -> new ScenarioEvent.Partition(0, List.of(List.of(1), List.of()), NONE));
    assertThrows(IllegalArgumentException.class,
        () -> new ScenarioEvent.Partition(0, List.of(List.of(1, 2), List.of(2)), NONE));
    assertThrows(IllegalArgumentException.class, () -> new ScenarioEvent.Cut(0, 2, 2, NONE));
    assertThrows(IllegalArgumentException.class, () -> new ScenarioEvent.NetworkChange(0, null, null, null, NONE));
    assertThrows(IllegalArgumentException.class, () -> new ScenarioEvent.NetworkChange(0, null, 2.0, null, NONE));
    assertThrows(IllegalArgumentException.class, () -> new ScenarioEvent.Pause(0, new NodeRef.Id(1), 0, NONE));
    assertThrows(IllegalArgumentException.class, () -> new ScenarioEvent.ClockDrift(0, 1, 500_001, NONE));
    assertThrows(IllegalArgumentException.class,
        () -> new ScenarioEvent.Expect(0, null, null, null, null, null, NONE));
    assertThrows(IllegalArgumentException.class,
        () -> new ScenarioEvent.Expect(0, null, 1, null, null, null, NONE));
    assertThrows(IllegalArgumentException.class,
        () -> new ScenarioEvent.Expect(0, null, null, Role.LEADER, null, null, NONE));
  }

  @Test
  void rolesAreSpelledInLowerCase() {
    assertEquals(List.of("leader", "candidate", "follower", "crashed"),
        List.of(Role.values()).stream().map(Role::jsonName).toList());
  }
}
