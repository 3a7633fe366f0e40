/**
 * The plugin as a library: {@link dev.executortools.ToolRegistry} and the values it hands out.
 * Types and members are non-null unless marked {@link org.jspecify.annotations.Nullable}; every
 * JSON value a method returns is the caller's own (a copy, or built for that call), so changing it
 * changes nothing the registry answers later.
 */
@NullMarked
package dev.executortools;

import org.jspecify.annotations.NullMarked;
