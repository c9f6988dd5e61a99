package raftsim.cli;

import picocli.CommandLine.Command;

/** Parent of the benchmarks; each subcommand measures one thing and prints medians of several runs. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Measure raftsim's speed.",
    subcommands = {BenchSimCommand.class, BenchCheckCommand.class, BenchCatchUpCommand.class, BenchReadsCommand.class,
        BenchStepCommand.class})
final class BenchCommand {}
