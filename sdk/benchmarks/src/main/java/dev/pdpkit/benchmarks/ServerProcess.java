package dev.pdpkit.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A {@link CannedServer} in a child JVM on this class path, so that the measured process holds only the client. */
public final class ServerProcess implements AutoCloseable {
    private final Process process;
    private final BufferedReader out;
    private final PrintStream in;
    private final int port;

    private ServerProcess(Process process) throws IOException {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.in = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
        String first = out.readLine();
        if (first == null || !first.startsWith("port ")) {
            process.destroyForcibly();
            throw new IOException("the canned server did not start (it printed " + first + ")");
        }
        this.port = Integer.parseInt(first.substring("port ".length()).trim());
    }

    /**
     * Starts the server process and waits until it listens.
     *
     * @return the running server
     * @throws IOException if it cannot be started
     */
    public static ServerProcess start() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-Xmx256m", "-Xss256k", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), CannedServer.class.getName()));
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        return new ServerProcess(pb.start());
    }

    /** @return the base URL of the server, {@code http://127.0.0.1:port} */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** @return connections the server has accepted so far */
    public long accepts() {
        in.println("accepts");
        try {
            String line = out.readLine();
            if (line == null) {
                throw new IOException("the canned server exited");
            }
            return Long.parseLong(line.trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        in.close();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
