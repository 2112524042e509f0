package dev.securebuild.shared.signer.pkcs11;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.sun.jna.Function;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.NativeLongByReference;

/**
 * The few PKCS#11 (Cryptoki 2.40) calls that signing needs, made on a module library through JNA: find a token by
 * label, log in, find keys by label, read public key attributes, sign. No PKCS#11 structure is built by a Java class
 * with reflection: the three structures used ({@code CK_ATTRIBUTE}, {@code CK_MECHANISM}, {@code CK_C_INITIALIZE_ARGS})
 * are laid out by hand, with {@code CK_ULONG} as the C {@code unsigned long} and Windows' 1-byte packing.
 *
 * <p>Why not the JDK's SunPKCS11 provider: it cannot choose a token by its label, and its KeyStore does not show a
 * private key that has no certificate object next to it, which is how pkcs11-tool, softhsm2-util and the cloud HSMs'
 * tools create keys.
 */
final class Cryptoki {

    static final long CKR_OK = 0x0;
    static final long CKR_ATTRIBUTE_SENSITIVE = 0x11;
    static final long CKR_ATTRIBUTE_TYPE_INVALID = 0x12;
    static final long CKR_KEY_FUNCTION_NOT_PERMITTED = 0x68;
    static final long CKR_KEY_TYPE_INCONSISTENT = 0x63;
    static final long CKR_PIN_INCORRECT = 0xA0;
    static final long CKR_PIN_INVALID = 0xA1;
    static final long CKR_PIN_LEN_RANGE = 0xA2;
    static final long CKR_PIN_EXPIRED = 0xA3;
    static final long CKR_PIN_LOCKED = 0xA4;
    static final long CKR_USER_ALREADY_LOGGED_IN = 0x100;
    static final long CKR_CRYPTOKI_ALREADY_INITIALIZED = 0x191;

    static final long CKO_PUBLIC_KEY = 2;
    static final long CKO_PRIVATE_KEY = 3;
    static final long CKK_RSA = 0;
    static final long CKK_EC = 3;

    static final long CKA_CLASS = 0x0;
    static final long CKA_LABEL = 0x3;
    static final long CKA_KEY_TYPE = 0x100;
    static final long CKA_ID = 0x102;
    static final long CKA_SIGN = 0x108;
    static final long CKA_MODULUS = 0x120;
    static final long CKA_PUBLIC_EXPONENT = 0x122;
    static final long CKA_EC_PARAMS = 0x180;
    static final long CKA_EC_POINT = 0x181;

    static final long CKM_RSA_PKCS = 0x1;
    static final long CKM_ECDSA = 0x1041;

    private static final long CKF_SERIAL_SESSION = 0x4;
    private static final long CKF_OS_LOCKING_OK = 0x2;
    private static final long CKU_USER = 1;
    private static final long UNAVAILABLE = NativeLong.SIZE == 8 ? -1L : 0xFFFFFFFFL;

    private static final Map<Long, String> NAMES = Map.ofEntries(
            Map.entry(0x3L, "CKR_SLOT_ID_INVALID"), Map.entry(0x5L, "CKR_GENERAL_ERROR"), Map.entry(0x6L, "CKR_FUNCTION_FAILED"),
            Map.entry(0x7L, "CKR_ARGUMENTS_BAD"), Map.entry(CKR_ATTRIBUTE_SENSITIVE, "CKR_ATTRIBUTE_SENSITIVE"),
            Map.entry(CKR_ATTRIBUTE_TYPE_INVALID, "CKR_ATTRIBUTE_TYPE_INVALID"), Map.entry(0x30L, "CKR_DEVICE_ERROR"),
            Map.entry(0x32L, "CKR_DEVICE_REMOVED"), Map.entry(0x21L, "CKR_DATA_LEN_RANGE"),
            Map.entry(CKR_KEY_TYPE_INCONSISTENT, "CKR_KEY_TYPE_INCONSISTENT"),
            Map.entry(CKR_KEY_FUNCTION_NOT_PERMITTED, "CKR_KEY_FUNCTION_NOT_PERMITTED"), Map.entry(0x70L, "CKR_MECHANISM_INVALID"),
            Map.entry(CKR_PIN_INCORRECT, "CKR_PIN_INCORRECT"), Map.entry(CKR_PIN_INVALID, "CKR_PIN_INVALID"),
            Map.entry(CKR_PIN_LEN_RANGE, "CKR_PIN_LEN_RANGE"), Map.entry(CKR_PIN_EXPIRED, "CKR_PIN_EXPIRED"),
            Map.entry(CKR_PIN_LOCKED, "CKR_PIN_LOCKED"), Map.entry(0xB3L, "CKR_SESSION_HANDLE_INVALID"),
            Map.entry(0xB5L, "CKR_SESSION_COUNT"), Map.entry(0xE0L, "CKR_TOKEN_NOT_PRESENT"),
            Map.entry(0x101L, "CKR_USER_NOT_LOGGED_IN"), Map.entry(CKR_USER_ALREADY_LOGGED_IN, "CKR_USER_ALREADY_LOGGED_IN"),
            Map.entry(0x190L, "CKR_CRYPTOKI_NOT_INITIALIZED"), Map.entry(0x150L, "CKR_BUFFER_TOO_SMALL"));

    /** A PKCS#11 function returned an error. The message names the function and the code, never an argument. */
    static final class Error extends Exception {
        private static final long serialVersionUID = 1L;
        final long code;

        Error(String function, long code) {
            super(function + " returned " + name(code));
            this.code = code;
        }
    }

    private final NativeLibrary library;
    private final String path;
    private final boolean packed = Platform.isWindows();

    private Cryptoki(NativeLibrary library, String path) {
        this.library = library;
        this.path = path;
    }

    /** Loads the module and initializes it for use from several threads (the OS's locks). */
    static Cryptoki load(String path) throws Error {
        Cryptoki cryptoki = new Cryptoki(NativeLibrary.getInstance(path), path);
        int pointer = Native.POINTER_SIZE;
        Memory args = new Memory(4L * pointer + NativeLong.SIZE + pointer);
        args.clear();
        cryptoki.setUlong(args, 4L * pointer, CKF_OS_LOCKING_OK);
        long rv = cryptoki.call("C_Initialize", args);
        if (rv != CKR_OK && rv != CKR_CRYPTOKI_ALREADY_INITIALIZED) {
            throw new Error("C_Initialize", rv);
        }
        return cryptoki;
    }

    String path() {
        return path;
    }

    static String name(long code) {
        String name = NAMES.get(code);
        return name != null ? name : "CKR 0x" + Long.toHexString(code);
    }

    long[] slotsWithToken() throws Error {
        NativeLongByReference count = new NativeLongByReference();
        check("C_GetSlotList", call("C_GetSlotList", (byte) 1, Pointer.NULL, count));
        int n = (int) count.getValue().longValue();
        if (n == 0) {
            return new long[0];
        }
        Memory slots = new Memory((long) n * NativeLong.SIZE);
        check("C_GetSlotList", call("C_GetSlotList", (byte) 1, slots, count));
        long[] result = new long[(int) count.getValue().longValue()];
        for (int i = 0; i < result.length; i++) {
            result[i] = ulong(slots, (long) i * NativeLong.SIZE);
        }
        return result;
    }

    /** The token's label: the first field of CK_TOKEN_INFO, 32 bytes padded with blanks. */
    String tokenLabel(long slot) throws Error {
        Memory info = new Memory(512);
        info.clear();
        check("C_GetTokenInfo", call("C_GetTokenInfo", new NativeLong(slot, true), info));
        return padded(info.getByteArray(0, 32));
    }

    long openSession(long slot) throws Error {
        NativeLongByReference session = new NativeLongByReference();
        check("C_OpenSession", call("C_OpenSession", new NativeLong(slot, true), new NativeLong(CKF_SERIAL_SESSION, true),
                Pointer.NULL, Pointer.NULL, session));
        return session.getValue().longValue();
    }

    /** A read-write session, for changing an object's attributes (the tests make a key that may not sign). */
    long openReadWriteSession(long slot) throws Error {
        NativeLongByReference session = new NativeLongByReference();
        check("C_OpenSession", call("C_OpenSession", new NativeLong(slot, true), new NativeLong(CKF_SERIAL_SESSION | 0x2, true),
                Pointer.NULL, Pointer.NULL, session));
        return session.getValue().longValue();
    }

    void setBoolean(long session, long object, long type, boolean value) throws Error {
        Template template = template(List.of(Attribute.bytes(type, new byte[] {(byte) (value ? 1 : 0)})));
        check("C_SetAttributeValue", call("C_SetAttributeValue", new NativeLong(session, true), new NativeLong(object, true),
                template.memory(), new NativeLong(1, true)));
        template.values().clear();
    }

    void closeSession(long session) {
        call("C_CloseSession", new NativeLong(session, true));
    }

    /** Logs the user in. The PIN's bytes are zeroed before this returns. */
    void login(long session, char[] pin) throws Error {
        java.nio.ByteBuffer encoded = StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(pin));
        byte[] bytes = encoded.array();
        int length = encoded.remaining();
        Memory memory = new Memory(Math.max(1, length));
        try {
            memory.write(0, bytes, 0, length);
            long rv = call("C_Login", new NativeLong(session, true), new NativeLong(CKU_USER, true), memory, new NativeLong(length, true));
            if (rv != CKR_OK && rv != CKR_USER_ALREADY_LOGGED_IN) {
                throw new Error("C_Login", rv);
            }
        } finally {
            Arrays.fill(bytes, (byte) 0);
            memory.clear();
        }
    }

    /** The handles of the objects of this class, and with this label unless the label is null. */
    List<Long> find(long session, long objectClass, String label) throws Error {
        List<Attribute> template = new ArrayList<>();
        template.add(Attribute.ulong(CKA_CLASS, objectClass));
        if (label != null) {
            template.add(Attribute.bytes(CKA_LABEL, label.getBytes(StandardCharsets.UTF_8)));
        }
        Template attributes = template(template);
        check("C_FindObjectsInit", call("C_FindObjectsInit", new NativeLong(session, true), attributes.memory(),
                new NativeLong(template.size(), true)));
        attributes.values().clear();
        List<Long> handles = new ArrayList<>();
        try {
            Memory found = new Memory(64L * NativeLong.SIZE);
            NativeLongByReference count = new NativeLongByReference();
            while (true) {
                check("C_FindObjects", call("C_FindObjects", new NativeLong(session, true), found, new NativeLong(64, true), count));
                int n = (int) count.getValue().longValue();
                for (int i = 0; i < n; i++) {
                    handles.add(ulong(found, (long) i * NativeLong.SIZE));
                }
                if (n == 0) {
                    break;
                }
            }
        } finally {
            call("C_FindObjectsFinal", new NativeLong(session, true));
        }
        return handles;
    }

    /** One attribute's value, or null when the object has no such attribute or it is sensitive. */
    byte[] attribute(long session, long object, long type) throws Error {
        Memory one = template(List.of(Attribute.query(type))).memory();
        long rv = call("C_GetAttributeValue", new NativeLong(session, true), new NativeLong(object, true), one, new NativeLong(1, true));
        if (rv == CKR_ATTRIBUTE_SENSITIVE || rv == CKR_ATTRIBUTE_TYPE_INVALID) {
            return null;
        }
        check("C_GetAttributeValue", rv);
        long length = ulong(one, lengthOffset());
        if (length == UNAVAILABLE) {
            return null;
        }
        Memory value = new Memory(Math.max(1, length));
        one.setPointer(pointerOffset(), value);
        check("C_GetAttributeValue", call("C_GetAttributeValue", new NativeLong(session, true), new NativeLong(object, true), one,
                new NativeLong(1, true)));
        return value.getByteArray(0, (int) ulong(one, lengthOffset()));
    }

    /** Signs data with a mechanism that takes no parameter (CKM_RSA_PKCS, CKM_ECDSA). */
    byte[] sign(long session, long key, long mechanism, byte[] data) throws Error {
        Memory mech = new Memory(structureSize());
        mech.clear();
        setUlong(mech, 0, mechanism);
        check("C_SignInit", call("C_SignInit", new NativeLong(session, true), mech, new NativeLong(key, true)));
        Memory input = new Memory(data.length);
        input.write(0, data, 0, data.length);
        Memory output = new Memory(1024);
        NativeLongByReference length = new NativeLongByReference(new NativeLong(output.size(), true));
        check("C_Sign", call("C_Sign", new NativeLong(session, true), input, new NativeLong(data.length, true), output, length));
        return output.getByteArray(0, (int) length.getValue().longValue());
    }

    private long call(String function, Object... arguments) {
        Function f = library.getFunction(function);
        NativeLong rv = (NativeLong) f.invoke(NativeLong.class, arguments);
        return NativeLong.SIZE == 8 ? rv.longValue() : rv.longValue() & 0xFFFFFFFFL;
    }

    private static void check(String function, long rv) throws Error {
        if (rv != CKR_OK) {
            throw new Error(function, rv);
        }
    }

    /** A CK_ATTRIBUTE to put in a template: its value is written to native memory when the template is. */
    record Attribute(long type, byte[] value) {
        static Attribute ulong(long type, long value) {
            byte[] bytes = new byte[NativeLong.SIZE];
            Memory m = new Memory(NativeLong.SIZE);
            m.setNativeLong(0, new NativeLong(value, true));
            m.read(0, bytes, 0, bytes.length);
            return new Attribute(type, bytes);
        }

        static Attribute bytes(long type, byte[] value) {
            return new Attribute(type, value);
        }

        static Attribute query(long type) {
            return new Attribute(type, null);
        }
    }

    /** A template in native memory, with the values it points to (JNA frees Memory that is no longer referenced). */
    private record Template(Memory memory, List<Memory> values) {}

    private Template template(List<Attribute> attributes) {
        long size = structureSize();
        Memory template = new Memory(size * attributes.size());
        List<Memory> values = new ArrayList<>();
        template.clear();
        for (int i = 0; i < attributes.size(); i++) {
            Attribute attribute = attributes.get(i);
            long base = i * size;
            setUlong(template, base, attribute.type());
            if (attribute.value() != null) {
                Memory value = new Memory(Math.max(1, attribute.value().length));
                value.write(0, attribute.value(), 0, attribute.value().length);
                template.setPointer(base + pointerOffset(), value);
                setUlong(template, base + lengthOffset(), attribute.value().length);
                values.add(value);
            }
        }
        return new Template(template, values);
    }

    /** CK_ATTRIBUTE and CK_MECHANISM: an unsigned long, a pointer, an unsigned long. */
    private long pointerOffset() {
        return packed ? NativeLong.SIZE : align(NativeLong.SIZE, Native.POINTER_SIZE);
    }

    private long lengthOffset() {
        return pointerOffset() + Native.POINTER_SIZE;
    }

    private long structureSize() {
        long end = lengthOffset() + NativeLong.SIZE;
        return packed ? end : align(end, Math.max(NativeLong.SIZE, Native.POINTER_SIZE));
    }

    private static long align(long offset, long alignment) {
        return (offset + alignment - 1) / alignment * alignment;
    }

    private void setUlong(Pointer memory, long offset, long value) {
        memory.setNativeLong(offset, new NativeLong(value, true));
    }

    private static long ulong(Pointer memory, long offset) {
        long value = memory.getNativeLong(offset).longValue();
        return NativeLong.SIZE == 8 ? value : value & 0xFFFFFFFFL;
    }

    private static String padded(byte[] field) {
        return new String(field, StandardCharsets.UTF_8).replace('\0', ' ').stripTrailing();
    }
}
