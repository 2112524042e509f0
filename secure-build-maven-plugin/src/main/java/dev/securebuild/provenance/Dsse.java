package dev.securebuild.provenance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.DeserializationFeature;

import dev.securebuild.shared.io.BoundedFiles;
import dev.securebuild.shared.signer.Signer;
import dev.securebuild.shared.signer.SigningException;
import dev.securebuild.shared.text.Printable;
import dev.securebuild.shared.yaml.PositionedNode;

/**
 * DSSE, the Dead Simple Signing Envelope (github.com/secure-systems-lab/dsse, protocol and envelope v1): a payload, its
 * type, and signatures over the pre-authentication encoding (PAE) of both, never over the JSON around them.
 */
public final class Dsse {

    /** The payload type of an in-toto statement. */
    public static final String IN_TOTO_PAYLOAD_TYPE = "application/vnd.in-toto+json";

    private static final JsonFactory JSON = new JsonFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    private Dsse() {}

    /** One signature: the key id (our OpenPGP fingerprint) and the raw signature bytes. */
    public record Signature(String keyid, byte[] sig) {}

    /** An envelope; {@code payload} is the serialized body, as signed. */
    public record Envelope(String payloadType, byte[] payload, List<Signature> signatures) {

        public Envelope {
            signatures = List.copyOf(signatures);
        }

        /** The envelope as one line of JSON without the line end: {@code payload}, {@code payloadType}, {@code signatures}. */
        public String toJson() {
            StringWriter text = new StringWriter();
            try (JsonGenerator json = JSON.createGenerator(text)) {
                json.writeStartObject();
                json.writeStringField("payload", Base64.getEncoder().encodeToString(payload));
                json.writeStringField("payloadType", payloadType);
                json.writeArrayFieldStart("signatures");
                for (Signature signature : signatures) {
                    json.writeStartObject();
                    json.writeStringField("keyid", signature.keyid());
                    json.writeStringField("sig", Base64.getEncoder().encodeToString(signature.sig()));
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
            } catch (IOException e) {
                throw new IllegalStateException("Writing JSON to a string cannot fail", e);
            }
            return text.toString();
        }
    }

    /** PAE(type, body) = "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body, lengths as ASCII decimal byte counts. */
    public static byte[] pae(String payloadType, byte[] body) {
        byte[] type = payloadType.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(type.length + body.length + 32);
        out.writeBytes(("DSSEv1 " + type.length + " ").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(type);
        out.writeBytes((" " + body.length + " ").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(body);
        return out.toByteArray();
    }

    /** Signs the payload: one signature, whose key id is the signer's OpenPGP fingerprint. */
    public static Envelope sign(Signer signer, String payloadType, byte[] payload) throws SigningException {
        return new Envelope(payloadType, payload, List.of(new Signature(signer.fingerprint(), signer.signMessage(pae(payloadType, payload)))));
    }

    /** More than the provenance of a module with thousands of dependencies needs; a larger file is not read. */
    public static final int MAX_FILE_BYTES = 32 * 1024 * 1024;

    /**
     * Reads a JSON Lines file of envelopes, bounded in size and strictly UTF-8.
     *
     * @throws NoSuchFileException when there is no such file
     * @throws InvalidEnvelopeException naming the file (and the line) and what was expected
     */
    public static List<Envelope> readLines(Path file) throws IOException, InvalidEnvelopeException {
        byte[] bytes;
        try {
            bytes = BoundedFiles.read(file, MAX_FILE_BYTES);
        } catch (BoundedFiles.TooLargeException e) {
            throw new InvalidEnvelopeException(e.getMessage(), e);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidEnvelopeException(file + " is not UTF-8 text: expected one DSSE envelope (JSON) per line");
        }
        return parseLines(text, file.toString());
    }

    /**
     * Reads a JSON Lines file of envelopes (blank lines are skipped).
     *
     * @param source how errors name the file
     * @throws InvalidEnvelopeException naming the file, the line and what was expected
     */
    public static List<Envelope> parseLines(String text, String source) throws InvalidEnvelopeException {
        List<Envelope> envelopes = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (!line.isEmpty()) {
                envelopes.add(parse(line, source + ", line " + (i + 1)));
            }
        }
        if (envelopes.isEmpty()) {
            throw new InvalidEnvelopeException(source + " holds no DSSE envelope: expected one JSON object per line");
        }
        return envelopes;
    }

    static Envelope parse(String line, String where) throws InvalidEnvelopeException {
        JsonNode node;
        try {
            node = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            // A parser limit (nesting depth, string length) has no location of its own.
            throw new InvalidEnvelopeException(where + (e.getLocation() == null ? "" : ", column " + e.getLocation().getColumnNr())
                    + ": not JSON: " + PositionedNode.parserProblem(e));
        }
        if (node == null || !node.isObject()) {
            throw new InvalidEnvelopeException(where + ": expected a DSSE envelope, a JSON object with payload, payloadType and signatures");
        }
        String payloadType = text(node, "payloadType", where);
        byte[] payload = base64(text(node, "payload", where), where + ": payload");
        JsonNode signatures = node.get("signatures");
        if (signatures == null || !signatures.isArray() || signatures.isEmpty()) {
            throw new InvalidEnvelopeException(where + ": expected 'signatures', a non-empty array of {keyid, sig}");
        }
        List<Signature> list = new ArrayList<>();
        for (int i = 0; i < signatures.size(); i++) {
            JsonNode signature = signatures.get(i);
            String at = where + ": signatures[" + i + "]";
            if (!signature.isObject()) {
                throw new InvalidEnvelopeException(at + ": expected an object with keyid and sig");
            }
            JsonNode keyid = signature.get("keyid");
            if (keyid != null && !keyid.isTextual()) {
                throw new InvalidEnvelopeException(at + ": expected 'keyid' to be a string");
            }
            list.add(new Signature(keyid == null ? "" : keyid.asText(), base64(text(signature, "sig", at), at + ".sig")));
        }
        return new Envelope(payloadType, payload, list);
    }

    private static String text(JsonNode node, String field, String where) throws InvalidEnvelopeException {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new InvalidEnvelopeException(where + ": expected '" + field + "', a string" + (value == null ? ", which is missing" : ", found " + value.getNodeType()));
        }
        return value.asText();
    }

    /** The spec lets a verifier accept standard and URL-safe base64, with or without padding. */
    private static byte[] base64(String value, String what) throws InvalidEnvelopeException {
        try {
            return value.indexOf('-') >= 0 || value.indexOf('_') >= 0 ? Base64.getUrlDecoder().decode(value) : Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidEnvelopeException(what + ": not base64: " + e.getMessage(), e);
        }
    }

    /** A file that is not a DSSE envelope; the message, which may quote the file, is escaped. */
    public static final class InvalidEnvelopeException extends Exception {
        public InvalidEnvelopeException(String message) {
            super(Printable.of(message));
        }

        public InvalidEnvelopeException(String message, Throwable cause) {
            super(Printable.of(message), cause);
        }
    }
}
