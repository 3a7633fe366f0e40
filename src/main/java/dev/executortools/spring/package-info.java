/**
 * The registry as Spring AI tools: {@link dev.executortools.spring.ExecutorToolCallbackProvider},
 * and {@link dev.executortools.spring.ExecutorToolsAutoConfiguration}, which gives a Spring Boot
 * application with {@code executor-tools.home} set the provider as a bean. Spring AI and Spring
 * Boot are not dependencies of the plugin: a program that uses this package brings them.
 */
@NullMarked
package dev.executortools.spring;

import org.jspecify.annotations.NullMarked;
