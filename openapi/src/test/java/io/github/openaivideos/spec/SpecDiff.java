package io.github.openaivideos.spec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedOperation;
import org.openapitools.openapidiff.core.model.DiffResult;
import org.openapitools.openapidiff.core.model.Endpoint;
import org.openapitools.openapidiff.core.output.MarkdownRender;

/**
 * The first step of a spec upgrade: what changes from our spec to a newer one (for example the
 * upstream OpenAI spec), each change marked breaking or compatible, as markdown.
 *
 * <pre>
 * mvn -B -q -pl openapi test-compile exec:java -Dspec.newer=PATH   # also writes target/spec-diff.md
 * </pre>
 *
 * <p>A compatible change (a new optional field, a new endpoint, a new enum value in a response)
 * reaches users by regeneration alone; a breaking one needs a decision (see the README, "After a
 * spec change").
 */
public final class SpecDiff {
  private SpecDiff() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 2 || args[1].isBlank() || args[1].startsWith("${")) {
      System.err.println(
          "usage: SpecDiff OUR_SPEC NEWER_SPEC [REPORT.md]  (maven: -Dspec.newer=PATH)");
      System.exit(2);
    }
    String report = markdown(Path.of(args[0]), Path.of(args[1]));
    System.out.println(report);
    if (args.length > 2) {
      Path out = Path.of(args[2]);
      Files.createDirectories(out.toAbsolutePath().getParent());
      Files.writeString(out, report);
    }
  }

  /**
   * The changes from {@code ours} to {@code newer}: a summary by kind, then openapi-diff's detail.
   */
  public static String markdown(Path ours, Path newer) throws IOException {
    ChangedOpenApi diff =
        OpenApiCompare.fromLocations(ours.toUri().toString(), newer.toUri().toString());
    List<String> breaking = new ArrayList<>();
    List<String> compatible = new ArrayList<>();
    for (Endpoint e : diff.getMissingEndpoints()) {
      breaking.add("removed operation " + describe(e));
    }
    for (Endpoint e : diff.getNewEndpoints()) {
      compatible.add("new operation " + describe(e));
    }
    for (ChangedOperation op : diff.getChangedOperations()) {
      String name = op.getHttpMethod() + " " + op.getPathUrl();
      (kind(op.isChanged()) ? breaking : compatible).add("changed operation " + name);
    }
    StringBuilder md =
        new StringBuilder("# Spec changes: ")
            .append(ours.getFileName())
            .append(" -> ")
            .append(newer.getFileName())
            .append("\n\n");
    md.append("Result: ").append(verdict(diff.isChanged())).append("\n\n");
    section(md, "Breaking changes (need a decision before they reach the spec)", breaking);
    section(md, "Compatible changes (regeneration brings them to users)", compatible);
    md.append("## Detail (openapi-diff)\n\n");
    ByteArrayOutputStream detail = new ByteArrayOutputStream();
    try (OutputStreamWriter writer = new OutputStreamWriter(detail, StandardCharsets.UTF_8)) {
      new MarkdownRender().render(diff, writer);
    }
    return md.append(detail.toString(StandardCharsets.UTF_8)).toString();
  }

  private static boolean kind(DiffResult result) {
    return result == DiffResult.INCOMPATIBLE;
  }

  private static String verdict(DiffResult result) {
    switch (result) {
      case NO_CHANGES:
        return "no changes";
      case METADATA:
        return "documentation only";
      case COMPATIBLE:
        return "compatible";
      default:
        return "BREAKING";
    }
  }

  private static String describe(Endpoint e) {
    return e.getMethod()
        + " "
        + e.getPathUrl()
        + (e.getOperation().getOperationId() == null
            ? ""
            : " (" + e.getOperation().getOperationId() + ")");
  }

  private static void section(StringBuilder md, String title, List<String> items) {
    md.append("## ").append(title).append("\n\n");
    if (items.isEmpty()) {
      md.append("None.\n\n");
      return;
    }
    for (String item : items) {
      md.append("- ").append(item).append('\n');
    }
    md.append('\n');
  }
}
