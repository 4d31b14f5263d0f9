package io.github.openaivideos.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The four operations that start a job: create, remix, edit and extend. */
final class CreationHandlers {
  private static final String INPUT_REFERENCE = "input_reference";
  private static final String VIDEO = "video";

  /** The parameters of each operation (openapi/videos.yaml); any other is an unknown parameter. */
  private static final Set<String> CREATE =
      Set.of("prompt", "model", "seconds", "size", INPUT_REFERENCE);

  private static final Set<String> REMIX = Set.of("prompt");
  private static final Set<String> EDIT = Set.of("prompt", VIDEO);
  private static final Set<String> EXTEND = Set.of("prompt", VIDEO, "seconds");

  /** What a new job inherits from the video it edits or extends. */
  private record Source(String model, VideoSize size, int seconds, @Nullable String id) {}

  private final Jobs jobs;
  private final Uploads uploads;
  private final IdempotencyKeys idempotencyKeys;

  CreationHandlers(Jobs jobs, Uploads uploads, IdempotencyKeys idempotencyKeys) {
    this.jobs = jobs;
    this.uploads = uploads;
    this.idempotencyKeys = idempotencyKeys;
  }

  /** POST /videos */
  void create(Context ctx) {
    RequestFields.checkQuery(ctx, Set.of());
    RequestFields fields = RequestFields.read(ctx, true, CREATE);
    String prompt = Rules.prompt(fields);
    String model = Rules.model(fields);
    int seconds = Rules.createSeconds(fields);
    VideoSize size = Rules.size(fields);
    checkInputReference(fields, size);
    start(ctx, "create", model, prompt, size, seconds, null, null);
  }

  /** POST /videos/{video_id}/remix */
  void remix(Context ctx) {
    RequestFields.checkQuery(ctx, Set.of());
    RequestFields fields = RequestFields.read(ctx, true, REMIX);
    String prompt = Rules.prompt(fields);
    VideoRecord source = jobs.findCompleted("video_id", ctx.pathParam("video_id"));
    start(ctx, "remix", source.model(), prompt, source.size(), source.seconds(), source.id(), null);
  }

  /** POST /videos/edits: same length and size as the source. */
  void edit(Context ctx) {
    RequestFields.checkQuery(ctx, Set.of());
    RequestFields fields = RequestFields.read(ctx, true, EDIT);
    String prompt = Rules.prompt(fields);
    Source source = source(fields);
    start(ctx, "edit", source.model(), prompt, source.size(), source.seconds(), null, source.id());
  }

  /** POST /videos/extensions: the new video is the source plus the new segment. */
  void extend(Context ctx) {
    RequestFields.checkQuery(ctx, Set.of());
    RequestFields fields = RequestFields.read(ctx, true, EXTEND);
    String prompt = Rules.prompt(fields);
    int extension = Rules.extensionSeconds(fields);
    Source source = source(fields);
    start(
        ctx,
        "extend",
        source.model(),
        prompt,
        source.size(),
        source.seconds() + extension,
        null,
        source.id());
  }

  /**
   * Starts the job and answers with it; with an {@code Idempotency-Key} header already used for the
   * same operation and parameters, answers with that earlier job instead (see {@link
   * IdempotencyKeys}).
   *
   * @param sourceId the video edited or extended, null for an upload or none
   */
  private void start(
      Context ctx,
      String operation,
      String model,
      String prompt,
      VideoSize size,
      int seconds,
      @Nullable String remixedFrom,
      @Nullable String sourceId) {
    String fingerprint =
        String.join(
            "\n",
            operation,
            model,
            prompt,
            size.toString(),
            Integer.toString(seconds),
            String.valueOf(remixedFrom),
            String.valueOf(sourceId));
    IdempotencyKeys.Outcome outcome =
        idempotencyKeys.startOnce(
            ctx.header("Authorization"),
            ctx.header(IdempotencyKeys.HEADER),
            fingerprint,
            () -> jobs.start(model, prompt, size, seconds, remixedFrom),
            id -> jobs.find("video_id", id));
    if (outcome.replayed()) {
      ctx.header("Idempotent-Replayed", "true");
    }
    Replies.json(ctx, 200, jobs.json(outcome.video()));
  }

  /**
   * The {@code video} field of an edit or extension: an uploaded MP4, or a reference to a completed
   * video. An MP4 the simulator cannot parse counts as 4 seconds at the default size.
   */
  private Source source(RequestFields fields) {
    RequestFields.Field field = fields.field(VIDEO).orElseThrow(() -> ApiException.missing(VIDEO));
    if (field instanceof RequestFields.Upload upload) {
      UploadedFile file = upload.file();
      uploads.check(VIDEO, file, Uploads.VIDEOS);
      Mp4Probe.Facts facts = uploads.videoFacts(file);
      return facts == null
          ? new Source(Rules.DEFAULT_MODEL, VideoSize.DEFAULT, 4, null)
          : new Source(Rules.DEFAULT_MODEL, facts.size(), facts.seconds(), null);
    }
    // The field is present and not an upload, so it is an object (or object() threw a 400).
    JsonNode reference = Objects.requireNonNull(fields.object(VIDEO), VIDEO);
    VideoRecord video = jobs.findCompleted(VIDEO, References.videoId(VIDEO, reference));
    return new Source(video.model(), video.size(), video.seconds(), video.id());
  }

  /**
   * An uploaded image must have exactly the requested size; an object must be an ImageReference.
   */
  private void checkInputReference(RequestFields fields, VideoSize size) {
    RequestFields.Field field = fields.field(INPUT_REFERENCE).orElse(null);
    if (field == null) {
      return;
    }
    if (!(field instanceof RequestFields.Upload upload)) {
      // Present and not an upload: an object (or object() threw a 400).
      References.checkImage(
          INPUT_REFERENCE, Objects.requireNonNull(fields.object(INPUT_REFERENCE), INPUT_REFERENCE));
      return;
    }
    MediaType type = uploads.check(INPUT_REFERENCE, upload.file(), Uploads.IMAGES);
    VideoSize actual = uploads.imageSize(type, upload.file());
    if (actual == null) {
      throw ApiException.invalid(
          INPUT_REFERENCE,
          "invalid_file_content",
          "Invalid file 'input_reference': the " + type.mime + " image could not be read.");
    }
    if (!actual.equals(size)) {
      throw ApiException.invalid(
          INPUT_REFERENCE,
          "invalid_image_size",
          "Invalid 'input_reference': the image is "
              + actual
              + " but must match the requested size "
              + size
              + ".");
    }
  }
}
