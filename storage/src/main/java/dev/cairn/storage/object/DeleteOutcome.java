package dev.cairn.storage.object;

/** The result of one entry of a batch delete: {@code result} when it worked, {@code error} when not. */
public record DeleteOutcome(ObjectToDelete target, DeleteResult result, ObjectException error) {
}
