package dev.executortools.extract;

import java.util.List;

/** A request body: its media types in declaration order (the first is the default). */
public record RequestBodySpec(
    boolean required, String description, List<MediaTypeSpec> mediaTypes) {

  public RequestBodySpec {
    mediaTypes = List.copyOf(mediaTypes);
  }
}
