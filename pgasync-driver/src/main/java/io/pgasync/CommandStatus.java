package io.pgasync;

/**
 * A parsed command status (the CommandComplete tag), e.g. {@code INSERT 0 3}, {@code UPDATE 2},
 * {@code SELECT 5}, {@code CREATE TABLE}.
 *
 * @param tag the status as the server sent it
 * @param command the command word(s), e.g. {@code INSERT}, {@code CREATE TABLE}
 * @param rowCount the number of rows affected or returned, or -1 when the command reports none
 */
public record CommandStatus(String tag, String command, long rowCount) {

    /**
     * Parses a status tag.
     *
     * @param tag the tag returned by {@code execute}
     * @return the parsed status
     */
    public static CommandStatus parse(String tag) {
        if (tag == null || tag.isEmpty()) {
            return new CommandStatus(tag == null ? "" : tag, "", -1);
        }
        int lastSpace = tag.lastIndexOf(' ');
        if (lastSpace > 0) {
            String last = tag.substring(lastSpace + 1);
            if (isDigits(last)) {
                String head = tag.substring(0, lastSpace);
                String command = head;
                if (head.startsWith("INSERT ")) { // INSERT oid rows
                    command = "INSERT";
                }
                try {
                    return new CommandStatus(tag, command, Long.parseLong(last));
                } catch (NumberFormatException e) {
                    return new CommandStatus(tag, tag, -1);
                }
            }
        }
        return new CommandStatus(tag, tag, -1);
    }

    private static boolean isDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
