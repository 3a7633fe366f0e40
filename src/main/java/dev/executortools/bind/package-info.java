/**
 * The bind stage: a compiled tool's validated arguments become an {@link
 * dev.executortools.bind.HttpRequestSpec}. {@link dev.executortools.bind.RequestPlan} is compiled
 * once per tool (one parameter binder per location and style, one body encoder per media type) and
 * binds each call; {@link dev.executortools.bind.ServerResolver} chooses the base URL.
 */
package dev.executortools.bind;
