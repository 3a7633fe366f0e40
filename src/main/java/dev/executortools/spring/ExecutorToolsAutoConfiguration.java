package dev.executortools.spring;

import dev.executortools.ApprovalHandler;
import dev.executortools.ToolRegistry;
import dev.executortools.agent.AgentTools;
import dev.executortools.agent.ToolMode;
import java.nio.file.Path;
import org.springframework.ai.tool.ToolCallbackProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * With Spring AI on the class path and {@code executor-tools.home} set: a {@link ToolRegistry} on
 * that home (closed with the context) and an {@link ExecutorToolCallbackProvider} over it, each
 * unless the application defines its own. {@code executor-tools.tools} is {@code all}, {@code
 * search} or {@code auto} (the default). An {@link ApprovalHandler} bean, when there is one, is
 * asked before tools that require approval; without one they answer {@code approval_required}.
 */
@AutoConfiguration
@ConditionalOnClass(ToolCallbackProvider.class)
@ConditionalOnProperty(prefix = "executor-tools", name = "home")
public class ExecutorToolsAutoConfiguration {
  static final String HOME = "executor-tools.home";
  static final String TOOLS = "executor-tools.tools";

  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  public ToolRegistry executorToolRegistry(
      Environment environment, ObjectProvider<ApprovalHandler> approvals) {
    return ToolRegistry.builder()
        .home(Path.of(environment.getRequiredProperty(HOME)))
        .approvals(approvals.getIfAvailable())
        .build();
  }

  @Bean
  @ConditionalOnMissingBean
  public ExecutorToolCallbackProvider executorToolCallbackProvider(
      ToolRegistry registry, Environment environment, ObjectProvider<ApprovalHandler> approvals) {
    return ExecutorToolCallbackProvider.of(
        AgentTools.builder(registry)
            .mode(ToolMode.parse(environment.getProperty(TOOLS, "auto")))
            .approvals(approvals.getIfAvailable())
            .build());
  }
}
