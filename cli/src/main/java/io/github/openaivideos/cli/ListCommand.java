package io.github.openaivideos.cli;

import io.github.openaivideos.ListVideos;
import io.github.openaivideos.VideoPage;
import io.github.openaivideos.VideosClient;
import io.github.openaivideos.generated.api.VideosApi;
import io.github.openaivideos.models.ListOrder;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code videos list}: one page of videos, or every page with {@code --all}. */
@Command(
    name = "list",
    footerHeading = "%nExample:%n",
    footer = {"  videos list --limit 20 --order asc"},
    mixinStandardHelpOptions = true,
    description = "List videos, newest first unless --order says otherwise.")
final class ListCommand extends ApiCommand {
  @Option(
      names = "--limit",
      paramLabel = "N",
      description =
          "Videos per page, "
              + VideosApi.LIST_VIDEOS_LIMIT_MINIMUM
              + " to "
              + VideosApi.LIST_VIDEOS_LIMIT_MAXIMUM
              + " (default: the server's).")
  @Nullable Integer limit;

  @Option(
      names = "--order",
      paramLabel = "${bundle:values.orderLabel}",
      converter = Converters.Order.class,
      description =
          "By creation time: ${bundle:values.orders} (default: the server's, newest first).")
  @Nullable ListOrder order;

  @Option(names = "--after", paramLabel = "ID", description = "Start after this video id.")
  @Nullable String after;

  @Option(names = "--all", description = "Fetch every page, not only the first.")
  boolean all;

  ListCommand(Session session) {
    super(session);
  }

  @Override
  void check() {
    request();
  }

  @Override
  int run(VideosClient client) {
    VideoPage page = client.list(request());
    if (all) {
      session.output().videos(page.stream().toList(), null);
    } else {
      String next = page.nextPageParams().flatMap(ListVideos::after).orElse(null);
      session.output().videos(page.data(), next);
    }
    return ExitCode.OK;
  }

  private ListVideos request() {
    ListVideos request = ListVideos.defaults();
    if (limit != null) {
      request = request.limit(limit);
    }
    if (order != null) {
      request = request.order(order);
    }
    if (after != null) {
      request = request.after(after);
    }
    return request;
  }
}
