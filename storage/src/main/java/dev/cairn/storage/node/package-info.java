/**
 * Assembling a node from its drive arguments: probing and formatting drives, building the erasure sets,
 * watching drives come and go, and healing. Plain Java; the Quarkus glue is in {@code server}.
 */
package dev.cairn.storage.node;
