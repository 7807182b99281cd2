package org.ledgerboard.core.integrity;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.bouncycastle.util.io.pem.PemWriter;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Keeps a service's signing key on disk as a PKCS#8 PEM file ("PRIVATE KEY"), readable by OpenSSL. */
public final class KeyFiles {
    private static final String PEM_TYPE = "PRIVATE KEY";

    private KeyFiles() {
    }

    /** Loads the key at {@code path}, or generates one and stores it there when there is none yet. */
    public static SigningKey loadOrGenerate(Path path) {
        if (Files.exists(path)) {
            return load(path);
        }
        SigningKey key = SigningKey.generate();
        try {
            store(key, path);
            return key;
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof FileAlreadyExistsException) {
                return load(path); // another process generated it first: use that one
            }
            throw e;
        }
    }

    public static void store(SigningKey key, Path path) {
        try {
            if (path.toAbsolutePath().getParent() != null) {
                Files.createDirectories(path.toAbsolutePath().getParent());
            }
            Files.writeString(path, toPem(key), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static SigningKey load(Path path) {
        try {
            return fromPem(Files.readString(path));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read signing key " + path, e);
        }
    }

    public static String toPem(SigningKey key) {
        try {
            PrivateKeyInfo info = PrivateKeyInfoFactory.createPrivateKeyInfo(key.parameters());
            StringWriter out = new StringWriter();
            try (PemWriter pem = new PemWriter(out)) {
                pem.writeObject(new PemObject(PEM_TYPE, info.getEncoded()));
            }
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static SigningKey fromPem(String pem) {
        try (PemReader reader = new PemReader(new StringReader(pem))) {
            PemObject object = reader.readPemObject();
            if (object == null || !PEM_TYPE.equals(object.getType())) {
                throw new IllegalArgumentException("expected a PEM \"" + PEM_TYPE + "\" block");
            }
            AsymmetricKeyParameter key = PrivateKeyFactory.createKey(object.getContent());
            if (!(key instanceof Ed25519PrivateKeyParameters ed25519)) {
                throw new IllegalArgumentException("expected an Ed25519 private key, got " + key.getClass().getSimpleName());
            }
            return new SigningKey(ed25519);
        } catch (IOException e) {
            throw new IllegalArgumentException("unreadable PEM private key: " + e.getMessage(), e);
        }
    }
}
