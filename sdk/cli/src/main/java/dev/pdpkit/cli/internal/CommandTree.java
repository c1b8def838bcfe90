package dev.pdpkit.cli.internal;

import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;

/**
 * Builds the picocli command line lazily: only the top-level command named in the arguments is loaded and
 * introspected (picocli reads every annotated class it is given, which is most of the start-up cost of a large tree);
 * help, completion and unknown names get the whole tree. A new command is one line in {@link #COMMANDS}.
 */
public final class CommandTree {
    private static final String PKG = "dev.pdpkit.cli.commands.";
    /** Top-level command name to class name, in the order of the help. */
    private static final Map<String, String> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("whoami", PKG + "WhoamiCommand");
        COMMANDS.put("login", PKG + "LoginCommand");
        COMMANDS.put("logout", PKG + "LogoutCommand");
        COMMANDS.put("workspaces", PKG + "WorkspacesCommand");
        COMMANDS.put("projects", PKG + "ProjectsCommand");
        COMMANDS.put("databases", PKG + "DatabasesCommand");
        COMMANDS.put("connections", PKG + "ConnectionsCommand");
        COMMANDS.put("tokens", PKG + "TokensCommand");
        COMMANDS.put("regions", PKG + "RegionsCommand");
        COMMANDS.put("doctor", PKG + "DoctorCommand");
        COMMANDS.put("emulator", PKG + "EmulatorCommand");
        COMMANDS.put("completion", PKG + "CompletionCommand");
    }

    /**
     * Commands that always call the API: their client is built while picocli parses. With a service token they need
     * none of the OAuth, doctor or emulator classes, so the launcher ({@code bin/pdp}) leaves those jars off the class
     * path; it holds its own copy of this list, which a test keeps equal.
     */
    private static final java.util.Set<String> API_COMMANDS = java.util.Set.of("whoami", "workspaces", "projects",
            "databases", "connections", "tokens", "regions");

    /** Commands whose whole grammar is their name and the global flags. */
    private static final java.util.Set<String> FLAGS_ONLY = java.util.Set.of("whoami");
    private static final java.util.Set<String> GLOBAL_FLAGS = java.util.Set.of("--json", "-q", "--quiet",
            "--verbose");

    private CommandTree() {
    }

    /**
     * Runs {@code pdp whoami} with nothing but global flags without building picocli's model: on a cold JVM that
     * model (annotation proxies, reflection, the converter registry) costs about as much CPU as the API call itself,
     * and scripts call {@code pdp whoami -q} first and often. Anything else (help, any other argument, a flag given
     * twice) returns null and goes through picocli, which also reports every usage error.
     *
     * @param session the run
     * @param args the arguments
     * @return the exit status, or null when {@code args} is not such a command line
     */
    public static Integer runWithoutParser(Session session, String... args) {
        String name = null;
        java.util.Set<String> flags = new java.util.HashSet<>();
        for (String a : args) {
            if (name == null && FLAGS_ONLY.contains(a)) {
                name = a;
            } else if (!GLOBAL_FLAGS.contains(a) || !flags.add(a.equals("-q") ? "--quiet" : a)) {
                return null;
            }
        }
        if (name == null) {
            return null;
        }
        Warmup.start(); // the client is built on this thread, which has nothing else to do
        session.json = flags.contains("--json");
        session.quiet = flags.contains("--quiet");
        session.verbose = flags.contains("--verbose");
        try {
            return ((PdpCommand) create(COMMANDS.get(name), session)).call();
        } catch (Exception e) {
            return ErrorReporter.report(e, session.env().err(), session.verbose());
        }
    }

    /**
     * @param session the run
     * @param args the arguments
     * @return the command line with the root and the subcommand {@code args} names (or all of them)
     */
    public static CommandLine forArgs(Session session, String... args) {
        String name = firstPositional(args);
        if (name != null && API_COMMANDS.contains(name) && !asksForHelp(args)) {
            session.prewarmClient(); // first, so that it overlaps all of picocli's work
        }
        CommandLine cl = root(session);
        if (name != null && COMMANDS.containsKey(name)) {
            cl.addSubcommand(name, create(COMMANDS.get(name), session));
        } else if (name != null || !isVersionOnly(args)) {
            addAll(cl, session); // help, usage errors and unknown names list every command
        }
        return configure(cl, session);
    }

    /**
     * @param session the run
     * @return the whole command tree (for completion scripts)
     */
    public static CommandLine full(Session session) {
        CommandLine cl = root(session);
        addAll(cl, session);
        return configure(cl, session);
    }

    /** @return the names of the commands that always call the API */
    public static java.util.Set<String> apiCommands() {
        return API_COMMANDS;
    }

    private static CommandLine root(Session session) {
        return new CommandLine(create(PKG + "PdpRoot", session), new Factory(session));
    }

    /** Sets streams and the error handler on the whole tree (picocli copies them to subcommands added before). */
    private static CommandLine configure(CommandLine cl, Session session) {
        cl.setOut(new PrintWriter(session.env().out(), true));
        cl.setErr(new PrintWriter(session.env().err(), true));
        cl.setExecutionExceptionHandler(new ErrorReporter(session));
        return cl;
    }

    private static void addAll(CommandLine cl, Session session) {
        COMMANDS.forEach((name, cls) -> cl.addSubcommand(name, create(cls, session)));
    }

    private static boolean asksForHelp(String[] args) {
        return java.util.Arrays.stream(args).anyMatch(a -> a.equals("-h") || a.equals("--help"));
    }

    private static boolean isVersionOnly(String[] args) {
        return args.length > 0 && java.util.Arrays.stream(args).allMatch(a -> a.equals("-V") || a.equals("--version"));
    }

    private static String firstPositional(String[] args) {
        for (String a : args) {
            if (!a.startsWith("-")) {
                return a;
            }
        }
        return null;
    }

    private static Object create(String className, Session session) {
        try {
            return new Factory(session).create(Class.forName(className));
        } catch (Exception e) {
            throw new IllegalStateException("cannot create command " + className, e);
        }
    }

    /** Creates commands through their {@code (Session)} constructor, anything else as picocli would. */
    private static final class Factory implements CommandLine.IFactory {
        private final Session session;

        Factory(Session session) {
            this.session = session;
        }

        @Override
        public <K> K create(Class<K> cls) throws Exception {
            for (Constructor<?> c : cls.getDeclaredConstructors()) {
                if (c.getParameterCount() == 1 && c.getParameterTypes()[0] == Session.class) {
                    c.setAccessible(true);
                    return cls.cast(c.newInstance(session));
                }
            }
            return CommandLine.defaultFactory().create(cls);
        }
    }
}
