package io.github.openaivideos.bench.peer;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.videos.Video;
import com.openai.models.videos.VideoListPage;
import com.openai.models.videos.VideoListParams;
import io.github.openaivideos.bench.support.BenchEnv;
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

/** The official SDK (com.openai:openai-java), configured as its README shows. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PeerBench {
  private OpenAIClient client;
  private final VideoListParams page =
      VideoListParams.builder().limit(20L).order(VideoListParams.Order.DESC).build();

  @Setup
  public void setUp() {
    client =
        OpenAIOkHttpClient.builder().apiKey(BenchEnv.API_KEY).baseUrl(BenchEnv.baseUrl()).build();
  }

  @TearDown
  public void tearDown() {
    client.close();
  }

  @Benchmark
  public void retrieve(Blackhole bh) {
    Video v = client.videos().retrieve(BenchEnv.VIDEO_ID);
    bh.consume(v.id());
    bh.consume(v.status());
    bh.consume(v.progress());
  }

  @Benchmark
  public void list(Blackhole bh) {
    VideoListPage p = client.videos().list(page);
    for (Video v : p.data()) {
      bh.consume(v.id());
      bh.consume(v.status());
      bh.consume(v.progress());
    }
  }
}
