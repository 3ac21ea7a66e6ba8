package io.chainwright.fabric.junit;

import io.chainwright.api.UsageException;
import io.chainwright.api.backend.Backend;
import io.chainwright.api.backend.Backends;
import io.chainwright.fabric.FabricNetwork;
import io.chainwright.fabric.OrdererOrg;
import io.chainwright.fabric.client.FabricGateway;
import io.chainwright.fabric.client.OrdererAdmin;
import io.chainwright.fabric.client.PeerAdmin;
import io.chainwright.fabric.devnet.FabricDevnet;
import io.chainwright.junit.StaticFields;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Runs the {@link FabricDevnet} of a class annotated {@link WithFabricDevnet} and resolves its
 * clients as parameters. Clients are opened per test and closed after it.
 */
public final class FabricDevnetExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(FabricDevnetExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    Class<?> testClass = context.getRequiredTestClass();
    WithFabricDevnet settings = settings(testClass);
    FabricNetwork network = StaticFields.one(testClass, FabricNetwork.class).orElseThrow(() -> new UsageException(
        testClass.getSimpleName() + " is annotated @WithFabricDevnet but has no static FabricNetwork field"));
    Backend<?> backend = StaticFields.one(testClass, Backend.class).orElseGet(() -> Backends.named("host"));
    context.getStore(NAMESPACE).put(FabricDevnet.class, FabricDevnet.start(network, backend, Duration.ofSeconds(settings.readySeconds())));
  }

  @Override
  public void afterAll(ExtensionContext context) {
    FabricDevnet devnet = context.getStore(NAMESPACE).remove(FabricDevnet.class, FabricDevnet.class);
    if (devnet != null) {
      devnet.destroy(settings(context.getRequiredTestClass()).teardown());
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == FabricDevnet.class
        || (parameter.isAnnotated(Org.class) && (type == FabricGateway.class || type == PeerAdmin.class || type == OrdererAdmin.class));
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    FabricDevnet devnet = context.getStore(NAMESPACE).get(FabricDevnet.class, FabricDevnet.class);
    if (devnet == null) {
      throw new ParameterResolutionException("No Fabric devnet is running for " + context.getDisplayName());
    }
    Class<?> type = parameter.getParameter().getType();
    if (type == FabricDevnet.class) {
      return devnet;
    }
    Org org = parameter.findAnnotation(Org.class).orElseThrow();
    try {
      AutoCloseable client = type == OrdererAdmin.class
          ? devnet.ordererAdmin(org.value(), org.node().isEmpty() ? firstOrderer(devnet, org.value()) : org.node())
          : type == FabricGateway.class
          ? devnet.gateway(org.value(), org.user())
          : devnet.peerAdmin(org.value(), org.node().isEmpty() ? firstPeer(devnet, org.value()) : org.node());
      context.getStore(NAMESPACE).put(parameter.getParameter(), new Closing(client));
      return client;
    } catch (RuntimeException e) {
      throw new ParameterResolutionException("Cannot open a " + type.getSimpleName() + " for org '" + org.value() + "': " + e.getMessage(), e);
    }
  }

  private static String firstOrderer(FabricDevnet devnet, String org) {
    OrdererOrg ordererOrg = devnet.spec().ordererOrgs().stream().filter(o -> o.name().equals(org)).findFirst()
        .orElseThrow(() -> new ParameterResolutionException("'" + org + "' is not an orderer org of the devnet"));
    return ordererOrg.orderers().get(0).name();
  }

  private static String firstPeer(FabricDevnet devnet, String org) {
    return devnet.spec().peerOrg(org)
        .orElseThrow(() -> new ParameterResolutionException("'" + org + "' is not a peer org of the devnet"))
        .peers().get(0).name();
  }

  private static WithFabricDevnet settings(Class<?> testClass) {
    return AnnotationSupport.findAnnotation(testClass, WithFabricDevnet.class).orElseThrow();
  }

  /** Closes a client when the test's store is closed (JUnit closes the store's AutoCloseable values). */
  private record Closing(AutoCloseable client) implements AutoCloseable {
    @Override
    public void close() throws Exception {
      client.close();
    }
  }
}
