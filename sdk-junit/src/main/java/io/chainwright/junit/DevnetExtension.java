package io.chainwright.junit;

import io.chainwright.api.Network;
import io.chainwright.api.UsageException;
import io.chainwright.api.await.ProgressListener;
import io.chainwright.api.backend.Backend;
import io.chainwright.api.backend.Backends;
import io.chainwright.api.backend.Deployment;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Starts a test class's network before its tests and stops it after them; see {@link Devnet}.
 * Each class gets its own deployment on its own ports, so classes can run in parallel. When a test
 * fails, the devnet's recent logs are attached to the failure.
 */
public final class DevnetExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver,
    TestExecutionExceptionHandler {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(DevnetExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    Class<?> testClass = context.getRequiredTestClass();
    Devnet devnet = AnnotationSupport.findAnnotation(testClass, Devnet.class).orElseThrow();
    Network network = StaticFields.one(testClass, Network.class)
        .orElseThrow(() -> new UsageException(testClass.getSimpleName() + " is annotated @Devnet but has no static Network field"));
    Backend<?> backend = StaticFields.one(testClass, Backend.class).orElseGet(() -> Backends.named(devnet.backend()));
    Deployment deployment = backend.deploy(network);
    context.getStore(NAMESPACE).put(Deployment.class, deployment);
    deployment.awaitReady(Duration.ofSeconds(devnet.readySeconds()), ProgressListener.logging());
  }

  @Override
  public void afterAll(ExtensionContext context) {
    Deployment deployment = context.getStore(NAMESPACE).remove(Deployment.class, Deployment.class);
    if (deployment != null) {
      Devnet devnet = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), Devnet.class).orElseThrow();
      deployment.destroy(devnet.teardown());
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return Deployment.class.isAssignableFrom(type)
        || type == Network.class
        || (type == URI.class && parameter.isAnnotated(Endpoint.class));
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Deployment deployment = deployment(context);
    Class<?> type = parameter.getParameter().getType();
    if (type == Network.class) {
      return deployment.network();
    }
    if (type == URI.class) {
      Endpoint endpoint = parameter.findAnnotation(Endpoint.class).orElseThrow();
      return deployment.endpoint(endpoint.workload(), endpoint.port());
    }
    if (!type.isInstance(deployment)) {
      throw new ParameterResolutionException("The devnet runs as " + deployment.getClass().getSimpleName()
          + ", which is not a " + type.getSimpleName());
    }
    return deployment;
  }

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
    Deployment deployment = context.getStore(NAMESPACE).get(Deployment.class, Deployment.class);
    if (deployment != null) {
      String logs = deployment.recentLogs();
      if (!logs.isBlank()) {
        failure.addSuppressed(new DevnetLogs(logs));
      }
    }
    throw failure;
  }

  /**
   * The deployment this extension started for the test class of {@code context}, for other
   * extensions that resolve parameters from it (typed clients, funded accounts).
   */
  public static Optional<Deployment> runningDeployment(ExtensionContext context) {
    return Optional.ofNullable(context.getStore(NAMESPACE).get(Deployment.class, Deployment.class));
  }

  private static Deployment deployment(ExtensionContext context) {
    Deployment deployment = context.getStore(NAMESPACE).get(Deployment.class, Deployment.class);
    if (deployment == null) {
      throw new ParameterResolutionException("No devnet is running for " + context.getDisplayName());
    }
    return deployment;
  }
}
