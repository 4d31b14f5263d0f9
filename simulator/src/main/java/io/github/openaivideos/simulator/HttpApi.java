package io.github.openaivideos.simulator;

import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.SizeUnit;
import io.javalin.http.HttpResponseException;
import java.nio.file.Path;
import org.eclipse.jetty.http.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP face of the simulator: a Javalin app with the ten operations under {@code /v1}, the
 * request guards in front of them and one error format for everything that goes wrong.
 */
final class HttpApi {
  private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);

  /** JSON bodies are small, but an image_url may be a 20 MiB data URL. */
  private static final long MAX_JSON_BODY = 32L * 1024 * 1024;

  private static final int MULTIPART_IN_MEMORY_BYTES = 1024 * 1024;

  private HttpApi() {}

  static Javalin create(
      RequestGuards guards,
      CreationHandlers creation,
      VideoHandlers videos,
      CharacterHandlers characters,
      long maxUploadBytes,
      Path uploadSpoolDir) {
    return Javalin.create(
        config -> {
          config.startup.showJavalinBanner = false;
          config.startup.showOldJavalinVersionWarning = false;
          config.http.compressionStrategy = CompressionStrategy.NONE;
          config.http.maxRequestSize = MAX_JSON_BODY;
          config.jetty.multipartConfig.cacheDirectory(uploadSpoolDir.toString());
          config.jetty.multipartConfig.maxInMemoryFileSize(
              MULTIPART_IN_MEMORY_BYTES, SizeUnit.BYTES);
          config.jetty.multipartConfig.maxFileSize(maxUploadBytes, SizeUnit.BYTES);
          config.jetty.multipartConfig.maxTotalRequestSize(
              maxUploadBytes + MULTIPART_IN_MEMORY_BYTES, SizeUnit.BYTES);

          var routes = config.routes;
          routes.before(guards::before);
          // Fixed paths before the {video_id} patterns they would otherwise match.
          routes.post("/v1/videos/edits", creation::edit);
          routes.post("/v1/videos/extensions", creation::extend);
          routes.post("/v1/videos/characters", characters::create);
          routes.get("/v1/videos/characters/{character_id}", characters::retrieve);
          routes.post("/v1/videos", creation::create);
          routes.get("/v1/videos", videos::list);
          routes.get("/v1/videos/{video_id}", videos::retrieve);
          routes.delete("/v1/videos/{video_id}", videos::delete);
          routes.get("/v1/videos/{video_id}/content", videos::content);
          routes.post("/v1/videos/{video_id}/remix", creation::remix);

          routes.exception(ApiException.class, (e, ctx) -> Replies.error(ctx, e));
          routes.exception(
              HttpResponseException.class,
              (e, ctx) -> Replies.error(ctx, fromJavalin(e, ctx.method() + " " + ctx.path())));
          routes.exception(
              Exception.class, (e, ctx) -> Replies.error(ctx, fromUnexpected(e, maxUploadBytes)));
        });
  }

  private static ApiException fromJavalin(HttpResponseException e, String request) {
    if (e.getStatus() == 404) {
      return new ApiException(
          404, ApiException.INVALID_REQUEST, "Invalid URL (" + request + ").", null, null);
    }
    if (e.getStatus() == 413) {
      return new ApiException(
          413, ApiException.INVALID_REQUEST, "The request body is too large.", null, null);
    }
    return new ApiException(
        e.getStatus(), ApiException.INVALID_REQUEST, e.getMessage(), null, null);
  }

  /**
   * Jetty reports a broken multipart body as a 400 {@link HttpException}, caused by an {@link
   * IllegalStateException} "max file size exceeded" or "max request size exceeded" when an upload
   * is over the limits. Anything else is a bug in the simulator, reported as a 500.
   */
  private static ApiException fromUnexpected(Exception e, long maxUploadBytes) {
    boolean badMultipart = false;
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      badMultipart |= cause instanceof HttpException http && http.getCode() == 400;
      String message = String.valueOf(cause.getMessage());
      if (badMultipart
          && cause instanceof IllegalStateException
          && (message.startsWith("max file size exceeded")
              || message.startsWith("max request size exceeded"))) {
        return Uploads.tooLarge(maxUploadBytes);
      }
    }
    if (badMultipart) {
      return ApiException.invalid(
          null, "invalid_multipart", "The multipart/form-data body could not be parsed.");
    }
    LOG.error("Unexpected failure", e);
    return new ApiException(
        500, "server_error", "The simulator failed: " + e, null, "server_error");
  }
}
