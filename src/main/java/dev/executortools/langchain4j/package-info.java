/**
 * The registry as LangChain4j tools: {@link dev.executortools.langchain4j.ExecutorToolProvider}.
 * LangChain4j ({@code dev.langchain4j:langchain4j}) is not a dependency of the plugin: a program
 * that uses this package brings it.
 */
@NullMarked
package dev.executortools.langchain4j;

import org.jspecify.annotations.NullMarked;
