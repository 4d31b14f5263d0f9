package io.github.openaivideos.bench.ours;

import io.github.openaivideos.ListVideos;
import io.github.openaivideos.VideoPage;
import io.github.openaivideos.VideosClient;
import io.github.openaivideos.bench.support.BenchEnv;
import io.github.openaivideos.models.ListOrder;
import io.github.openaivideos.models.Video;
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

/** Our facade, configured as a user would: builder, key, base URL, defaults for the rest. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class OursBench {
  private VideosClient client;
  private final ListVideos page = ListVideos.defaults().order(ListOrder.DESC).limit(20);

  @Setup
  public void setUp() {
    client = VideosClient.builder().apiKey(BenchEnv.API_KEY).baseUrl(BenchEnv.baseUrl()).build();
  }

  @TearDown
  public void tearDown() {
    client.close();
  }

  @Benchmark
  public void retrieve(Blackhole bh) {
    Video v = client.retrieve(BenchEnv.VIDEO_ID);
    bh.consume(v.id());
    bh.consume(v.status());
    bh.consume(v.progress());
  }

  @Benchmark
  public void list(Blackhole bh) {
    VideoPage p = client.list(page);
    for (Video v : p.data()) {
      bh.consume(v.id());
      bh.consume(v.status());
      bh.consume(v.progress());
    }
  }
}
