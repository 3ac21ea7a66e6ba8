package io.chainwright.junit;

import io.chainwright.api.backend.Teardown;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test class's network once, before its first test, and tears it down after its last.
 *
 * <p>The network is the class's one static {@link io.chainwright.api.Network} field. It runs on the
 * backend in a static {@link io.chainwright.api.backend.Backend} field if there is one (say, a
 * {@code HostRuntime} that knows where anvil is), otherwise on the backend named by {@link #backend()}.
 * Tests take the {@link io.chainwright.api.backend.Deployment}, the {@link io.chainwright.api.Network},
 * or an endpoint as a {@link java.net.URI} parameter marked {@link Endpoint}.
 *
 * <pre>{@code
 * @Devnet
 * class TokenTest {
 *   static Network network = DevnetExample.network();
 *
 *   @Test
 *   void answers(@Endpoint(workload = "anvil", port = "rpc") URI rpc) { ... }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(DevnetExtension.class)
public @interface Devnet {
  /** The backend to run on when the class declares none; host processes by default. */
  String backend() default "host";

  /** How long the network may take to become ready. */
  int readySeconds() default 120;

  /**
   * What happens to data after the last test. A test devnet is throwaway, so by default everything
   * goes; choose {@link Teardown#KEEP_VOLUMES} to inspect its data afterwards.
   */
  Teardown teardown() default Teardown.DELETE_ALL_VOLUMES;
}
