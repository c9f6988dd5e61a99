package raftsim.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import raftsim.core.AppendEntries;
import raftsim.core.AppendEntriesReply;
import raftsim.core.AppendRejection;
import raftsim.core.Configuration;
import raftsim.core.CoreEvent;
import raftsim.core.IgnoreReason;
import raftsim.core.InstallSnapshot;
import raftsim.core.InstallSnapshotReply;
import raftsim.core.LogEntry;
import raftsim.core.Message;
import raftsim.core.Payload;
import raftsim.core.PreVote;
import raftsim.core.PreVoteReply;
import raftsim.core.ReadIndex;
import raftsim.core.ReadIndexReply;
import raftsim.core.RequestVote;
import raftsim.core.RequestVoteReply;
import raftsim.core.Role;
import raftsim.core.TermRun;
import raftsim.core.TimeoutNow;
import raftsim.core.VoteRefusal;

/**
 * Every trace line has a sentence of its own: every kind of core event with every reason, every message
 * type in every transit, and every kind the simulator writes. A new reason, event, message type or kind
 * without a sentence fails here.
 */
class ExplanationsTest {

  @Test
  void theIssuesExampleReadsExactly() {
    TraceLine line = coreLine(3, new CoreEvent.VoteRefused(1, 4, VoteRefusal.CANDIDATE_LOG_BEHIND, 3, 17, 2, 20, 0));
    assertEquals("3 refuses its vote to 1 in term 4: 3's log (last term 3, index 17) is more up to date than 1's "
        + "(last term 2, index 20) — §5.4.1", Explanations.explain(line, Explanations.NO_CONTEXT));
  }

  /** One sample of each core event, with every value of every reason enum. */
  static List<CoreEvent> coreEventSamples() {
    List<CoreEvent> all = new ArrayList<>();
    all.add(new CoreEvent.TermAdopted(1, 2, 3));
    for (Role from : Role.values()) {
      for (Role to : Role.values()) {
        all.add(new CoreEvent.RoleChanged(from, to, 2, to == Role.LEADER ? 1 : 0));
        all.add(new CoreEvent.RoleChanged(from, to, 2, 3));
      }
    }
    all.add(new CoreEvent.ElectionStarted(2, 5, 1));
    all.add(new CoreEvent.VoteGranted(2, 3));
    for (VoteRefusal r : VoteRefusal.values()) {
      all.add(new CoreEvent.VoteRefused(2, 3, r, 1, 5, 1, 4, 4));
    }
    all.add(new CoreEvent.VoteCounted(2, 3, true, 2, 2));
    all.add(new CoreEvent.VoteCounted(2, 3, false, 1, 2));
    for (AppendRejection r : AppendRejection.values()) {
      all.add(new CoreEvent.AppendRefused(2, 3, r, 7, 2, 1, 5));
    }
    all.add(new CoreEvent.EntriesAppended(5, 5, 2, 0));
    all.add(new CoreEvent.EntriesAppended(5, 9, 2, 0));
    all.add(new CoreEvent.EntriesAppended(5, 9, 3, 5, List.of(new TermRun(5, 2), new TermRun(8, 3))));
    all.add(new CoreEvent.CommitAdvanced(4, 9, 3));
    all.add(new CoreEvent.NextIndexBackedOff(2, 9, 5));
    all.add(new CoreEvent.SnapshotTaken(200, 2, 100));
    all.add(new CoreEvent.SnapshotChunkSent(2, 200, 0, 128, 900, false));
    all.add(new CoreEvent.SnapshotInstalled(200, 2, true, 30));
    all.add(new CoreEvent.SnapshotInstalled(200, 2, false, 0));
    all.add(new CoreEvent.SnapshotDeclined(1, 200, 250));
    all.add(new CoreEvent.ReadForwarded(4, 17, 1));
    all.add(new CoreEvent.ReadIndexConfirmed(4, 17, 120, 1));
    all.add(new CoreEvent.ReadServed(4, 17, 120, 121));
    all.add(new CoreEvent.LeaseRead(0, 4, 17, 120, 900));
    all.add(new CoreEvent.LeaseRead(3, 0, 0, 120, 900));
    all.add(new CoreEvent.PreVoteStarted(3, 5, 1));
    all.add(new CoreEvent.PreVoteGranted(2, 3));
    for (VoteRefusal r : VoteRefusal.values()) {
      all.add(new CoreEvent.PreVoteRefused(2, 3, r, 1, 5, 1, 4));
    }
    all.add(new CoreEvent.PreVoteCounted(2, 3, true, 2, 2));
    all.add(new CoreEvent.PreVoteCounted(2, 3, false, 1, 2));
    all.add(new CoreEvent.QuorumLost(3, 400, 150));
    all.add(new CoreEvent.TransferStarted(2, 3, 700));
    all.add(new CoreEvent.TimeoutNowSent(2, 3, 40));
    all.add(new CoreEvent.TransferAborted(2, 3));
    all.add(new CoreEvent.TimeoutNowReceived(1, 3));
    all.add(new CoreEvent.ConfigurationChanged(12, List.of(1, 2, 3), List.of(4)));
    all.add(new CoreEvent.ConfigurationProposed(12, List.of(1, 2, 3), List.of(4)));
    all.add(new CoreEvent.LearnerCaughtUp(4, 30));
    all.add(new CoreEvent.LeaderRemoved(3, 12));
    for (IgnoreReason r : IgnoreReason.values()) {
      all.add(new CoreEvent.Ignored("AppendEntriesReply", 2, r));
    }
    return all;
  }

  @Test
  void everyCoreEventWithEveryReasonHasItsOwnSentence() {
    List<CoreEvent> samples = coreEventSamples();
    TreeSet<String> sampled = new TreeSet<>();
    for (CoreEvent e : samples) {
      sampled.add(e.getClass().getName());
      for (boolean leads : new boolean[] {false, true}) {
        TraceLine line = coreLine(1, e);
        assertExplained(line, n -> leads);
      }
    }
    TreeSet<String> permitted = new TreeSet<>();
    for (Class<?> c : CoreEvent.class.getPermittedSubclasses()) {
      permitted.add(c.getName());
    }
    assertEquals(permitted, sampled, "add a sample (and a sentence) for each new kind of core event");
  }

  static List<Message> messageSamples() {
    List<Message> all = new ArrayList<>();
    all.add(new RequestVote(1, 2, 3, 10, 2));
    all.add(new RequestVote(1, 2, 3, 10, 2, true));
    all.add(new PreVote(1, 2, 3, 10, 2));
    all.add(PreVoteReply.grant(2, 1, 3));
    for (VoteRefusal r : VoteRefusal.values()) {
      all.add(PreVoteReply.refuse(2, 1, 3, r));
    }
    all.add(new TimeoutNow(1, 2, 3));
    all.add(RequestVoteReply.grant(2, 1, 3));
    for (VoteRefusal r : VoteRefusal.values()) {
      all.add(RequestVoteReply.refuse(2, 1, 3, r));
    }
    LogEntry a = new LogEntry(11, 3, Payload.NoOp.INSTANCE);
    LogEntry b = new LogEntry(12, 3, Payload.NoOp.INSTANCE);
    all.add(new AppendEntries(1, 2, 3, 10, 2, List.of(), 9, 1));
    all.add(new AppendEntries(1, 2, 3, 10, 2, List.of(a), 9, 2));
    all.add(new AppendEntries(1, 2, 3, 10, 2, List.of(a, b), 9, 3));
    all.add(AppendEntriesReply.accept(2, 1, 3, 12, 3));
    for (AppendRejection r : AppendRejection.values()) {
      all.add(AppendEntriesReply.reject(2, 1, 3, r, 10, 2, 7, 3));
    }
    all.add(new InstallSnapshot(1, 2, 3, 200, 2, 0, new byte[5], false));
    all.add(new InstallSnapshot(1, 2, 3, 200, 2, 5, new byte[5], true));
    Configuration c = new Configuration(List.of(1, 2, 3), List.of(4), new java.util.TreeMap<>());
    all.add(new InstallSnapshot(1, 2, 3, 200, 2, 0, new byte[5], false, c));
    all.add(new InstallSnapshot(1, 2, 3, 200, 2, 5, new byte[5], true, c));
    all.add(new InstallSnapshotReply(2, 1, 3, 200, 5, false));
    all.add(new InstallSnapshotReply(2, 1, 3, 200, 10, true));
    all.add(new ReadIndex(2, 1, 3, 77));
    all.add(new ReadIndexReply(1, 2, 3, 77, true, 12, 1));
    all.add(new ReadIndexReply(1, 2, 3, 77, false, 0, 3));
    return all;
  }

  @Test
  void everyMessageTypeAndVariantHasItsOwnSentenceInEveryTransit() {
    TreeSet<String> sampled = new TreeSet<>();
    TreeSet<String> ids = new TreeSet<>();
    for (Message m : messageSamples()) {
      sampled.add(m.getClass().getName());
      for (String kind : List.of("send", "deliver", "drop", "duplicate")) {
        TraceLine line = line(w -> {
          CoreEventLines.messageFields(w.begin(0, 0, kind), m);
          if (kind.equals("drop")) {
            w.field("reason", "loss");
          }
          w.end();
        });
        ids.add(assertExplained(line, Explanations.NO_CONTEXT).id());
      }
    }
    TreeSet<String> permitted = new TreeSet<>();
    for (Class<?> c : Message.class.getPermittedSubclasses()) {
      permitted.add(c.getName());
    }
    assertEquals(permitted, sampled, "add a sample (and a sentence) for each new message type");
    assertEquals(messageSamples().size() * 4, ids.size(), "each variant in each transit reads differently");
  }

  /** Every kind any main source writes ({@code begin(ev, t, "kind")}) has a sentence. */
  @Test
  void everyKindTheSimulatorWritesHasASentence() throws IOException {
    Pattern begin = Pattern.compile("begin\\([^;]*?,\\s*\"([a-z-]+)\"\\)");
    TreeSet<String> kinds = new TreeSet<>();
    try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        Matcher m = begin.matcher(Files.readString(f, StandardCharsets.UTF_8));
        while (m.find()) {
          kinds.add(m.group(1));
        }
      }
    }
    assertTrue(kinds.size() > 40, "the scan finds the kinds: " + kinds);
    for (String kind : kinds) {
      TraceLine line = new TraceLine(0, 0, 0, kind, new String[0], new Object[0]);
      Sentence s = Explanations.choose(line, Explanations.NO_CONTEXT);
      assertFalse(s.id().equals("unknown"), "no sentence for kind " + kind);
    }
  }

  @Test
  void sentencesCiteTheirSectionAndHaveUniqueIds() {
    TreeSet<String> ids = new TreeSet<>();
    for (Sentence s : Explanations.all()) {
      assertTrue(ids.add(s.id()), "duplicate id " + s.id());
      assertTrue(s.template().matches("(?s).* — .*(§\\d|Figure \\d).*"), s.id() + " cites no section: " + s.template());
    }
  }

  /** Checks that {@code line} gets a sentence of its own with every hole filled; returns it. */
  static Sentence assertExplained(TraceLine line, Explanations.Context context) {
    Sentence s = Explanations.choose(line, context);
    assertFalse(Explanations.isFallback(s), "no specific sentence for " + line);
    for (String hole : s.holes()) {
      assertTrue(line.has(hole), s.id() + " needs field " + hole + ", which " + line + " lacks");
    }
    assertFalse(s.fill(line).isBlank());
    return s;
  }

  static TraceLine coreLine(int node, CoreEvent e) {
    return line(w -> CoreEventLines.write(w, 0, 0, node, e));
  }

  /** Writes one line with a real TraceWriter and reads it back. */
  static TraceLine line(java.util.function.Consumer<TraceWriter> write) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TraceWriter w = TraceWriter.to(bytes)) {
      write.accept(w);
    }
    String text = bytes.toString(StandardCharsets.UTF_8).strip();
    try (TraceReader r = TraceReader.of("test", new java.io.ByteArrayInputStream((text + "\n").getBytes(StandardCharsets.UTF_8)))) {
      return r.next();
    } catch (TraceFormatException ex) {
      throw new AssertionError(ex.getMessage(), ex);
    }
  }
}
