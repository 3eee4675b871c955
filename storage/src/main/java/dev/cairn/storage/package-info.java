/** The Cairn node: S3 API, ObjectLayer, erasure sets, drives. */
package dev.cairn.storage;
