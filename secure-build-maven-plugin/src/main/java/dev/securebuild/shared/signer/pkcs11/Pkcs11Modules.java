package dev.securebuild.shared.signer.pkcs11;

import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKR_CRYPTOKI_ALREADY_INITIALIZED;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.xipki.pkcs11.wrapper.PKCS11Exception;
import org.xipki.pkcs11.wrapper.PKCS11Module;

import com.sun.jna.NativeLibrary;

import dev.securebuild.shared.settings.InvalidSettingException;
import dev.securebuild.shared.settings.Setting;
import dev.securebuild.shared.signer.SigningException;

/** The PKCS#11 module libraries this JVM has loaded: each is loaded, checked and initialized once. */
final class Pkcs11Modules {

    private Pkcs11Modules() {}

    /** A module is initialized once per process (C_Initialize), so each library is loaded once and kept. */
    private static final Map<Path, PKCS11Module> MODULES = new ConcurrentHashMap<>();
    /** Held while a library loads; not the map itself, whose own locking a monitor on it would bypass. */
    private static final Object LOADING = new Object();

    static PKCS11Module load(Path library, Pkcs11Token.Location location) throws SigningException {
        Path key = library.toAbsolutePath().normalize();
        PKCS11Module module = MODULES.get(key);
        if (module != null) {
            return module;
        }
        synchronized (LOADING) {
            module = MODULES.get(key);
            if (module == null) {
                QuietWrapperLog.install();
                requireFunctionList(key, location);
                try {
                    module = PKCS11Module.getInstance(key.toString());
                    initialize(module);
                } catch (IOException | PKCS11Exception | UnsatisfiedLinkError e) {
                    String why = e instanceof PKCS11Exception p11 ? p11.getErrorName() : e.getMessage();
                    throw new SigningException("Cannot load the PKCS#11 module " + location.library() + ": " + why, e);
                }
                MODULES.put(key, module);
            }
            return module;
        }
    }

    /**
     * Looks C_GetFunctionList up, through JNA, before the wrapper loads the library: the wrapper's native part reports a
     * library without it (any library that is not a PKCS#11 module) with a message read from freed memory, and that can
     * crash the JVM. A library that cannot be loaded at all is reported by the wrapper correctly, but here as well.
     */
    private static void requireFunctionList(Path library, Pkcs11Token.Location location) throws SigningException {
        NativeLibrary loaded;
        try {
            loaded = NativeLibrary.getInstance(library.toString());
        } catch (UnsatisfiedLinkError e) {
            throw new SigningException("Cannot load the PKCS#11 module " + location.library() + ": " + e.getMessage(), e);
        }
        try {
            loaded.getFunction("C_GetFunctionList");
        } catch (UnsatisfiedLinkError e) {
            throw InvalidSettingException.about(Setting.PKCS11_LIBRARY, "Cannot load the PKCS#11 module " + location.library() + ": it is not a "
                    + "PKCS#11 module (it has no C_GetFunctionList); set " + Setting.PKCS11_LIBRARY.mention() + " to the token's PKCS#11 library", e);
        }
    }

    /** Another class loader of this JVM (a second plugin, a test fixture) may have initialized the module already: that is fine. */
    private static void initialize(PKCS11Module module) throws PKCS11Exception {
        try {
            module.initialize();
        } catch (PKCS11Exception e) {
            if (e.getErrorCode() != CKR_CRYPTOKI_ALREADY_INITIALIZED) {
                throw e;
            }
        }
    }
}
