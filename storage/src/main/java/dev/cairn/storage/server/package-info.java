/**
 * The Quarkus glue of the node: the command line, configuration, starting the {@link dev.cairn.storage.node.Node},
 * and the health and admin endpoints.
 */
package dev.cairn.storage.server;
