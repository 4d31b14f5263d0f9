package io.github.openaivideos;

/** Sort order of {@link VideosClient#list}, by creation time. */
public enum ListOrder {
  ASC("asc"),
  DESC("desc");

  private final String wireValue;

  ListOrder(String wireValue) {
    this.wireValue = wireValue;
  }

  /** The value on the wire. */
  public String wireValue() {
    return wireValue;
  }
}
