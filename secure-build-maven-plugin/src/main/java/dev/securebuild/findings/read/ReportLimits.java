package dev.securebuild.findings.read;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.json.JsonMapper;

import dev.securebuild.findings.ReportLimitException;
import dev.securebuild.findings.ReportParseException;
import dev.securebuild.shared.settings.InvalidSettingException;
import dev.securebuild.shared.text.Printable;
import dev.securebuild.shared.settings.Setting;

/**
 * The limits every report reader parses within, set in one place: the JSON parsers of all readers and the format
 * detector are made here with them, and the XML readers hold their elements and texts to the same numbers. A report
 * beyond a limit is a {@link ReportLimitException} naming the file, the place and the limit, never the parser's own
 * text alone.
 *
 * @param maxStringLength characters of one string or name; the default is Jackson's (20 million): real reports'
 *                        longest strings (descriptions, code snippets) are far below it
 * @param maxNestingDepth arrays and objects (or XML elements) inside one another; real reports nest a few dozen deep
 */
public record ReportLimits(int maxStringLength, int maxNestingDepth) {

    public static final ReportLimits DEFAULT = new ReportLimits(StreamReadConstraints.DEFAULT_MAX_STRING_LEN, 1000);

    public ReportLimits {
        if (maxStringLength < 1 || maxNestingDepth < 1) {
            throw new IllegalArgumentException(notPositive(maxStringLength, maxNestingDepth));
        }
    }

    /** The limits a user set, checked: below one is a setting to fix, not a bug. */
    public static ReportLimits of(int maxStringLength, int maxNestingDepth) throws InvalidSettingException {
        if (maxStringLength < 1 || maxNestingDepth < 1) {
            throw InvalidSettingException.about(maxStringLength < 1 ? Setting.MAX_STRING_LENGTH : Setting.MAX_NESTING_DEPTH, notPositive(maxStringLength, maxNestingDepth), null);
        }
        return new ReportLimits(maxStringLength, maxNestingDepth);
    }

    private static String notPositive(int maxStringLength, int maxNestingDepth) {
        return "report limits must be positive: maxStringLength " + maxStringLength + ", maxNestingDepth " + maxNestingDepth;
    }

    /** A factory of JSON parsers held to these limits, refusing duplicate keys, whose parsers also read trees ({@link JsonParser#readValueAsTree()}). */
    JsonFactory jsonFactory() {
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxStringLength(maxStringLength)
                .maxNameLength(maxStringLength)
                .maxNestingDepth(maxNestingDepth)
                .build();
        // A key given twice would let one value hide behind another ("results": [...], "results": []): refused.
        JsonFactory factory = JsonFactory.builder().streamReadConstraints(constraints).enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
        return JsonMapper.builder(factory).build().getFactory();
    }

    /**
     * JSON that could not be read: beyond a limit, or not well-formed, at the place the parser had reached (Jackson's
     * limit errors carry no place of their own).
     */
    static ReportParseException notReadable(String file, JsonProcessingException e, JsonParser parser) {
        if (e instanceof StreamConstraintsException) {
            JsonLocation at = parser.currentTokenLocation();
            String jackson = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            ReportLimitException.Limit limit = jackson.startsWith("Document nesting depth") ? ReportLimitException.Limit.NESTING_DEPTH
                    : jackson.startsWith("Number value length") ? ReportLimitException.Limit.NUMBER_LENGTH : ReportLimitException.Limit.STRING_LENGTH;
            String what = switch (limit) {
                case NESTING_DEPTH -> "arrays and objects nested deeper than the limit of " + parser.streamReadConstraints().getMaxNestingDepth();
                case NUMBER_LENGTH -> "a number longer than the limit of " + parser.streamReadConstraints().getMaxNumberLength() + " digits";
                case STRING_LENGTH -> "a string or name longer than the limit of " + parser.streamReadConstraints().getMaxStringLength() + " characters";
            };
            return new ReportLimitException(ReportParseException.at(file, at, what + " (" + jackson.replaceAll(", from `.*`\\)", ")") + ")").getMessage(),
                    limit, e);
        }
        JsonLocation at = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
        ReportParseException error = ReportParseException.at(file, at, "not valid JSON (" + Printable.of(e.getOriginalMessage()) + ")");
        error.initCause(e);
        return error;
    }
}
