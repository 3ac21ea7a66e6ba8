package io.chainwright.ethereum.junit;

import io.chainwright.api.backend.Deployment;
import io.chainwright.ethereum.client.ExecutionRpc;
import io.chainwright.ethereum.devnet.AnvilDevnet;
import io.chainwright.junit.DevnetExtension;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;

/**
 * Resolves {@link Web3j}, {@link ExecutionRpc} and funded {@link Credentials} parameters for a
 * {@code @Devnet} test class whose network holds the class's one static {@link AnvilDevnet}.
 *
 * <pre>{@code
 * @Devnet
 * @ExtendWith(AnvilParameters.class)
 * class TransferTest {
 *   static AnvilDevnet anvil = AnvilDevnet.builder().build();
 *   static Network network = anvil.toNetwork();
 *
 *   @Test
 *   void pays(Web3j web3j, Credentials payer, @Account(1) Credentials payee) { ... }
 * }
 * }</pre>
 *
 * <p>Clients are opened per test and closed after it.
 */
public final class AnvilParameters implements ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(AnvilParameters.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == Web3j.class || type == ExecutionRpc.class || type == Credentials.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    AnvilDevnet devnet = devnet(context.getRequiredTestClass());
    Class<?> type = parameter.getParameter().getType();
    if (type == Credentials.class) {
      int index = parameter.findAnnotation(Account.class).map(Account::value).orElse(0);
      try {
        return devnet.credentials(index);
      } catch (IllegalArgumentException e) {
        throw new ParameterResolutionException(e.getMessage(), e);
      }
    }
    ExecutionRpc rpc = rpc(context, devnet);
    return type == ExecutionRpc.class ? rpc : rpc.web3j();
  }

  private static ExecutionRpc rpc(ExtensionContext context, AnvilDevnet devnet) {
    return context.getStore(NAMESPACE).getOrComputeIfAbsent(ClosingRpc.class, key -> {
      Deployment deployment = DevnetExtension.runningDeployment(context).orElseThrow(() -> new ParameterResolutionException(
          "No devnet is running for " + context.getDisplayName() + "; annotate the class with @Devnet"));
      return new ClosingRpc(ExecutionRpc.connect(deployment.endpoint(devnet.name(), "rpc")));
    }, ClosingRpc.class).rpc();
  }

  private static AnvilDevnet devnet(Class<?> testClass) {
    List<Field> fields = ReflectionSupport.findFields(testClass,
        f -> Modifier.isStatic(f.getModifiers()) && AnvilDevnet.class.isAssignableFrom(f.getType()),
        HierarchyTraversalMode.TOP_DOWN);
    if (fields.size() != 1) {
      throw new ParameterResolutionException(testClass.getSimpleName() + " needs exactly one static AnvilDevnet field "
          + "(the devnet its Network runs) for devnet clients and accounts; found " + fields.stream().map(Field::getName).toList());
    }
    try {
      fields.get(0).setAccessible(true);
      return (AnvilDevnet) fields.get(0).get(null);
    } catch (IllegalAccessException e) {
      throw new ParameterResolutionException("Cannot read " + testClass.getSimpleName() + "." + fields.get(0).getName(), e);
    }
  }

  /** Closes the client's HTTP threads when the test's store is closed (JUnit closes the store's AutoCloseable values). */
  private record ClosingRpc(ExecutionRpc rpc) implements AutoCloseable {
    @Override
    public void close() {
      rpc.close();
    }
  }
}
