package io.github.openaivideos.bench.floor;

import io.github.openaivideos.bench.support.BenchEnv;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/** The raw OkHttp + Moshi floor. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FloorBench {
  private FloorClient client;

  @Setup
  public void setUp() {
    client = new FloorClient(BenchEnv.baseUrl());
  }

  @TearDown
  public void tearDown() {
    client.close();
  }

  @Benchmark
  public void retrieve(Blackhole bh) throws IOException {
    FloorClient.FloorVideo v = client.retrieve(BenchEnv.VIDEO_ID);
    bh.consume(v.id);
    bh.consume(v.status);
    bh.consume(v.progress);
  }

  @Benchmark
  public void list(Blackhole bh) throws IOException {
    List<FloorClient.FloorVideo> data = client.list(20, "desc").data;
    if (data == null) {
      throw new IOException("no data");
    }
    for (FloorClient.FloorVideo v : data) {
      bh.consume(v.id);
      bh.consume(v.status);
      bh.consume(v.progress);
    }
  }
}
