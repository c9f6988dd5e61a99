package raftsim.variants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import raftsim.variants.CoreVariant.Patch;

/**
 * The scenarios that show the protocol's extensions (PreVote, CheckQuorum, leadership transfer,
 * membership changes, leader leases) show them only because the feature works: in a build of the core
 * with that feature broken, each fails — on the very expectation that states what the feature is for.
 * The real core passes every one of them ({@code ScenarioLibraryTest}).
 */
class ExtensionScenariosTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A scenario, a way to break the feature it shows, and the expectation that must then fail. */
  record Case(String scenario, String bug, List<Patch> patches, String failedExpectation) {
    Case(String scenario, String bug, Patch patch, String failedExpectation) {
      this(scenario, bug, List.of(patch), failedExpectation);
    }

    @Override
    public String toString() {
      return scenario + " without " + bug;
    }
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        new Case("disruptive-rejoin-prevote", "PreVote (a timeout stands at once)",
            new Patch("Election.java", "if (core.config.preVote()) {", "if (false) {"), "maxTerm"),
        new Case("disruptive-rejoin-prevote", "PreVote (a timeout stands at once)",
            new Patch("Election.java", "if (core.config.preVote()) {", "if (false) {"), "maxLeaderChanges"),
        new Case("checkquorum-stranded-leader", "CheckQuorum's step-down", List.of(
            new Patch("CheckQuorum.java", "if (now - heardAt < core.config.electionTimeoutMinMs()) {", "if (true) {"),
            new Patch("CheckQuorum.java", "return heardAt == Long.MAX_VALUE ? Long.MAX_VALUE : heardAt + core.config"
                + ".electionTimeoutMinMs();", "return Long.MAX_VALUE;")), "role(1)@2250"),
        new Case("transfer-leader", "TimeoutNow",
            new Patch("Transfer.java", "    out.send(new TimeoutNow(core.id, target, core.currentTerm));", ""),
            "leader@3100"),
        new Case("transfer-leader", "the transfer flag's exception to CheckQuorum's vote rule",
            new Patch("CheckQuorum.java", "rv.transfer() || ", ""), "leader@3100"),
        new Case("membership-grow-shrink", "the learners' catch-up (promoted at once)",
            new Patch("Membership.java", "if (p != null && p.caughtUp()) {", "if (p != null) {"), "voters@3500"),
        new Case("lease-reads-within-drift", "the drift allowance (a lease of the whole minimum timeout)",
            new Patch("RaftConfig.java",
                "return electionTimeoutMinMs * (1_000_000 - maxClockDriftPpm) / (1_000_000 + maxClockDriftPpm);",
                "return electionTimeoutMinMs;"), "linearizable"))
        .map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void failsWithoutItsFeature(Case c) throws Exception {
    CoreVariant broken = CoreVariant.build(c.scenario() + "-" + c.failedExpectation().replaceAll("[^a-zA-Z0-9]", "-"),
        c.patches().toArray(Patch[]::new));
    CoreVariant.Result r = broken.run("run", "scenarios/" + c.scenario() + ".json", "--json");
    assertEquals(1, r.code(), r.out() + r.err());
    JsonNode summary = JSON.readTree(r.out());
    List<String> failed = new ArrayList<>();
    for (JsonNode e : summary.get("expectations")) {
      if (!e.get("ok").asBoolean()) {
        failed.add(e.get("name").asText());
      }
    }
    assertTrue(failed.contains(c.failedExpectation()), "expected " + c.failedExpectation() + " to fail, failed: "
        + failed + "\n" + r.out());
    assertEquals(0, summary.get("violationCount").asLong(), "a missing extension breaks no safety invariant");
  }

  /**
   * Disruptive rejoin (diss. §9.6): the same run without and with PreVote. Without, the node cut off
   * climbs terms and deposes the healthy leader on its return; with, nobody leaves term 1 and the
   * leader never changes.
   */
  @Test
  void preVoteKeepsTheTermAndTheLeaderOfADisruptiveRejoin() throws Exception {
    CoreVariant real = CoreVariant.build("unpatched");
    JsonNode without = JSON.readTree(real.run("run", "scenarios/disruptive-rejoin.json", "--json").out());
    JsonNode with = JSON.readTree(real.run("run", "scenarios/disruptive-rejoin-prevote.json", "--json").out());

    assertTrue(without.get("term").asLong() > 5, "without PreVote the term climbs: " + without.get("term"));
    assertTrue(without.get("leaderChanges").asLong() >= 1, "and the leader is deposed: " + without.get("leaderChanges"));
    assertEquals(1, with.get("term").asLong(), "with PreVote nobody leaves term 1");
    assertEquals(0, with.get("leaderChanges").asLong(), "and the leader stays");
  }

  /**
   * A stranded leader (diss. §6.2): at the same moment of the same run, node 1 is a follower with
   * CheckQuorum and still in the leader role without it.
   */
  @Test
  void checkQuorumDecidesTheStrandedLeadersRole() throws Exception {
    CoreVariant real = CoreVariant.build("unpatched");
    for (String s : List.of("checkquorum-stranded-leader", "checkquorum-stranded-leader-off")) {
      CoreVariant.Result r = real.run("run", "scenarios/" + s + ".json", "--json");
      assertEquals(0, r.code(), r.out());
      JsonNode role = null;
      for (JsonNode e : JSON.readTree(r.out()).get("expectations")) {
        if (e.get("name").asText().equals("role(1)@2250")) {
          role = e;
        }
      }
      assertTrue(role != null && role.get("ok").asBoolean(), s + ": " + r.out());
      String expected = s.endsWith("-off") ? "found leader" : "found follower";
      assertTrue(role.get("detail").asText().endsWith(expected), s + ": " + role);
    }
  }
}
