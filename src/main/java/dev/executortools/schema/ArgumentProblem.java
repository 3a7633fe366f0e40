package dev.executortools.schema;

/**
 * One reason arguments do not fit a tool's input schema.
 *
 * @param path JSON pointer into the arguments ({@code /body/clientName}; {@code ""} for the whole)
 * @param message readable English, e.g. {@code required property 'clientName' is missing}
 */
public record ArgumentProblem(String path, String message) {}
