package io.chainwright.fabric.junit;

import io.chainwright.fabric.crypto.OrgCrypto;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Which org a client parameter belongs to: a {@code FabricGateway} to the org's first peer as
 * {@link #user()}, a {@code PeerAdmin} of its {@link #node()} (or first peer), or an
 * {@code OrdererAdmin} of its node (or first orderer).
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Org {
  /** The org's name in the network, e.g. {@code org1}. */
  String value();

  /** The user a gateway acts as. */
  String user() default OrgCrypto.ADMIN;

  /** The peer or orderer an admin client talks to; the org's first when empty. */
  String node() default "";
}
