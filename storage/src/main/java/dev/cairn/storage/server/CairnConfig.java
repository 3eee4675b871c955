package dev.cairn.storage.server;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The node's configuration ({@code cairn.*}; environment variables {@code CAIRN_*}). */
@ConfigMapping(prefix = "cairn")
public interface CairnConfig {

    /** Drive paths, ellipses expanded (set by {@code cairn server PATH...}). */
    List<String> drives();

    /** Root access key ({@code CAIRN_ROOT_USER}); unset means the documented development default. */
    Optional<String> rootUser();

    /** Root secret key ({@code CAIRN_ROOT_PASSWORD}); unset means the documented development default. */
    Optional<String> rootPassword();

    StorageClassConfig storageClass();

    /**
     * Domain for virtual-host style requests ({@code CAIRN_DOMAIN}, e.g. {@code s3.example.com}: then
     * {@code bucket.s3.example.com/key} addresses a key); unset means path style only.
     */
    Optional<String> domain();

    /** A file of {@code accessKey:secretKey} lines: ordinary users besides root ({@code CAIRN_USERS_FILE}). */
    Optional<String> usersFile();

    /** Multipart uploads not completed or aborted within this are aborted ({@code CAIRN_STALE_UPLOADS_EXPIRY}). */
    @WithDefault("24h")
    Duration staleUploadsExpiry();

    /** How often drives are checked for vanishing, returning or being replaced. */
    @WithDefault("5s")
    Duration driveMonitorInterval();

    interface StorageClassConfig {
        /** Parity of STANDARD objects ({@code CAIRN_STORAGE_CLASS_STANDARD}); default by set size. */
        Optional<Integer> standard();

        /** Parity of REDUCED_REDUNDANCY objects ({@code CAIRN_STORAGE_CLASS_RRS}); default min(1, standard). */
        Optional<Integer> rrs();
    }
}
