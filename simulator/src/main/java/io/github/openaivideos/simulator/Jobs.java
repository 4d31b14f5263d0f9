package io.github.openaivideos.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** Starts video jobs and looks them up, with the 404 and 409 answers that lookups can give. */
final class Jobs {
  private final VideoStore store;
  private final Lifecycle lifecycle;
  private final Clock clock;
  private final FailureRule failureRule;
  private final Consumer<VideoRecord> started;

  Jobs(
      VideoStore store,
      Lifecycle lifecycle,
      Clock clock,
      FailureRule failureRule,
      Consumer<VideoRecord> started) {
    this.store = store;
    this.lifecycle = lifecycle;
    this.clock = clock;
    this.failureRule = failureRule;
    this.started = started;
  }

  /** Queues a new job now; it fails later if its prompt matches the failure rule. */
  VideoRecord start(
      String model,
      String prompt,
      VideoSize size,
      int seconds,
      @Nullable String remixedFromVideoId) {
    JobError failure = failureRule.check(prompt);
    VideoRecord video =
        store.addVideo(
            sequence ->
                new VideoRecord(
                    Ids.video(),
                    model,
                    prompt,
                    size,
                    seconds,
                    clock.instant(),
                    sequence,
                    remixedFromVideoId,
                    failure));
    started.accept(video);
    return video;
  }

  /** The video {@code id}; 404 naming {@code param} when there is none. */
  VideoRecord find(String param, String id) {
    return store.video(id).orElseThrow(() -> ApiException.videoNotFound(param, id));
  }

  /** The completed video {@code id}; 404 when unknown, 409 when not (or not yet) completed. */
  VideoRecord findCompleted(String param, String id) {
    VideoRecord video = find(param, id);
    Lifecycle.State state = state(video);
    if (state.status() != Lifecycle.Status.COMPLETED) {
      throw ApiException.videoNotCompleted(param, id, state.status().wire);
    }
    return video;
  }

  Lifecycle.State state(VideoRecord video) {
    return lifecycle.stateAt(video, clock.instant());
  }

  /** The video as the API's Video object, in its state at this moment. */
  ObjectNode json(VideoRecord video) {
    return ApiJson.video(video, state(video));
  }

  Duration untilFinished(VideoRecord video) {
    return lifecycle.untilFinished(video, clock.instant());
  }
}
