package raftsim.cluster;

import java.time.Instant;
import java.util.Optional;

/**
 * A node's server process as the state file remembers it.
 *
 * @param id the node
 * @param pid its process id
 * @param started when it started, or null when the system does not say; a pid can be reused after the process
 *     exits, and the start time tells the process we started from a stranger that got the same pid
 */
public record NodeProcess(int id, long pid, Instant started) {

  /** The process {@code p} just started for node {@code id}. */
  static NodeProcess of(int id, Process p) {
    return new NodeProcess(id, p.pid(), p.info().startInstant().orElse(null));
  }

  /** The process, while it is still running and still the one we started. */
  public Optional<ProcessHandle> live() {
    return ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        .filter(h -> started == null || h.info().startInstant().map(started::equals).orElse(true));
  }

  public boolean isAlive() {
    return live().isPresent();
  }
}
