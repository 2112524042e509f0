package dev.securebuild.provenance.ledger;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.securebuild.shared.digest.DigestAlgorithm;
import dev.securebuild.shared.yaml.PositionedNode;

/**
 * The ledger's line format ({@value #SCHEMA}), documented in docs/goals/verify-ledger.md.
 *
 * <p>A record is one JSON object on one line, UTF-8, written by Jackson's generator without any whitespace, its fields in
 * a fixed order, {@code signature} last. Its <em>canonical bytes</em>, which the signature covers, are the line's bytes up
 * to (not including) {@code ,"signature":}, followed by {@code }}: the same record with the signature field cut off. As the
 * signature object holds only ASCII letters, digits and {@code +/=-}, any script can rebuild its exact text from the
 * parsed values, check that the line ends with {@code ,"signature":<that text>}}, and cut it off: no JSON
 * canonicalization is needed. {@code previous} is the SHA-256 (lowercase hex) of the previous line's exact bytes, without
 * its line end; null in the first record.
 */
public final class LedgerFormat {

    public static final String SCHEMA = "secure-build-ledger/1";

    private static final JsonFactory JSON = JsonFactory.builder().build();
    /** Strict reading: a field twice in one object is an error, not a silent overwrite. */
    private static final ObjectMapper READER = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final Pattern FINGERPRINT = Pattern.compile("[0-9A-F]{40}|[0-9A-F]{64}");
    private static final Pattern SCHEME = Pattern.compile("[a-z0-9-]+");
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]+={0,2}");

    /** The signature of a record: who signed, with which scheme, and the signature value. */
    public record Signature(String keyid, String scheme, byte[] sig) {

        /** The signature object exactly as the line holds it. */
        public String json() {
            return "{\"keyid\":\"" + keyid + "\",\"scheme\":\"" + scheme + "\",\"sig\":\"" + Base64.getEncoder().encodeToString(sig) + "\"}";
        }
    }

    /**
     * A change of the ledger's key, declared by the first record the new key signs ({@code keyRotation}, written only
     * there, just before {@code previous}).
     *
     * @param previous the fingerprint of the key that signed the record before
     * @param next     the fingerprint of the key that signs this record and the ones after it
     */
    public record KeyRotation(String previous, String next) {}

    /**
     * A line taken apart.
     *
     * @param record    the whole record, signature included
     * @param canonical the bytes the signature covers
     */
    public record ParsedLine(ObjectNode record, byte[] canonical, Signature signature, long sequence, String previous) {}

    private LedgerFormat() {}

    /** The canonical bytes of a record: every field but the signature, in the documented order. */
    public static byte[] canonical(Deployment deployment, long sequence, String previous) throws IOException {
        return canonical(deployment, sequence, previous, null);
    }

    /** The canonical bytes of a record that declares a change of key ({@code rotation} null for none). */
    public static byte[] canonical(Deployment deployment, long sequence, String previous, KeyRotation rotation) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
        try (JsonGenerator json = JSON.createGenerator(bytes, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeStringField("schema", SCHEMA);
            json.writeNumberField("sequence", sequence);
            json.writeStringField("time", deployment.time().truncatedTo(ChronoUnit.SECONDS).toString());
            json.writeObjectFieldStart("who");
            json.writeStringField("name", deployment.who().name());
            json.writeStringField("source", deployment.who().source());
            json.writeEndObject();
            json.writeFieldName("where");
            writeWhere(json, deployment.where());
            json.writeObjectFieldStart("what");
            json.writeArrayFieldStart("modules");
            for (Deployment.Module module : deployment.modules()) {
                writeModule(json, module);
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeObjectFieldStart("configuration");
            json.writeArrayFieldStart("profiles");
            for (String profile : deployment.configuration().profiles()) {
                json.writeString(profile);
            }
            json.writeEndArray();
            writeMap(json, "userProperties", deployment.configuration().userProperties());
            writeMap(json, "environment", deployment.configuration().environment());
            json.writeEndObject();
            writeMap(json, "verdicts", deployment.verdicts());
            if (rotation != null) {
                json.writeObjectFieldStart("keyRotation");
                json.writeStringField("previous", rotation.previous());
                json.writeStringField("next", rotation.next());
                json.writeEndObject();
            }
            json.writeStringField("previous", previous);
            json.writeEndObject();
        }
        return bytes.toByteArray();
    }

    private static void writeWhere(JsonGenerator json, Deployment.Where where) throws IOException {
        json.writeStartObject();
        json.writeStringField("repositoryId", where.repositoryId());
        json.writeStringField("url", where.url());
        json.writeEndObject();
    }

    private static void writeModule(JsonGenerator json, Deployment.Module module) throws IOException {
        json.writeStartObject();
        json.writeStringField("groupId", module.groupId());
        json.writeStringField("artifactId", module.artifactId());
        json.writeStringField("version", module.version());
        json.writeStringField("packaging", module.packaging());
        json.writeArrayFieldStart("files");
        for (Deployment.DeployedFile file : module.files()) {
            json.writeStartObject();
            json.writeStringField("name", file.name());
            json.writeNumberField("size", file.size());
            json.writeStringField("sha256", file.sha256());
            json.writeStringField("sha512", file.sha512());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeStringField("signingKey", module.signingKey());
        json.writeFieldName("provenance");
        if (module.provenance() == null) {
            json.writeNull();
        } else {
            json.writeStartObject();
            json.writeStringField("name", module.provenance().name());
            json.writeStringField("sha256", module.provenance().sha256());
            json.writeEndObject();
        }
        if (module.where() != null) {
            json.writeFieldName("where");
            writeWhere(json, module.where());
        }
        json.writeEndObject();
    }

    private static void writeMap(JsonGenerator json, String field, Map<String, String> values) throws IOException {
        json.writeObjectFieldStart(field);
        for (Map.Entry<String, String> value : values.entrySet()) {
            json.writeStringField(value.getKey(), value.getValue());
        }
        json.writeEndObject();
    }

    /** The line (without its line end): the canonical bytes with the signature added as the last field. */
    public static byte[] line(byte[] canonical, Signature signature) {
        if (canonical.length < 2 || canonical[canonical.length - 1] != '}') {
            throw new IllegalArgumentException("not a JSON object");
        }
        byte[] tail = (",\"signature\":" + signature.json() + "}").getBytes(StandardCharsets.US_ASCII);
        byte[] line = Arrays.copyOf(canonical, canonical.length - 1 + tail.length);
        System.arraycopy(tail, 0, line, canonical.length - 1, tail.length);
        return line;
    }

    /** The SHA-256 of a line's exact bytes (without its line end), lowercase hex: the next record's {@code previous}. */
    public static String hash(byte[] line) {
        return HexFormat.of().formatHex(DigestAlgorithm.SHA256.newMessageDigest().digest(line));
    }

    /**
     * Takes a line apart, checking its form (not its signature, nor its place in the chain).
     *
     * @throws LedgerFormatException saying what is wrong (the caller adds the line number)
     */
    public static ParsedLine parse(byte[] line) throws LedgerFormatException {
        if (line.length == 0) {
            throw new LedgerFormatException("the line is empty");
        }
        JsonNode node;
        try (JsonParser parser = READER.getFactory().createParser(line)) {
            node = READER.readTree(parser);
            if (parser.nextToken() != null) {
                throw new LedgerFormatException("there is more than one JSON value on the line");
            }
        } catch (JsonProcessingException e) {
            // A parser limit (nesting depth, string length) has no location of its own.
            throw new LedgerFormatException("it is not valid JSON (" + PositionedNode.parserProblem(e)
                    + (e.getLocation() == null ? "" : " at column " + e.getLocation().getColumnNr()) + ")");
        } catch (IOException e) {
            throw new LedgerFormatException("it cannot be read as JSON: " + e.getMessage());
        }
        if (!(node instanceof ObjectNode record)) {
            throw new LedgerFormatException("it is not a JSON object");
        }
        if (!SCHEMA.equals(record.path("schema").asText(null))) {
            throw new LedgerFormatException("its schema is " + describe(record.get("schema")) + ", expected \"" + SCHEMA + "\"");
        }
        JsonNode sequence = record.get("sequence");
        if (sequence == null || !sequence.canConvertToLong() || !sequence.isIntegralNumber() || sequence.asLong() < 1) {
            throw new LedgerFormatException("its sequence is " + describe(sequence) + ", expected a whole number from 1");
        }
        JsonNode previous = record.get("previous");
        if (previous == null || !(previous.isNull() || previous.isTextual() && previous.asText().matches("[0-9a-f]{64}"))) {
            throw new LedgerFormatException("its previous is " + describe(previous) + ", expected null or 64 lowercase hex digits");
        }
        Iterator<String> names = record.fieldNames();
        String last = null;
        while (names.hasNext()) {
            last = names.next();
        }
        JsonNode signature = record.get("signature");
        if (signature == null) {
            throw new LedgerFormatException("it has no signature");
        }
        if (!"signature".equals(last)) {
            throw new LedgerFormatException("its signature is not its last field");
        }
        if (!(signature instanceof ObjectNode) || signature.size() != 3) {
            throw new LedgerFormatException("its signature is not an object of keyid, scheme and sig");
        }
        String keyid = text(signature, "keyid", FINGERPRINT, "an uppercase hex OpenPGP fingerprint");
        String scheme = text(signature, "scheme", SCHEME, "a scheme such as ed25519");
        String sig = text(signature, "sig", BASE64, "base64");
        Signature parsed = new Signature(keyid, scheme, Base64.getDecoder().decode(sig));
        byte[] tail = (",\"signature\":" + parsed.json() + "}").getBytes(StandardCharsets.US_ASCII);
        if (line.length < tail.length + 1 || !Arrays.equals(line, line.length - tail.length, line.length, tail, 0, tail.length)) {
            throw new LedgerFormatException("its signature object is not written in the canonical form " + "{\"keyid\":...,\"scheme\":...,\"sig\":...}"
                    + " at the end of the line");
        }
        byte[] canonical = Arrays.copyOf(line, line.length - tail.length + 1);
        canonical[canonical.length - 1] = '}';
        return new ParsedLine(record, canonical, parsed, sequence.asLong(), previous.isNull() ? null : previous.asText());
    }

    /** The change of key a record declares, if any; a {@code keyRotation} of another form is refused. */
    public static java.util.Optional<KeyRotation> rotation(ObjectNode record) throws LedgerFormatException {
        JsonNode rotation = record.get("keyRotation");
        if (rotation == null) {
            return java.util.Optional.empty();
        }
        if (!(rotation instanceof ObjectNode) || rotation.size() != 2) {
            throw new LedgerFormatException("its keyRotation is " + describe(rotation) + ", expected an object of previous and next");
        }
        String expected = "an uppercase hex OpenPGP fingerprint";
        return java.util.Optional.of(new KeyRotation(text(rotation, "keyRotation.", "previous", FINGERPRINT, expected),
                text(rotation, "keyRotation.", "next", FINGERPRINT, expected)));
    }

    private static String text(JsonNode signature, String field, Pattern form, String expected) throws LedgerFormatException {
        return text(signature, "signature.", field, form, expected);
    }

    private static String text(JsonNode object, String prefix, String field, Pattern form, String expected) throws LedgerFormatException {
        JsonNode value = object.get(field);
        if (value == null || !value.isTextual() || !form.matcher(value.asText()).matches()) {
            throw new LedgerFormatException("its " + prefix + field + " is " + describe(value) + ", expected " + expected);
        }
        return value.asText();
    }

    private static String describe(JsonNode value) {
        if (value == null) {
            return "missing";
        }
        String text = value.toString();
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }

    /** Splits a ledger's bytes into lines at LF; a last line without LF is reported by {@code complete} false. */
    public static Lines lines(byte[] content) {
        List<byte[]> lines = new java.util.ArrayList<>();
        int start = 0;
        for (int i = 0; i < content.length; i++) {
            if (content[i] == '\n') {
                lines.add(Arrays.copyOfRange(content, start, i));
                start = i + 1;
            }
        }
        boolean complete = start == content.length;
        if (!complete) {
            lines.add(Arrays.copyOfRange(content, start, content.length));
        }
        return new Lines(lines, complete);
    }

    /** A ledger's lines, without their line ends; {@code complete} is false when the last one has no line end. */
    public record Lines(List<byte[]> lines, boolean complete) {}
}
