package io.pgasync.internal.tls;

import io.pgasync.exception.PgClientException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.NoSuchPaddingException;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Reads X.509 certificates and private keys from the files libpq takes ({@code sslrootcert}, {@code sslcert},
 * {@code sslkey}), with the JDK only.
 *
 * <p>Certificates: PEM {@code CERTIFICATE} blocks (any number; other blocks are skipped), or, as a convenience, a
 * DER certificate or PKCS#7 bundle when the file is not PEM.
 *
 * <p>Private keys, the first key block of the file: {@code PRIVATE KEY} (PKCS#8: RSA, RSASSA-PSS, EC, Ed25519,
 * Ed448, DSA), {@code RSA PRIVATE KEY} (PKCS#1) and {@code EC PRIVATE KEY} (SEC1, named curves), both rewrapped as
 * PKCS#8, and {@code ENCRYPTED PRIVATE KEY} (PKCS#8 encrypted with PBES2: PBKDF2 and AES-CBC or 3DES-CBC, or a
 * JDK-supported PBES1 scheme; decrypted with {@code sslpassword}, taken as UTF-8 like OpenSSL does). A file that is not PEM is read as DER PKCS#8, plain or encrypted (libpq
 * also falls back to DER for keys). OpenSSL's legacy {@code Proc-Type: 4,ENCRYPTED} keys are refused with the
 * command that converts them.
 *
 * <p>Every error is a {@link PgClientException} naming the file and the problem; none carries key material or the
 * password.
 */
final class PemReader {

    /** Larger than any sane certificate bundle or key; guards against pointing a setting at a huge file. */
    static final long MAX_FILE_SIZE = 16L * 1024 * 1024;

    private static final String OID_RSA = "1.2.840.113549.1.1.1";
    private static final String OID_RSASSA_PSS = "1.2.840.113549.1.1.10";
    private static final String OID_EC = "1.2.840.10045.2.1";
    private static final String OID_ED25519 = "1.3.101.112";
    private static final String OID_ED448 = "1.3.101.113";
    private static final String OID_X25519 = "1.3.101.110";
    private static final String OID_X448 = "1.3.101.111";
    private static final String OID_DSA = "1.2.840.10040.4.1";
    private static final String OID_PBES2 = "1.2.840.113549.1.5.13";
    private static final String OID_PBKDF2 = "1.2.840.113549.1.5.12";
    private static final String OID_SCRYPT = "1.3.6.1.4.1.11591.4.11";

    /** OpenSSL writes 2048 iterations; ten million is far beyond any real file and still finishes in seconds. */
    static final int MAX_PBKDF2_ITERATIONS = 10_000_000;

    private static final String CONVERT_HINT = "openssl pkcs8 -topk8 -v2 aes-256-cbc -v2prf hmacWithSHA256";

    /** One PEM block: its label, its RFC 1421 headers (if any) and its decoded body. */
    record Block(String label, Map<String, String> headers, byte[] der) {

        String header(String name) {
            for (Map.Entry<String, String> entry : headers.entrySet()) {
                if (entry.getKey().equalsIgnoreCase(name)) {
                    return entry.getValue();
                }
            }
            return null;
        }
    }

    private PemReader() {}

    /**
     * Reads every certificate in a file.
     *
     * @param file the file
     * @param what how the error messages name the file, e.g. "root certificate file"
     * @return the certificates, in file order, never empty
     * @throws PgClientException when the file cannot be read, is malformed or holds no certificate
     */
    static List<X509Certificate> readCertificates(Path file, String what) {
        byte[] data = readFile(file, what);
        String name = describe(what, file);
        List<X509Certificate> certificates = new ArrayList<>();
        CertificateFactory factory;
        try {
            factory = CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw new PgClientException("The JDK has no X.509 certificate factory", e);
        }
        if (isPem(data)) {
            for (Block block : parseBlocks(data, name)) {
                String label = block.label();
                if (!label.equals("CERTIFICATE") && !label.equals("X509 CERTIFICATE")
                        && !label.equals("TRUSTED CERTIFICATE")) {
                    continue;
                }
                byte[] der = block.der();
                if (label.equals("TRUSTED CERTIFICATE")) {
                    // OpenSSL's "trusted" form: the certificate followed by its trust settings; keep the certificate.
                    der = firstElement(der, name, certificates.size() + 1);
                }
                try {
                    certificates.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
                } catch (CertificateException | ClassCastException e) {
                    throw new PgClientException("Could not parse certificate #" + (certificates.size() + 1) + " in "
                            + name + ": " + e.getMessage(), e);
                }
            }
        } else {
            try {
                Collection<? extends Certificate> parsed = factory.generateCertificates(new ByteArrayInputStream(data));
                for (Certificate certificate : parsed) {
                    if (certificate instanceof X509Certificate x509) {
                        certificates.add(x509);
                    }
                }
            } catch (CertificateException e) {
                throw new PgClientException(capitalize(name) + " is neither PEM (\"-----BEGIN CERTIFICATE-----\") nor a"
                        + " DER certificate: " + e.getMessage(), e);
            }
        }
        if (certificates.isEmpty()) {
            throw new PgClientException(capitalize(name) + " holds no certificate: expected PEM blocks"
                    + " \"-----BEGIN CERTIFICATE-----\"");
        }
        return certificates;
    }

    /**
     * Reads the private key of a file.
     *
     * @param file the file
     * @param password the password of an encrypted key ({@code sslpassword}), or null
     * @return the key
     * @throws PgClientException when the file cannot be read or decrypted, or holds no supported key
     */
    static PrivateKey readPrivateKey(Path file, String password) {
        byte[] data = readFile(file, "private key file");
        try {
            return decodePrivateKey(data, password, describe("private key file", file));
        } finally {
            Arrays.fill(data, (byte) 0);
        }
    }

    /**
     * Decodes a private key from the bytes of a file.
     *
     * @param data the file's bytes, PEM or DER
     * @param password the password of an encrypted key, or null
     * @param name how error messages name the source, e.g. {@code private key file "/x/y.key"}
     * @return the key
     */
    static PrivateKey decodePrivateKey(byte[] data, String password, String name) {
        if (!isPem(data)) {
            return decodeDerKey(data, password, name);
        }
        for (Block block : parseBlocks(data, name)) {
            String label = block.label();
            if (!label.endsWith("PRIVATE KEY")) {
                continue; // certificates, "EC PARAMETERS" and the like may share the file
            }
            String procType = block.header("Proc-Type");
            if (procType != null && procType.toUpperCase(Locale.ROOT).contains("ENCRYPTED")) {
                throw new PgClientException(capitalize(name) + " uses OpenSSL's legacy PEM encryption (\"Proc-Type:"
                        + " 4,ENCRYPTED\"), which is not supported. Convert it to encrypted PKCS#8 with: "
                        + CONVERT_HINT + " -in <old.key> -out <new.key>");
            }
            byte[] der = block.der();
            try {
                switch (label) {
                    case "PRIVATE KEY":
                        return pkcs8(der, name);
                    case "RSA PRIVATE KEY":
                        return pkcs8(rsaToPkcs8(der, name), name);
                    case "EC PRIVATE KEY":
                        return pkcs8(sec1ToPkcs8(der, name), name);
                    case "ENCRYPTED PRIVATE KEY":
                        return decrypt(der, password, name);
                    default:
                        throw new PgClientException(capitalize(name) + " holds a \"" + label + "\" block, which is not"
                                + " supported: use PKCS#8 (\"PRIVATE KEY\" or \"ENCRYPTED PRIVATE KEY\"), PKCS#1 (\"RSA"
                                + " PRIVATE KEY\") or SEC1 (\"EC PRIVATE KEY\"). Convert it with: " + CONVERT_HINT
                                + " -in <old.key> -out <new.key>");
                }
            } finally {
                Arrays.fill(der, (byte) 0);
            }
        }
        throw new PgClientException(capitalize(name) + " holds no private key: expected a PEM block \"-----BEGIN"
                + " PRIVATE KEY-----\" (PKCS#8), \"RSA PRIVATE KEY\" (PKCS#1), \"EC PRIVATE KEY\" (SEC1) or"
                + " \"ENCRYPTED PRIVATE KEY\"");
    }

    /** Splits PEM text into its blocks; text outside blocks (such as OpenSSL's "Bag Attributes") is ignored. */
    static List<Block> parseBlocks(byte[] data, String name) {
        String[] lines = new String(data, StandardCharsets.ISO_8859_1).split("\r\n|\r|\n");
        List<Block> blocks = new ArrayList<>();
        int i = 0;
        while (i < lines.length) {
            String line = lines[i].strip();
            if (line.startsWith("-----BEGIN ") && line.endsWith("-----") && line.length() > 16) {
                String label = line.substring(11, line.length() - 5);
                String end = "-----END " + label + "-----";
                Map<String, String> headers = new LinkedHashMap<>();
                StringBuilder base64 = new StringBuilder();
                boolean inHeaders = true;
                boolean closed = false;
                int beginLine = i + 1;
                for (i++; i < lines.length; i++) {
                    String body = lines[i].strip();
                    if (body.equals(end)) {
                        closed = true;
                        break;
                    }
                    if (body.startsWith("-----")) {
                        throw new PgClientException(capitalize(name) + " is not valid PEM: the \"" + label
                                + "\" block that starts on line " + beginLine + " is not closed by \"" + end + "\"");
                    }
                    if (inHeaders) {
                        int colon = body.indexOf(':');
                        if (colon > 0) {
                            headers.put(body.substring(0, colon).strip(), body.substring(colon + 1).strip());
                            continue;
                        }
                        if (body.isEmpty()) {
                            continue;
                        }
                        inHeaders = false;
                    }
                    base64.append(body);
                }
                if (!closed) {
                    throw new PgClientException(capitalize(name) + " is not valid PEM: the \"" + label
                            + "\" block that starts on line " + beginLine + " has no \"" + end + "\" line");
                }
                byte[] der;
                try {
                    der = Base64.getDecoder().decode(base64.toString());
                } catch (IllegalArgumentException e) {
                    throw new PgClientException(capitalize(name) + " is not valid PEM: the \"" + label
                            + "\" block that starts on line " + beginLine + " is not valid base64");
                }
                blocks.add(new Block(label, headers, der));
            }
            i++;
        }
        return blocks;
    }

    static boolean isPem(byte[] data) {
        byte[] marker = "-----BEGIN ".getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + marker.length <= data.length; i++) {
            for (int j = 0; j < marker.length; j++) {
                if (data[i + j] != marker[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static PrivateKey decodeDerKey(byte[] data, String password, String name) {
        int firstTag;
        try {
            List<Der.Element> children = Der.parse(data).expect(Der.SEQUENCE).children();
            if (children.isEmpty()) {
                throw new Der.MalformedException("empty sequence");
            }
            firstTag = children.get(0).tag;
        } catch (Der.MalformedException e) {
            throw new PgClientException(capitalize(name) + " is neither PEM (\"-----BEGIN PRIVATE KEY-----\") nor a DER"
                    + " PKCS#8 key (" + e.getMessage() + ")");
        }
        if (firstTag == Der.INTEGER) {
            return pkcs8(data, name);
        }
        if (firstTag == Der.SEQUENCE) {
            return decrypt(data, password, name);
        }
        throw new PgClientException(capitalize(name) + " is neither PEM (\"-----BEGIN PRIVATE KEY-----\") nor a DER"
                + " PKCS#8 key");
    }

    /** Loads a PKCS#8 PrivateKeyInfo, choosing the KeyFactory from its algorithm identifier. */
    private static PrivateKey pkcs8(byte[] der, String name) {
        String oid;
        try {
            List<Der.Element> fields = Der.parse(der).expect(Der.SEQUENCE).children();
            if (fields.size() < 3) {
                throw new Der.MalformedException("too few fields");
            }
            fields.get(0).expect(Der.INTEGER);
            List<Der.Element> algorithm = fields.get(1).expect(Der.SEQUENCE).children();
            if (algorithm.isEmpty()) {
                throw new Der.MalformedException("empty algorithm identifier");
            }
            oid = algorithm.get(0).oid();
            fields.get(2).expect(Der.OCTET_STRING);
        } catch (Der.MalformedException e) {
            throw new PgClientException("The private key in " + name + " is not a valid PKCS#8 structure ("
                    + e.getMessage() + ")");
        }
        String algorithm = switch (oid) {
            case OID_RSA -> "RSA";
            case OID_RSASSA_PSS -> "RSASSA-PSS";
            case OID_EC -> "EC";
            case OID_ED25519 -> "Ed25519";
            case OID_ED448 -> "Ed448";
            case OID_DSA -> "DSA";
            case OID_X25519, OID_X448 -> throw new PgClientException("The private key in " + name + " is an "
                    + (oid.equals(OID_X25519) ? "X25519" : "X448") + " key-agreement key, which cannot sign: a TLS"
                    + " client certificate needs an RSA, EC, Ed25519 or Ed448 key");
            default -> throw new PgClientException("The private key in " + name + " uses an unsupported algorithm"
                    + " (OID " + oid + "): use an RSA, EC, Ed25519 or Ed448 key");
        };
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        try {
            return KeyFactory.getInstance(algorithm).generatePrivate(spec);
        } catch (NoSuchAlgorithmException e) {
            throw new PgClientException("The private key in " + name + " is an " + algorithm + " key, which this JDK"
                    + " cannot load", e);
        } catch (InvalidKeySpecException e) {
            throw new PgClientException("Could not load the " + algorithm + " private key in " + name
                    + ": the key data is invalid or uses unsupported parameters (for EC keys: a curve the JDK does"
                    + " not support)", e);
        }
    }

    /** Wraps a PKCS#1 RSAPrivateKey in a PKCS#8 PrivateKeyInfo. */
    private static byte[] rsaToPkcs8(byte[] pkcs1, String name) {
        try {
            List<Der.Element> fields = Der.parse(pkcs1).expect(Der.SEQUENCE).children();
            if (fields.size() < 9) {
                throw new Der.MalformedException("an RSAPrivateKey has nine fields, found " + fields.size());
            }
        } catch (Der.MalformedException e) {
            throw new PgClientException("The RSA PRIVATE KEY block in " + name + " is not a valid PKCS#1 key ("
                    + e.getMessage() + ")");
        }
        return Der.tlv(Der.SEQUENCE,
                Der.integer(0),
                Der.tlv(Der.SEQUENCE, Der.oid(OID_RSA), Der.nullValue()),
                Der.tlv(Der.OCTET_STRING, pkcs1));
    }

    /**
     * Wraps a SEC1 ECPrivateKey (RFC 5915) in a PKCS#8 PrivateKeyInfo, moving the named curve from the key's
     * {@code [0] parameters} into the algorithm identifier.
     */
    private static byte[] sec1ToPkcs8(byte[] sec1, String name) {
        byte[] curve = null;
        try {
            List<Der.Element> fields = Der.parse(sec1).expect(Der.SEQUENCE).children();
            if (fields.size() < 2) {
                throw new Der.MalformedException("too few fields");
            }
            fields.get(0).expect(Der.INTEGER);
            fields.get(1).expect(Der.OCTET_STRING);
            for (int i = 2; i < fields.size(); i++) {
                Der.Element field = fields.get(i);
                if (field.tag == Der.CONTEXT_0) {
                    List<Der.Element> parameters = field.children();
                    if (parameters.size() != 1) {
                        throw new Der.MalformedException("bad curve parameters");
                    }
                    if (parameters.get(0).tag != Der.OID) {
                        throw new PgClientException("The EC private key in " + name + " spells out its curve"
                                + " parameters instead of naming the curve, which is not supported. Regenerate it on a"
                                + " named curve (for example with openssl ecparam -name prime256v1 -genkey)");
                    }
                    parameters.get(0).oid(); // validates the encoding
                    curve = parameters.get(0).encoded();
                }
            }
        } catch (Der.MalformedException e) {
            throw new PgClientException("The EC PRIVATE KEY block in " + name + " is not a valid SEC1 key ("
                    + e.getMessage() + ")");
        }
        if (curve == null) {
            throw new PgClientException("The EC PRIVATE KEY block in " + name + " does not name its curve; convert it"
                    + " to PKCS#8 with: " + CONVERT_HINT + " -nocrypt -in <old.key> -out <new.key>");
        }
        return Der.tlv(Der.SEQUENCE,
                Der.integer(0),
                Der.tlv(Der.SEQUENCE, Der.oid(OID_EC), curve),
                Der.tlv(Der.OCTET_STRING, sec1));
    }

    /**
     * Decrypts a PKCS#8 EncryptedPrivateKeyInfo with the password; the password never reaches a message. PBES2
     * (PBKDF2 with HMAC-SHA1/224/256/384/512, then AES-128/192/256-CBC or 3DES-CBC, what {@code openssl pkcs8
     * -topk8} writes) is decoded here, so that the password is used as UTF-8 like OpenSSL and libpq do (the JDK's
     * PBES2 ciphers refuse non-ASCII passwords); other schemes go to the JDK's PBE ciphers.
     */
    private static PrivateKey decrypt(byte[] der, String password, String name) {
        if (password == null || password.isEmpty()) {
            throw new PgClientException(capitalize(name) + " holds an encrypted key: set sslpassword to its password");
        }
        try {
            List<Der.Element> fields = Der.parse(der).expect(Der.SEQUENCE).children();
            if (fields.size() != 2) {
                throw new Der.MalformedException("an EncryptedPrivateKeyInfo has two fields");
            }
            List<Der.Element> algorithm = fields.get(0).expect(Der.SEQUENCE).children();
            if (algorithm.size() != 2) {
                throw new Der.MalformedException("bad encryption algorithm identifier");
            }
            byte[] encrypted = fields.get(1).expect(Der.OCTET_STRING).content();
            if (algorithm.get(0).oid().equals(OID_PBES2)) {
                return decryptPbes2(algorithm.get(1), encrypted, password, name);
            }
        } catch (Der.MalformedException e) {
            throw new PgClientException("The encrypted key in " + name + " is not a valid PKCS#8"
                    + " EncryptedPrivateKeyInfo (" + e.getMessage() + ")");
        }
        return decryptWithJdk(der, password, name);
    }

    private static PrivateKey decryptPbes2(Der.Element parameters, byte[] encrypted, String password, String name)
            throws Der.MalformedException {
        List<Der.Element> pbes2 = parameters.expect(Der.SEQUENCE).children();
        if (pbes2.size() != 2) {
            throw new Der.MalformedException("PBES2 parameters have two fields");
        }
        List<Der.Element> kdf = pbes2.get(0).expect(Der.SEQUENCE).children();
        if (kdf.size() != 2) {
            throw new Der.MalformedException("bad key derivation function");
        }
        String kdfOid = kdf.get(0).oid();
        if (!kdfOid.equals(OID_PBKDF2)) {
            throw new PgClientException(capitalize(name) + " derives its key with "
                    + (kdfOid.equals(OID_SCRYPT) ? "scrypt" : "OID " + kdfOid) + ", which is not supported: only PBKDF2"
                    + " is. Re-encrypt it with: " + CONVERT_HINT + " -in <old.key> -out <new.key>");
        }
        List<Der.Element> pbkdf2 = kdf.get(1).expect(Der.SEQUENCE).children();
        if (pbkdf2.size() < 2) {
            throw new Der.MalformedException("bad PBKDF2 parameters");
        }
        byte[] salt = pbkdf2.get(0).expect(Der.OCTET_STRING).content();
        int iterations = pbkdf2.get(1).expect(Der.INTEGER).intValue();
        int keyLength = -1;
        String prf = "HmacSHA1"; // the default of PBKDF2-params
        int next = 2;
        if (next < pbkdf2.size() && pbkdf2.get(next).tag == Der.INTEGER) {
            keyLength = pbkdf2.get(next++).intValue();
        }
        if (next < pbkdf2.size()) {
            List<Der.Element> prfId = pbkdf2.get(next).expect(Der.SEQUENCE).children();
            if (prfId.isEmpty()) {
                throw new Der.MalformedException("empty PRF identifier");
            }
            String prfOid = prfId.get(0).oid();
            prf = switch (prfOid) {
                case "1.2.840.113549.2.7" -> "HmacSHA1";
                case "1.2.840.113549.2.8" -> "HmacSHA224";
                case "1.2.840.113549.2.9" -> "HmacSHA256";
                case "1.2.840.113549.2.10" -> "HmacSHA384";
                case "1.2.840.113549.2.11" -> "HmacSHA512";
                default -> throw new PgClientException(capitalize(name) + " uses the unsupported PBKDF2 PRF OID "
                        + prfOid + ". Re-encrypt it with: " + CONVERT_HINT + " -in <old.key> -out <new.key>");
            };
        }
        if (iterations < 1 || iterations > MAX_PBKDF2_ITERATIONS) {
            throw new PgClientException(capitalize(name) + " asks for " + iterations + " PBKDF2 iterations; at most "
                    + MAX_PBKDF2_ITERATIONS + " are accepted");
        }
        List<Der.Element> scheme = pbes2.get(1).expect(Der.SEQUENCE).children();
        if (scheme.size() != 2) {
            throw new Der.MalformedException("bad encryption scheme");
        }
        String schemeOid = scheme.get(0).oid();
        String cipherName;
        int schemeKeyLength;
        switch (schemeOid) {
            case "2.16.840.1.101.3.4.1.2" -> {
                cipherName = "AES";
                schemeKeyLength = 16;
            }
            case "2.16.840.1.101.3.4.1.22" -> {
                cipherName = "AES";
                schemeKeyLength = 24;
            }
            case "2.16.840.1.101.3.4.1.42" -> {
                cipherName = "AES";
                schemeKeyLength = 32;
            }
            case "1.2.840.113549.3.7" -> {
                cipherName = "DESede";
                schemeKeyLength = 24;
            }
            default -> throw new PgClientException(capitalize(name) + " is encrypted with the unsupported cipher OID "
                    + schemeOid + ": AES-CBC and 3DES-CBC are supported. Re-encrypt it with: " + CONVERT_HINT
                    + " -in <old.key> -out <new.key>");
        }
        if (keyLength != -1 && keyLength != schemeKeyLength) {
            throw new Der.MalformedException("key length " + keyLength + " does not fit the cipher");
        }
        byte[] iv = scheme.get(1).expect(Der.OCTET_STRING).content();

        char[] chars = password.toCharArray();
        PBEKeySpec keySpec = new PBEKeySpec(chars, salt, iterations, schemeKeyLength * 8);
        byte[] keyBytes = null;
        byte[] plain;
        try {
            keyBytes = SecretKeyFactory.getInstance("PBKDF2With" + prf).generateSecret(keySpec).getEncoded();
            Cipher cipher = Cipher.getInstance(cipherName + "/CBC/PKCS5Padding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(keyBytes, cipherName), new IvParameterSpec(iv));
            plain = cipher.doFinal(encrypted);
        } catch (NoSuchAlgorithmException | NoSuchPaddingException e) {
            throw new PgClientException(capitalize(name) + " is encrypted with PBKDF2/" + prf + " and " + cipherName
                    + ", which this JDK does not support", e);
        } catch (BadPaddingException | IllegalBlockSizeException e) {
            throw wrongPassword(name);
        } catch (InvalidKeySpecException | InvalidKeyException | InvalidAlgorithmParameterException e) {
            throw new PgClientException("Could not decrypt " + name + ": its encryption parameters are invalid");
        } finally {
            keySpec.clearPassword();
            Arrays.fill(chars, '\0');
            if (keyBytes != null) {
                Arrays.fill(keyBytes, (byte) 0);
            }
        }
        try {
            try {
                Der.parse(plain).expect(Der.SEQUENCE); // a wrong password now and then still yields valid padding
            } catch (Der.MalformedException e) {
                throw wrongPassword(name);
            }
            return pkcs8(plain, name);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /** PBES1 and PKCS#12 schemes, through the JDK's PBE ciphers (which take ASCII passwords only). */
    private static PrivateKey decryptWithJdk(byte[] der, String password, String name) {
        EncryptedPrivateKeyInfo info;
        AlgorithmParameters parameters;
        try {
            info = new EncryptedPrivateKeyInfo(der);
            parameters = info.getAlgParameters();
        } catch (IOException | RuntimeException e) {
            throw new PgClientException("Could not read the encryption parameters of " + name + ". Re-encrypt the key"
                    + " with: " + CONVERT_HINT + " -in <old.key> -out <new.key>", e);
        }
        String algorithm = info.getAlgName();
        char[] chars = password.toCharArray();
        PBEKeySpec secretSpec = new PBEKeySpec(chars);
        byte[] plain;
        try {
            SecretKey secret = SecretKeyFactory.getInstance(algorithm).generateSecret(secretSpec);
            Cipher cipher = Cipher.getInstance(algorithm);
            cipher.init(Cipher.DECRYPT_MODE, secret, parameters);
            plain = info.getKeySpec(cipher).getEncoded();
        } catch (NoSuchAlgorithmException | NoSuchPaddingException e) {
            throw new PgClientException(capitalize(name) + " is encrypted with " + algorithm + ", which this JDK does"
                    + " not support. Re-encrypt it with: " + CONVERT_HINT + " -in <old.key> -out <new.key>", e);
        } catch (InvalidKeySpecException | InvalidKeyException | InvalidAlgorithmParameterException e) {
            throw wrongPassword(name);
        } finally {
            secretSpec.clearPassword();
            Arrays.fill(chars, '\0');
        }
        try {
            return pkcs8(plain, name);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    private static PgClientException wrongPassword(String name) {
        return new PgClientException("Could not decrypt " + name + ": the password (sslpassword) is wrong, or the"
                + " file is damaged");
    }

    private static byte[] firstElement(byte[] der, String name, int index) {
        try {
            return Der.read(der, 0, der.length).encoded();
        } catch (Der.MalformedException e) {
            throw new PgClientException("Could not parse certificate #" + index + " in " + name + ": "
                    + e.getMessage());
        }
    }

    static byte[] readFile(Path file, String what) {
        String name = describe(what, file);
        if (!Files.exists(file)) {
            throw new PgClientException(capitalize(name) + " does not exist");
        }
        if (!Files.isRegularFile(file)) {
            throw new PgClientException(capitalize(name) + " is not a regular file");
        }
        try {
            if (Files.size(file) > MAX_FILE_SIZE) {
                throw new PgClientException(capitalize(name) + " is larger than " + (MAX_FILE_SIZE >> 20)
                        + " MiB: is it the right file?");
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new PgClientException("Could not read " + name + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"), e);
        }
    }

    static String describe(String what, Path file) {
        return what + " \"" + file + "\"";
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
