package dev.executortools.compile;

import dev.executortools.extract.Param;

/** A parameter and the input-schema property that carries its value (renamed on clashes). */
public record ParamBinding(String property, Param param) {}
