package io.github.openaivideos.cli;

import io.github.openaivideos.models.ContentVariant;
import io.github.openaivideos.models.ExtensionSeconds;
import io.github.openaivideos.models.ListOrder;
import io.github.openaivideos.models.VideoModelName;
import io.github.openaivideos.models.VideoSeconds;
import io.github.openaivideos.models.VideoSize;
import java.util.List;
import java.util.ListResourceBundle;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The values the spec allows, for the help text: the root command names this class as its resource
 * bundle, so a description reads {@code ${bundle:values.createSeconds}} and shows the generated
 * models' {@code knownValues()} as they are in the SDK the tool runs with. Public because {@link
 * java.util.ResourceBundle} instantiates it by name.
 */
public final class HelpValues extends ListResourceBundle {
  @Override
  protected Object[][] getContents() {
    return new Object[][] {
      {"values.createSeconds", Converters.join(VideoSeconds.knownValues(), VideoSeconds::value)},
      {
        "values.extendSeconds",
        Converters.join(ExtensionSeconds.knownValues(), ExtensionSeconds::value)
      },
      {"values.sizes", Converters.join(VideoSize.knownValues(), VideoSize::value)},
      {"values.defaultSize", VideoSize.DEFAULT.value()},
      {"values.models", Converters.join(VideoModelName.knownValues(), VideoModelName::value)},
      {"values.variantLabel", label(ContentVariant.knownValues(), ContentVariant::value)},
      {"values.orders", Converters.join(ListOrder.knownValues(), ListOrder::value)},
      {"values.orderLabel", label(ListOrder.knownValues(), ListOrder::value)},
    };
  }

  /** The values as a parameter label: {@code asc|desc}. */
  private static <T> String label(List<T> values, Function<T, String> wire) {
    return values.stream().map(wire).collect(Collectors.joining("|"));
  }
}
