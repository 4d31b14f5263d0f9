package io.github.openaivideos.cli;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import io.github.openaivideos.VideoEvent;
import io.github.openaivideos.WebhookReceiver;
import io.github.openaivideos.WebhookVerificationException;
import io.github.openaivideos.Webhooks;
import io.github.openaivideos.models.WebhookEvent;
import io.github.openaivideos.models.WebhookEventData;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code videos webhooks listen}: a webhook endpoint in the foreground. Each delivery is verified
 * with the secret (Standard Webhooks signature and timestamp); a verified event is printed as one
 * line (or one line of JSON with {@code --json}) and answered 204, anything else is answered 400
 * and its reason printed on stderr.
 */
@Command(
    name = "listen",
    footerHeading = "%nExample:%n",
    footer = {"  videos webhooks listen --port 9000"},
    mixinStandardHelpOptions = true,
    description = {
      "Receive webhook events until Ctrl-C: print each verified one, refuse the rest.",
      "Point the sender (or 'videos simulator --webhook-url') at the URL it prints."
    })
final class WebhooksListenCommand implements Callable<Integer> {
  static final String SECRET_VARIABLE = "OPENAI_WEBHOOK_SECRET";

  private static final JsonAdapter<WebhookEvent> EVENT =
      new Moshi.Builder().build().adapter(WebhookEvent.class);

  @Option(
      names = "--port",
      paramLabel = "N",
      defaultValue = "8000",
      description = "TCP port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--host",
      paramLabel = "ADDRESS",
      defaultValue = "127.0.0.1",
      description =
          "Address to listen on; 0.0.0.0 for every interface (default: ${DEFAULT-VALUE}).")
  String host = "127.0.0.1";

  @Option(
      names = "--path",
      paramLabel = "PATH",
      defaultValue = "/webhooks",
      description = "Path events are posted to (default: ${DEFAULT-VALUE}).")
  String path = "/webhooks";

  @Option(
      names = "--secret",
      paramLabel = "whsec_...",
      description = "Signing secret (default: $" + SECRET_VARIABLE + "). Never printed.")
  @Nullable String secret;

  @Option(
      names = "--tolerance",
      paramLabel = "SECONDS",
      defaultValue = "300",
      description =
          "Refuse events whose timestamp is further than this from now (default: ${DEFAULT-VALUE}).")
  long toleranceSeconds;

  private final Session session;

  WebhooksListenCommand(Session session) {
    this.session = session;
  }

  @Override
  public Integer call() throws InterruptedException {
    String configured = secret != null ? secret : session.env(SECRET_VARIABLE);
    if (configured == null) {
      throw new ConfigurationException(
          "no webhook secret: pass --secret whsec_... or set " + SECRET_VARIABLE);
    }
    if (toleranceSeconds < 0) {
      throw new ConfigurationException("--tolerance must not be negative, was " + toleranceSeconds);
    }
    Webhooks webhooks;
    try {
      webhooks = Webhooks.of(configured).withTolerance(Duration.ofSeconds(toleranceSeconds));
    } catch (WebhookVerificationException e) {
      throw new ConfigurationException(Objects.requireNonNullElse(e.getMessage(), e.toString()));
    }
    boolean json = session.options().json;
    try (WebhookReceiver receiver =
        WebhookReceiver.builder()
            .host(host)
            .port(port)
            .path(path)
            .webhooks(webhooks)
            .onEvent(event -> print(json ? EVENT.toJson(event.event()) : line(event)))
            .onRejected(this::refused)
            .build()
            .start()) {
      session.out().println("Listening for webhooks on " + receiver.url() + " (Ctrl-C to stop)");
      session.out().flush();
      session.stopSignal().await();
    }
    return ExitCode.OK;
  }

  /** {@code video.completed video_123 evt_456 2026-11-25T11:21:07Z}. */
  static String line(VideoEvent event) {
    String videoId = event.event().findData().flatMap(WebhookEventData::findId).orElse("-");
    String when = event.createdAt().map(Object::toString).orElse("-");
    String line = event.type() + " " + videoId + " " + event.id() + " " + when;
    return event instanceof VideoEvent.Unknown ? line + " (unknown event type)" : line;
  }

  private void print(String line) {
    synchronized (session.out()) {
      session.out().println(Table.clean(line));
      session.out().flush();
    }
  }

  private void refused(WebhookVerificationException e) {
    synchronized (session.err()) {
      session.err().println(Table.clean("refused: " + e.getMessage()));
      session.err().flush();
    }
  }
}
