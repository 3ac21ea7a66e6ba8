package io.chainwright.fabric.junit;

import io.chainwright.api.backend.Teardown;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts a {@link io.chainwright.fabric.devnet.FabricDevnet} for the test class, once, before its
 * first test, and stops it after its last.
 *
 * <p>The network is the class's one static {@link io.chainwright.fabric.FabricNetwork} field. It
 * runs on the backend in a static {@link io.chainwright.api.backend.Backend} field if there is one
 * (a {@code HostRuntime} that knows where Fabric's binaries are), otherwise on host processes
 * finding {@code peer} and {@code orderer} on {@code PATH}. Tests take the {@code FabricDevnet},
 * or, marked {@link Org}, a {@code FabricGateway}, {@code PeerAdmin} or {@code OrdererAdmin}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(FabricDevnetExtension.class)
public @interface WithFabricDevnet {
  /** How long the nodes may take to start and join their channels. */
  int readySeconds() default 120;

  /** What happens to ledgers after the last test; a test devnet is throwaway by default. */
  Teardown teardown() default Teardown.DELETE_ALL_VOLUMES;
}
