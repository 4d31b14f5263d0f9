package io.github.openaivideos.cli;

import io.github.openaivideos.ListOrder;
import io.github.openaivideos.ListVideos;
import io.github.openaivideos.VideoPage;
import io.github.openaivideos.VideosClient;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code videos list}: one page of videos, or every page with {@code --all}. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "List videos, newest first unless --order asc.")
final class ListCommand extends ApiCommand {
  @Option(
      names = "--limit",
      paramLabel = "N",
      description = "Videos per page, 0 to 100 (default: the server's, 20).")
  @Nullable Integer limit;

  @Option(
      names = "--order",
      paramLabel = "asc|desc",
      converter = Converters.Order.class,
      description = "By creation time: asc (oldest first) or desc (newest first).")
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
