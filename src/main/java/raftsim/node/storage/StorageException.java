package raftsim.node.storage;

import java.nio.file.Path;

/** A node's files are damaged in a way it must not start on; the message names the file and the offset. */
public final class StorageException extends Exception {
  private static final long serialVersionUID = 1L;

  public StorageException(Path file, long offset, String problem) {
    super(file + " at offset " + offset + ": " + problem);
  }
}
