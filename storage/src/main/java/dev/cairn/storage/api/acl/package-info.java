/**
 * S3 access control lists and the bucket settings around them, as values and pure decisions: grants and
 * grantees, canned ACLs, the AccessControlPolicy document and the {@code x-amz-grant-*} headers, Object Ownership,
 * the public access block, and {@link dev.cairn.storage.api.acl.AccessRules} (who may do what, given a bucket's
 * owner, ACL, settings and what its policy said). Nothing here does I/O: the handlers in {@code api} load the
 * values and store them (bucket ACLs as bucket configuration, object ACLs in the version's metadata).
 */
package dev.cairn.storage.api.acl;
