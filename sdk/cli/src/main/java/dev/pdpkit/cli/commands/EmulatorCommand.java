package dev.pdpkit.cli.commands;

import dev.pdpkit.cli.internal.PdpCommand;
import dev.pdpkit.cli.internal.Session;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code pdp emulator [options]}: the standalone emulator, with every argument passed unchanged to
 * {@code dev.pdpkit.emulator.Main} (which owns its options; {@code pdp emulator --help} lists them).
 */
@Command(name = "emulator", description = "Run the Prisma emulator (API and OAuth server) on loopback until"
        + " interrupted; prints its URL and seeded credentials. Options go to the emulator: `pdp emulator --help`.")
public final class EmulatorCommand extends PdpCommand {
    /** Everything after {@code emulator}, in order (picocli matches none of it). */
    @Unmatched
    List<String> args = new ArrayList<>();

    EmulatorCommand(Session session) {
        super(session);
    }

    /**
     * Runs the emulator in this process until it is interrupted.
     *
     * @param args the emulator's arguments, unchanged
     */
    public static void runStandalone(String[] args) {
        try {
            dev.pdpkit.emulator.Main.main(args);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    protected int run() {
        runStandalone(args.toArray(new String[0]));
        return 0;
    }
}
