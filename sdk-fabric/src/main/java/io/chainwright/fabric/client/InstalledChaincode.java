package io.chainwright.fabric.client;

/** A chaincode package installed on a peer: its id ({@code label:sha256hex}) and label. */
public record InstalledChaincode(String packageId, String label) {}
