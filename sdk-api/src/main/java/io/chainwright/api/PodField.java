package io.chainwright.api;

/** Facts about the running replica that a container can read from its environment. */
public enum PodField {
  POD_NAME,
  POD_IP,
  NAMESPACE,
  NODE_NAME,
  HOST_IP
}
