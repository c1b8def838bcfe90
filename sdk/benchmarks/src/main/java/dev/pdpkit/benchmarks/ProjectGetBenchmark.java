package dev.pdpkit.benchmarks;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code client.projects().get(id)} against the floor (raw OkHttp plus a Jackson tree read), one caller, over
 * loopback to a canned server in another process. Run with {@code -prof gc} for {@code gc.alloc.rate.norm}, the
 * bytes allocated per call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ProjectGetBenchmark {
    private ServerProcess server;
    private Sdk sdk;
    private Floor floor;

    /**
     * Starts the server and both clients.
     *
     * @throws IOException if the server cannot start
     */
    @Setup(Level.Trial)
    public void start() throws IOException {
        server = ServerProcess.start();
        sdk = Sdk.connect(server.baseUrl());
        floor = Floor.connect(server.baseUrl());
    }

    /**
     * Stops the clients and the server.
     *
     * @throws InterruptedException if interrupted while the server stops
     */
    @TearDown(Level.Trial)
    public void stop() throws InterruptedException {
        sdk.close();
        floor.close();
        server.close();
    }

    /** @return the folded fields of the project the SDK fetched */
    @Benchmark
    public long sdk() {
        return sdk.get();
    }

    /** @return the folded fields of the project raw OkHttp and Jackson fetched */
    @Benchmark
    public long floor() {
        return floor.get();
    }
}
