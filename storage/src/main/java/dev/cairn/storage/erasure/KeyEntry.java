package dev.cairn.storage.erasure;

import dev.cairn.storage.meta.ObjectMeta;

/** A key found by a listing, with the versions a quorum of its set's drives agrees on. */
record KeyEntry(String key, ObjectMeta meta) {
}
