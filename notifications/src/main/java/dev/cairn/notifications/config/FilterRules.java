package dev.cairn.notifications.config;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** {@code <Filter><S3Key><FilterRule><Name>prefix|suffix</Name><Value>..</Value></FilterRule>...} */
final class FilterRules {
    private FilterRules() {
    }

    /** {prefix, suffix}, "" for a rule not given. */
    static String[] parse(ConfigXml.Tree filter) {
        String prefix = null;
        String suffix = null;
        for (ConfigXml.Tree key : filter.children()) {
            if (!key.name().equals("S3Key")) {
                throw NotificationConfigException.malformed("Unexpected element " + key.name() + " in Filter");
            }
            for (ConfigXml.Tree rule : key.children()) {
                if (!rule.name().equals("FilterRule")) {
                    throw NotificationConfigException.malformed("Unexpected element " + rule.name() + " in S3Key");
                }
                String name = rule.childText("Name");
                String value = rule.childText("Value");
                if (name == null || value == null) {
                    throw NotificationConfigException.malformed("A FilterRule needs a Name and a Value");
                }
                if (value.getBytes(StandardCharsets.UTF_8).length > NotificationConfiguration.MAX_FILTER_VALUE_BYTES) {
                    throw NotificationConfigException.invalid("The value of a filter rule cannot exceed "
                            + NotificationConfiguration.MAX_FILTER_VALUE_BYTES + " bytes in UTF-8");
                }
                switch (name.toLowerCase(Locale.ROOT)) {
                    case "prefix" -> {
                        if (prefix != null) {
                            throw NotificationConfigException.invalid("Cannot specify more than one prefix rule in "
                                    + "a filter.");
                        }
                        prefix = value;
                    }
                    case "suffix" -> {
                        if (suffix != null) {
                            throw NotificationConfigException.invalid("Cannot specify more than one suffix rule in "
                                    + "a filter.");
                        }
                        suffix = value;
                    }
                    default -> throw NotificationConfigException.invalid("The filter rule name must be either "
                            + "prefix or suffix, not '" + name + "'");
                }
            }
        }
        return new String[]{prefix == null ? "" : prefix, suffix == null ? "" : suffix};
    }

    static void write(StringBuilder x, String name, String value) {
        if (!value.isEmpty()) {
            x.append("<FilterRule>");
            ConfigXml.element(x, "Name", name);
            ConfigXml.element(x, "Value", value);
            x.append("</FilterRule>");
        }
    }
}
