package raftsim.trace;

/**
 * Sentences for what happens around the nodes: boot, timers, disks, faults, the network, the clients, and
 * the checks the simulator makes.
 */
final class WorldSentences {
  private WorldSentences() {}

  static final SentenceBook BOOK = new SentenceBook();

  static {
    SentenceBook b = BOOK;
    b.add("boot", "A cluster of {nodes} nodes boots (seed {seed}). Each starts as a follower of term 0 with an empty "
        + "log and an election timeout drawn at random from {electionTimeoutMin}–{electionTimeoutMax} ms, so one "
        + "usually times out first; a leader will send heartbeats every {heartbeat} ms — §5.2");
    b.add("boot.spares", "A cluster of {nodes} nodes boots (seed {seed}). Its first configuration has nodes "
        + "1..{initialMembers} as voters; the others are spares outside it, which neither vote nor stand until a "
        + "leader adds them. Each starts as a follower of term 0 with an empty log and an election timeout drawn at "
        + "random from {electionTimeoutMin}–{electionTimeoutMax} ms; a leader will send heartbeats every {heartbeat} "
        + "ms — §5.2, Raft dissertation §4.1");
    b.add("timer.follower", "{node}'s election timer fires in term {term}: it heard from no leader for a whole "
        + "election timeout — §5.2");
    b.add("timer.candidate", "{node}'s timer fires while it is a candidate of term {term}: either its election timed "
        + "out, and it starts another in a new term, or it asks again the voters that have not answered — §5.2");
    b.add("timer.leader", "{node}'s heartbeat timer fires: as leader of term {term} it sends AppendEntries to every "
        + "follower it has not written to for a heartbeat interval, so that none of them times out — §5.2");
    b.add("durable.hard", "{node}'s disk has made currentTerm {term} and votedFor {votedFor} durable; only now may "
        + "the messages that depend on them (a vote, say) leave: persist before send — Figure 2");
    b.add("durable.log", "{node}'s disk has made log entries {from}..{to} durable; only now may it acknowledge them, "
        + "or, as leader, count them toward a majority — Figure 2");
    b.add("durable.both", "{node}'s disk has made currentTerm {term}, votedFor {votedFor} and log entries {from}..{to} "
        + "durable; the messages waiting for them may now leave — Figure 2");
    b.add("durable.snapshot", "{node}'s disk has finished writing a snapshot; the messages waiting for it may now "
        + "leave — Figure 2, §7");
    b.add("durable.crashed", "A write to {node}'s disk became durable, but {node} had crashed meanwhile — Figure 2");
    b.add("crash", "{node} crashes: it loses its role, commitIndex, lastApplied and every write not yet durable; "
        + "its disk keeps currentTerm, votedFor and the log up to index {durableIndex} — §5.5, Figure 2");
    b.add("crash.torn", "{node} crashes in the middle of a disk write, which is left half-written; it loses its "
        + "volatile state, and its disk keeps the log up to index {durableIndex} — §5.5, Figure 2");
    b.add("torn-write", "{node} finds a torn record at the end of its log ({bytes} bytes whose length or checksum do "
        + "not match) and cuts it off; it was never durable, so it was never acknowledged — Figure 2");
    b.add("restart", "{node} restarts from its disk as a follower: currentTerm {term}, votedFor {votedFor}, log up "
        + "to index {lastIndex} (snapshot up to {snapshotIndex}); commitIndex and lastApplied start again from the "
        + "snapshot and are learned from the leader — §5.5, Figure 2");
    b.add("partition", "The network splits into groups {groups}: messages pass only inside a group. A group with a "
        + "majority can elect a leader and commit; the others cannot — §5.2, §5.3");
    b.add("isolate", "{node} is cut off from every other node: it neither hears nor is heard until the network "
        + "heals — §5.2, §5.3");
    b.add("cut", "Messages from {from} to {to} are dropped from now on, one way only: a half-broken link — §5.2, §5.6");
    b.add("heal", "The network heals: every partition, isolation and cut ends — §5.6");
    b.add("network", "The network changes: delays of {delayMin}–{delayMax} ms, {dropPpm} drops and {duplicatePpm} "
        + "duplicates per million messages. Only availability depends on timing, never safety — §5.6");
    b.add("pause", "{node} pauses until {until} ms, like a process in a long garbage-collection pause: it processes "
        + "nothing and messages to it wait; the others cannot tell it from a crashed node — §5.6");
    b.add("resume.resumed", "{node} resumes with its state intact: its view of the cluster may be stale, and the "
        + "terms in the messages it gets will correct it — §5.1, §5.6");
    b.add("resume.other", "{node}'s pause ends, but {node} is {state} — §5.6");
    b.add("deferred", "{node} is paused: a {what} for it waits until {until} ms — §5.6");
    b.add("clock-drift", "{node}'s clock now runs {ppm} parts per million off (positive: fast). Only availability "
        + "depends on clocks, never safety — §5.6");
    b.add("clients.active", "The client load resumes: each client invokes its next operation — §8");
    b.add("clients.paused", "The client load pauses: operations under way go on, and no new one starts — §8");
    b.add("client-wait", "Client {client} waits: {reason} — §8");
    b.add("armed", "The scenario's {event} waits for the next leader to take office — §5.2");
    b.add("skip", "The scenario's {event} is skipped: {reason} — §5.2");
    b.add("leader", "{node} leads term {term}: it is in the leader role and a majority can reach it both ways "
        + "(leader changes so far: {changes}) — §5.2");
    b.add("expect.ok", "Expectation {name} holds: {detail} — Figure 3");
    b.add("expect.failed", "Expectation {name} FAILS: {detail} — Figure 3");
    operator(b);
    violations(b);
    clients(b);
    b.add("unknown", "A line of kind {kind}, which this version does not explain — Figure 2");
  }

  private static void operator(SentenceBook b) {
    b.add("transfer-request.started", "An operator asks {node} to hand leadership to {to}, and the transfer starts — "
        + "Raft dissertation §3.10");
    b.add("transfer-request.refused", "An operator asks {node} to hand leadership to {to}, which {node} refuses "
        + "({result}) — Raft dissertation §3.10");
    b.add("membership-request.appended", "An operator asks leader {node} to {op} server {server}: {node} appends the "
        + "whole new configuration to its log, in force on it at once — Raft dissertation §4.1");
    b.add("membership-request.refused", "An operator asks leader {node} to {op} server {server}: refused for now "
        + "({result}); the operator asks again a heartbeat later. A leader makes one change at a time, and only once "
        + "an entry of its own term has committed — Raft dissertation §4.1");
    b.add("membership-done", "The operator's request to {op} server {server} is done: leader {leader}'s configuration "
        + "shows it, and the next request may go out — Raft dissertation §4.1");
  }

  private static void violations(SentenceBook b) {
    String p = "Safety violation, {invariant}: {detail} — ";
    b.add("violation.ElectionSafety", p + "§5.2 (at most one leader per term)");
    b.add("violation.LeaderAppendOnly", p + "§5.3 (a leader never overwrites or deletes its entries)");
    b.add("violation.LogMatching", p + "§5.3 (same index and term, same log up to there)");
    b.add("violation.LeaderCompleteness", p + "§5.4 (a leader holds every committed entry)");
    b.add("violation.FutureLeaderCompleteness", p + "§5.4.1 (no node lacking a committed entry may be elected)");
    b.add("violation.StateMachineSafety", p + "§5.4.3 (no two nodes apply different commands at one index)");
    b.add("violation.other", p + "Figure 3");
  }

  private static void clients(SentenceBook b) {
    b.add("client-invoke", "Client {client} invokes operation #{op}, {command}, and sends it to the node it believes "
        + "leads — §8");
    b.add("client-send", "Client {client} sends request {clientSeq} ({command}) to {to} — §8");
    b.add("client-request", "{node} receives client {client}'s request {clientSeq}: a leader appends a write to its "
        + "log (and serves a read by ReadIndex); any other node points to the leader — §8");
    b.add("client-reply", "{node} answers client {client}'s request {clientSeq}: {reply}. A leader answers only "
        + "once the command is applied — §8");
    b.add("client-receive.current", "Client {client} receives the answer to request {clientSeq} from {from}: "
        + "{reply} — §8");
    b.add("client-receive.stale", "Client {client} receives a late or duplicate answer to request {clientSeq} from "
        + "{from} ({reply}) and ignores it — §8");
    b.add("client-complete.ok", "Client {client}'s operation #{op} completes after {latency} ms: {result} — §8");
    b.add("client-complete.info", "Client {client}'s operation #{op} ends with its outcome unknown ({result}): it "
        + "may have taken effect or may yet, so the checker lets it take effect at any later point, or never — §8");
    b.add("client-complete.fail", "Client {client}'s operation #{op} failed ({result}): it certainly never took "
        + "effect — §8");
    b.add("client-drop", "The network loses a message about client {client}'s request {clientSeq} to or from "
        + "{node} ({reason}); the client retries with the same (client, sequence), applied at most once — §8");
  }

  /** The sentence for a line of one of these kinds; the "unknown" sentence for a kind nobody explains. */
  static Sentence choose(TraceLine line) {
    SentenceBook b = BOOK;
    return switch (line.kind()) {
      case "boot" -> b.get(line.has("initialMembers") ? "boot.spares" : "boot");
      case "transfer-request" -> b.get("started".equals(line.str("result")) ? "transfer-request.started"
          : "transfer-request.refused");
      case "membership-request" -> b.get("appended".equals(line.str("result")) ? "membership-request.appended"
          : "membership-request.refused");
      case "timer" -> b.getOr("timer." + line.str("role"), b.get("timer.follower"));
      case "durable" -> b.get(durableKey(line));
      case "crash" -> b.get(line.bool("tornWrite") ? "crash.torn" : "crash");
      case "resume" -> b.get("resumed".equals(line.str("state")) ? "resume.resumed" : "resume.other");
      case "clients" -> b.get(line.bool("active") ? "clients.active" : "clients.paused");
      case "expect" -> b.get(line.bool("ok") ? "expect.ok" : "expect.failed");
      case "violation" -> b.getOr("violation." + line.str("invariant"), b.get("violation.other"));
      case "client-receive" -> b.get(line.bool("current") ? "client-receive.current" : "client-receive.stale");
      case "client-complete" -> b.getOr("client-complete." + line.str("outcome"), b.get("client-complete.info"));
      default -> b.getOr(line.kind(), b.get("unknown"));
    };
  }

  private static String durableKey(TraceLine l) {
    if (l.bool("crashed")) {
      return "durable.crashed";
    }
    boolean hard = l.has("votedFor");
    boolean log = l.has("from");
    return hard && log ? "durable.both" : hard ? "durable.hard" : log ? "durable.log" : "durable.snapshot";
  }
}
