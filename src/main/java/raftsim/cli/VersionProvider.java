package raftsim.cli;

import picocli.CommandLine;

/** Reads the version Maven wrote into the jar's manifest, so there is one place that names it. */
final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = Main.class.getPackage().getImplementationVersion();
    return new String[] {"raftsim " + (version == null ? "(development build)" : version)};
  }
}
