/*
 * JNI binding of crypto-jca to the system's OpenSSL 3 libcrypto, for the public-key
 * operations where the JDK 17 providers are slow: RSA, P-256/384/521 ECDSA, ECDH and key
 * generation, X25519 and Ed25519. Everything else stays on the JDK.
 *
 * Rules: inputs are checked on the Java side (lengths, ranges, points) before they get
 * here; nothing here keeps a reference to a Java array; secrets copied into native
 * buffers are cleansed before they are freed; the OpenSSL error queue is cleared after
 * every failure so it cannot grow on a thread. Failures of an operation return null or
 * 0; failures to import a key throw IllegalArgumentException with OpenSSL's reason.
 */
#include <jni.h>
#include <string.h>
#include <stdlib.h>
#include <openssl/crypto.h>
#include <openssl/opensslv.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>
#include <openssl/core_names.h>
#include <openssl/param_build.h>
#include <openssl/bn.h>

#include "org_lightwire_crypto_jca_ossl_Libcrypto.h"

#if OPENSSL_VERSION_MAJOR < 3
#error "OpenSSL 3 headers are needed"
#endif

/* The largest key element handled (RSA 16384-bit modulus). */
#define MAX_ELEMENT 2048
/* The largest input copied for a digest or a key; Ed25519 messages may be any Java array. */
#define MAX_COPY (1 << 20)
/* Raw X25519 and Ed25519 keys (RFC 7748, RFC 8032) and Ed25519 signatures. */
#define OKP_KEY 32
#define ED25519_SIG 64

static void throw_iae(JNIEnv *env, const char *what) {
    char buf[256];
    unsigned long e = ERR_peek_last_error();
    if (e != 0) {
        char reason[200];
        ERR_error_string_n(e, reason, sizeof reason);
        snprintf(buf, sizeof buf, "%s: %s", what, reason);
    } else {
        snprintf(buf, sizeof buf, "%s", what);
    }
    ERR_clear_error();
    jclass c = (*env)->FindClass(env, "java/lang/IllegalArgumentException");
    if (c != NULL) {
        (*env)->ThrowNew(env, c, buf);
    }
}

/* A copy of a Java byte array in native memory; secret copies are cleansed by release(). */
typedef struct {
    unsigned char *data;
    jsize len;
} bytes;

static int acquire_upto(JNIEnv *env, jbyteArray a, bytes *out, jsize max) {
    out->data = NULL;
    out->len = 0;
    if (a == NULL) {
        return 0;
    }
    out->len = (*env)->GetArrayLength(env, a);
    if (out->len < 0 || out->len > max) {
        return 0;
    }
    out->data = OPENSSL_malloc(out->len > 0 ? (size_t) out->len : 1);
    if (out->data == NULL) {
        return 0;
    }
    (*env)->GetByteArrayRegion(env, a, 0, out->len, (jbyte *) out->data);
    return 1;
}

static int acquire(JNIEnv *env, jbyteArray a, bytes *out) {
    return acquire_upto(env, a, out, MAX_COPY);
}

static void release(bytes *b) {
    if (b->data != NULL) {
        OPENSSL_clear_free(b->data, b->len > 0 ? (size_t) b->len : 1);
        b->data = NULL;
    }
}

static jbyteArray to_java(JNIEnv *env, const unsigned char *data, size_t len) {
    jbyteArray out = (*env)->NewByteArray(env, (jsize) len);
    if (out != NULL) {
        (*env)->SetByteArrayRegion(env, out, 0, (jsize) len, (const jbyte *) data);
    }
    return out;
}

static const EVP_MD *digest_of(jint hash) {
    switch (hash) {
    case 1: return EVP_sha1();
    case 256: return EVP_sha256();
    case 384: return EVP_sha384();
    case 512: return EVP_sha512();
    default: return NULL;
    }
}

static const char *group_of(jint curve) {
    switch (curve) {
    case 256: return "prime256v1";
    case 384: return "secp384r1";
    case 521: return "secp521r1";
    default: return NULL;
    }
}

static EVP_PKEY *from_params(const char *type, int selection, OSSL_PARAM_BLD *bld) {
    EVP_PKEY *pkey = NULL;
    OSSL_PARAM *params = OSSL_PARAM_BLD_to_param(bld);
    EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_from_name(NULL, type, NULL);
    if (params != NULL && ctx != NULL && EVP_PKEY_fromdata_init(ctx) > 0) {
        if (EVP_PKEY_fromdata(ctx, &pkey, selection, params) <= 0) {
            pkey = NULL;
        }
    }
    EVP_PKEY_CTX_free(ctx);
    OSSL_PARAM_free(params);
    return pkey;
}

/* OpenSSL's key type name of an OKP curve code: 7748 X25519, 8032 Ed25519. */
static const char *okp_name(jint curve) {
    switch (curve) {
    case 7748: return "X25519";
    case 8032: return "ED25519";
    default: return NULL;
    }
}

/* Copies the raw private (priv != 0) or public OKP key into out, which must be exactly its length. */
static int raw_out(JNIEnv *env, EVP_PKEY *pkey, int priv, jbyteArray out) {
    unsigned char raw[OKP_KEY];
    size_t len = sizeof raw;
    jsize want = out == NULL ? -1 : (*env)->GetArrayLength(env, out);
    int ok = (priv ? EVP_PKEY_get_raw_private_key(pkey, raw, &len) : EVP_PKEY_get_raw_public_key(pkey, raw, &len)) == 1
            && len == (size_t) want;
    if (ok) {
        (*env)->SetByteArrayRegion(env, out, 0, want, (const jbyte *) raw);
    }
    OPENSSL_cleanse(raw, sizeof raw);
    return ok;
}

/* The key as a Java handle, or 0 with IllegalArgumentException pending. */
static jlong handle_or_throw(JNIEnv *env, EVP_PKEY *pkey, const char *what) {
    if (pkey == NULL) {
        throw_iae(env, what);
        return 0;
    }
    return (jlong) (intptr_t) pkey;
}

JNIEXPORT jstring JNICALL Java_org_lightwire_crypto_jca_ossl_Libcrypto_version(JNIEnv *env, jclass c) {
    (void) c;
    return (*env)->NewStringUTF(env, OpenSSL_version(OPENSSL_VERSION));
}

JNIEXPORT jlong JNICALL Java_org_lightwire_crypto_jca_ossl_Libcrypto_versionNumber(JNIEnv *env, jclass c) {
    (void) env;
    (void) c;
    return (jlong) OpenSSL_version_num();
}

JNIEXPORT void JNICALL Java_org_lightwire_crypto_jca_ossl_Libcrypto_free(JNIEnv *env, jclass c, jlong key) {
    (void) env;
    (void) c;
    EVP_PKEY_free((EVP_PKEY *) (intptr_t) key);
}

static const char *RSA_NAMES[8] = {
    OSSL_PKEY_PARAM_RSA_N, OSSL_PKEY_PARAM_RSA_E, OSSL_PKEY_PARAM_RSA_D, OSSL_PKEY_PARAM_RSA_FACTOR1,
    OSSL_PKEY_PARAM_RSA_FACTOR2, OSSL_PKEY_PARAM_RSA_EXPONENT1, OSSL_PKEY_PARAM_RSA_EXPONENT2,
    OSSL_PKEY_PARAM_RSA_COEFFICIENT1
};

JNIEXPORT jlong JNICALL Java_org_lightwire_crypto_jca_ossl_Libcrypto_rsaKey(JNIEnv *env, jclass c,
        jobjectArray elements) {
    (void) c;
    BIGNUM *bn[8] = {0};
    EVP_PKEY *pkey = NULL;
    OSSL_PARAM_BLD *bld = OSSL_PARAM_BLD_new();
    jsize count = elements == NULL ? 0 : (*env)->GetArrayLength(env, elements);
    int ok = bld != NULL && (count == 8 || count == 2);
    for (int i = 0; ok && i < count; i++) {
        bytes b;
        jbyteArray a = (jbyteArray) (*env)->GetObjectArrayElement(env, elements, i);
        ok = acquire(env, a, &b) && b.len > 0 && b.len <= MAX_ELEMENT;
        if (ok) {
            bn[i] = i < 2 ? BN_bin2bn(b.data, b.len, NULL) : BN_secure_new();
            if (i >= 2 && bn[i] != NULL && BN_bin2bn(b.data, b.len, bn[i]) == NULL) {
                ok = 0;
            }
            ok = ok && bn[i] != NULL && OSSL_PARAM_BLD_push_BN(bld, RSA_NAMES[i], bn[i]);
        }
        release(&b);
        if (a != NULL) {
            (*env)->DeleteLocalRef(env, a);
        }
    }
    if (ok) {
        pkey = from_params("RSA", count == 8 ? EVP_PKEY_KEYPAIR : EVP_PKEY_PUBLIC_KEY, bld);
    }
    OSSL_PARAM_BLD_free(bld);
    for (int i = 0; i < 8; i++) {
        BN_clear_free(bn[i]);
    }
    return handle_or_throw(env, pkey, "OpenSSL refused the RSA key");
}

/* An EC key of group `curve`: the public point 04||X||Y, and the private scalar if d is not null. */
JNIEXPORT jlong JNICALL Java_org_lightwire_crypto_jca_ossl_Libcrypto_ecKey(JNIEnv *env, jclass c, jint curve,
        jbyteArray point, jbyteArray d) {
    (void) c;
    const char *group = group_of(curve);
    bytes pub = {0}, priv = {0};
    BIGNUM *scalar = NULL;
    EVP_PKEY *pkey = NULL;
    OSSL_PARAM_BLD *bld = OSSL_PARAM_BLD_new();
    int ok = group != NULL && bld != NULL && acquire(env, point, &pub) && pub.len > 0 && pub.len <= 133
            && OSSL_PARAM_BLD_push_utf8_string(bld, OSSL_PKEY_PARAM_GROUP_NAME, group, 0)
            && OSSL_PARAM_BLD_push_octet_string(bld, OSSL_PKEY_PARAM_PUB_KEY, pub.data, (size_t) pub.len);
    if (ok && d != NULL) {
        ok = acquire(env, d, &priv) && priv.len > 0 && priv.len <= 66 && (scalar = BN_secure_new()) != NULL
                && BN_bin2bn(priv.data, priv.len, scalar) != NULL
                && OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_PRIV_KEY, scalar);
    }
    if (ok) {
        pkey = from_params("EC", d != NULL ? EVP_PKEY_KEYPAIR : EVP_PKEY_PUBLIC_KEY, bld);
    }
    OSSL_PARAM_BLD_free(bld);
    BN_clear_free(scalar);
    release(&pub);
    release(&priv);
    return handle_or_throw(env, pkey, "OpenSSL refused the EC key");
}

/*
 * A new EC key pair of group `curve`: its handle, the scalar into dOut (big-endian, the
 * array's length) and the public point 04||X||Y into pointOut (exactly its length).
 */
JNIEXPORT jlong JNICALL Java_org_lightwire_crypto_jca_ossl_Libcrypto_ecGenerate(JNIEnv *env, jclass c, jint curve,
        jbyteArray dOut, jbyteArray pointOut) {
    (void) c;
    const char *group = group_of(curve);
    EVP_PKEY *pkey = group == NULL ? NULL : EVP_PKEY_Q_keygen(NULL, NULL, "EC", group);
    BIGNUM *d = NULL;
    unsigned char point[133];
    unsigned char scalar[66];
    size_t pointLen = 0;
    jsize dLen = dOut == NULL ? 0 : (*env)->GetArrayLength(env, dOut);
    jsize wantPoint = pointOut == NULL ? 0 : (*env)->GetArrayLength(env, pointOut);
    int ok = pkey != NULL && dLen > 0 && dLen <= (jsize) sizeof scalar
            && EVP_PKEY_get_bn_param(pkey, OSSL_PKEY_PARAM_PRIV_KEY, &d)
            && BN_bn2binpad(d, scalar, dLen) == dLen
            && EVP_PKEY_get_octet_string_param(pkey, OSSL_PKEY_PARAM_PUB_KEY, point, sizeof point, &pointLen)
            && pointLen == (size_t) wantPoint && point[0] == 4;
    if (ok) {
        (*env)->SetByteArrayRegion(env, dOut, 0, dLen, (const jbyte *) scalar);
        (*env)->SetByteArrayRegion(env, pointOut, 0, wantPoint, (const jbyte *) point);
    }
    OPENSSL_cleanse(scalar, sizeof scalar);
    BN_clear_free(d);
    if (!ok) {
        EVP_PKEY_free(pkey);
        pkey = NULL;
    }
    return handle_or_throw(env, pkey, "OpenSSL could not generate the EC key");
}

/* Signs a digest: RSA (padding 1 = PKCS#1 v1.5, 6 = PSS with salt = digest length) or ECDSA (DER out). */
JNIEXPORT jbyteArray JNICALL Java_org_lightwire_crypto_jca_ossl_Libcrypto_sign(JNIEnv *env, jclass c, jlong key,
        jint padding, jint hash, jbyteArray digest) {
    (void) c;
    EVP_PKEY *pkey = (EVP_PKEY *) (intptr_t) key;
    const EVP_MD *md = digest_of(hash);
    bytes in = {0};
    unsigned char *sig = NULL;
    size_t sigLen = 0;
    jbyteArray out = NULL;
    EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new(pkey, NULL);
    int ok = ctx != NULL && md != NULL && acquire(env, digest, &in) && in.len == EVP_MD_get_size(md)
            && EVP_PKEY_sign_init(ctx) > 0 && EVP_PKEY_CTX_set_signature_md(ctx, md) > 0;
    if (ok && padding != 0) {
        ok = EVP_PKEY_CTX_set_rsa_padding(ctx, padding) > 0
                && (padding != RSA_PKCS1_PSS_PADDING
                    || (EVP_PKEY_CTX_set_rsa_mgf1_md(ctx, md) > 0
                        && EVP_PKEY_CTX_set_rsa_pss_saltlen(ctx, RSA_PSS_SALTLEN_DIGEST) > 0));
    }
    ok = ok && EVP_PKEY_sign(ctx, NULL, &sigLen, in.data, (size_t) in.len) > 0
            && (sig = OPENSSL_malloc(sigLen)) != NULL
            && EVP_PKEY_sign(ctx, sig, &sigLen, in.data, (size_t) in.len) > 0;
    if (ok) {
        out = to_java(env, sig, sigLen);
    } else {
        ERR_clear_error();
    }
    OPENSSL_free(sig);
    release(&in);
    EVP_PKEY_CTX_free(ctx);
    return out;
}

/*
 * Verifies a signature over a digest: ECDSA (padding 0, DER) or RSA (padding 1 PKCS#1 v1.5,
 * 6 PSS with salt = digest length). True only for a good signature.
 */
JNIEXPORT jboolean JNICALL Java_org_lightwire_crypto_jca_ossl_Libcrypto_verify(JNIEnv *env, jclass c, jlong key,
        jint padding, jint hash, jbyteArray digest, jbyteArray signature) {
    (void) c;
    EVP_PKEY *pkey = (EVP_PKEY *) (intptr_t) key;
    const EVP_MD *md = digest_of(hash);
    bytes d = {0}, s = {0};
    EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new(pkey, NULL);
    int ok = ctx != NULL && md != NULL && acquire(env, digest, &d) && acquire(env, signature, &s)
            && d.len == EVP_MD_get_size(md) && EVP_PKEY_verify_init(ctx) > 0
            && EVP_PKEY_CTX_set_signature_md(ctx, md) > 0;
    if (ok && padding != 0) {
        ok = EVP_PKEY_CTX_set_rsa_padding(ctx, padding) > 0
                && (padding != RSA_PKCS1_PSS_PADDING
                    || (EVP_PKEY_CTX_set_rsa_mgf1_md(ctx, md) > 0
                        && EVP_PKEY_CTX_set_rsa_pss_saltlen(ctx, RSA_PSS_SALTLEN_DIGEST) > 0));
    }
    ok = ok && EVP_PKEY_verify(ctx, s.data, (size_t) s.len, d.data, (size_t) d.len) == 1;
    if (!ok) {
        ERR_clear_error();
    }
    release(&d);
    release(&s);
    EVP_PKEY_CTX_free(ctx);
    return ok ? JNI_TRUE : JNI_FALSE;
}

/*
 * RSA encryption (public key) or decryption (private key): padding 1 = PKCS#1 v1.5 (encryption
 * only), 3 = none (raw, k bytes), 4 = OAEP with `hash` for both the label hash and MGF1.
 * Null for any failure, whatever its cause.
 */
static jbyteArray rsa_crypt(JNIEnv *env, jlong key, jint padding, jint hash, jbyteArray input, int encrypt) {
    EVP_PKEY *pkey = (EVP_PKEY *) (intptr_t) key;
    bytes in = {0};
    unsigned char *out = NULL;
    size_t cap = 0, len = 0;
    jbyteArray result = NULL;
    const EVP_MD *md = digest_of(hash);
    EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new(pkey, NULL);
    int ok = ctx != NULL && acquire(env, input, &in)
            && (encrypt ? EVP_PKEY_encrypt_init(ctx) : EVP_PKEY_decrypt_init(ctx)) > 0
            && EVP_PKEY_CTX_set_rsa_padding(ctx, padding) > 0;
    if (ok && padding == RSA_PKCS1_OAEP_PADDING) {
        ok = md != NULL && EVP_PKEY_CTX_set_rsa_oaep_md(ctx, md) > 0 && EVP_PKEY_CTX_set_rsa_mgf1_md(ctx, md) > 0;
    }
    ok = ok && (encrypt ? EVP_PKEY_encrypt(ctx, NULL, &cap, in.data, (size_t) in.len)
                        : EVP_PKEY_decrypt(ctx, NULL, &cap, in.data, (size_t) in.len)) > 0
            && (out = OPENSSL_malloc(cap)) != NULL;
    len = cap;
    ok = ok && (encrypt ? EVP_PKEY_encrypt(ctx, out, &len, in.data, (size_t) in.len)
                        : EVP_PKEY_decrypt(ctx, out, &len, in.data, (size_t) in.len)) > 0;
    if (ok) {
        result = to_java(env, out, len);
    } else {
        ERR_clear_error();
    }
    if (out != NULL) {
        OPENSSL_clear_free(out, cap);
    }
    release(&in);
    EVP_PKEY_CTX_free(ctx);
    return result;
}

JNIEXPORT jbyteArray JNICALL Java_org_lightwire_crypto_jca_ossl_Libcrypto_rsaDecrypt(JNIEnv *env, jclass c,
        jlong key, jint padding, jint hash, jbyteArray ciphertext) {
    (void) c;
    return rsa_crypt(env, key, padding, hash, ciphertext, 0);
}

JNIEXPORT jbyteArray JNICALL Java_org_lightwire_crypto_jca_ossl_Libcrypto_rsaEncrypt(JNIEnv *env, jclass c,
        jlong key, jint padding, jint hash, jbyteArray plaintext) {
    (void) c;
    return rsa_crypt(env, key, padding, hash, plaintext, 1);
}

/*
 * ECDH (the X coordinate of our scalar times the peer's point) or X25519. An EC peer's
 * point was validated on the Java side and again by OpenSSL when its key was imported (on
 * the curve); the NIST curves have cofactor 1, so the n·Q check of a full public-key
 * validation would only repeat that at the cost of a second scalar multiplication. Every
 * 32 bytes are an X25519 public key; OpenSSL fails the derivation when the result is
 * all zero (a small-order peer, RFC 7748 section 6.1), so that comes back as null.
 */
JNIEXPORT jbyteArray JNICALL Java_org_lightwire_crypto_jca_ossl_Libcrypto_derive(JNIEnv *env, jclass c, jlong key,
        jlong peer) {
    (void) c;
    unsigned char secret[66];
    size_t len = sizeof secret;
    jbyteArray out = NULL;
    EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new((EVP_PKEY *) (intptr_t) key, NULL);
    int ok = ctx != NULL && EVP_PKEY_derive_init(ctx) > 0
            && EVP_PKEY_derive_set_peer_ex(ctx, (EVP_PKEY *) (intptr_t) peer, 0) > 0
            && EVP_PKEY_derive(ctx, secret, &len) > 0;
    if (ok) {
        out = to_java(env, secret, len);
    } else {
        ERR_clear_error();
    }
    OPENSSL_cleanse(secret, sizeof secret);
    EVP_PKEY_CTX_free(ctx);
    return out;
}

/* An X25519 or Ed25519 key from its 32 raw bytes: the private key (scalar, seed) or the public key. */
JNIEXPORT jlong JNICALL Java_org_lightwire_crypto_jca_ossl_Libcrypto_okpKey(JNIEnv *env, jclass c, jint curve,
        jbyteArray raw, jboolean isPrivate) {
    (void) c;
    const char *name = okp_name(curve);
    bytes b = {0};
    EVP_PKEY *pkey = NULL;
    if (name != NULL && acquire(env, raw, &b) && b.len == OKP_KEY) {
        pkey = isPrivate ? EVP_PKEY_new_raw_private_key_ex(NULL, name, NULL, b.data, OKP_KEY)
                         : EVP_PKEY_new_raw_public_key_ex(NULL, name, NULL, b.data, OKP_KEY);
    }
    release(&b);
    return handle_or_throw(env, pkey, "OpenSSL refused the OKP key");
}

/* The public key of an X25519 or Ed25519 key into xOut (32 bytes); false on failure. */
JNIEXPORT jboolean JNICALL Java_org_lightwire_crypto_jca_ossl_Libcrypto_okpPublic(JNIEnv *env, jclass c, jlong key,
        jbyteArray xOut) {
    (void) c;
    if (!raw_out(env, (EVP_PKEY *) (intptr_t) key, 0, xOut)) {
        ERR_clear_error();
        return JNI_FALSE;
    }
    return JNI_TRUE;
}

/* A new X25519 or Ed25519 key pair: its handle, the private key into dOut and the public key into xOut. */
JNIEXPORT jlong JNICALL Java_org_lightwire_crypto_jca_ossl_Libcrypto_okpGenerate(JNIEnv *env, jclass c, jint curve,
        jbyteArray dOut, jbyteArray xOut) {
    (void) c;
    const char *name = okp_name(curve);
    EVP_PKEY *pkey = name == NULL ? NULL : EVP_PKEY_Q_keygen(NULL, NULL, name);
    if (pkey != NULL && !(raw_out(env, pkey, 1, dOut) && raw_out(env, pkey, 0, xOut))) {
        EVP_PKEY_free(pkey);
        pkey = NULL;
    }
    return handle_or_throw(env, pkey, "OpenSSL could not generate the OKP key");
}

/*
 * Pure Ed25519 over a whole message (no digest: NULL md): signs into sig (sign != 0,
 * *sigLen its room) or verifies the *sigLen bytes at sig. 1 for a signature made or good.
 */
static int ed25519(JNIEnv *env, jlong key, jbyteArray message, unsigned char *sig, size_t *sigLen, int sign) {
    EVP_PKEY *pkey = (EVP_PKEY *) (intptr_t) key;
    bytes m = {0};
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    int ok = ctx != NULL && acquire_upto(env, message, &m, 0x7fffffff)
            && (sign ? EVP_DigestSignInit(ctx, NULL, NULL, NULL, pkey) > 0
                        && EVP_DigestSign(ctx, sig, sigLen, m.data, (size_t) m.len) > 0
                     : EVP_DigestVerifyInit(ctx, NULL, NULL, NULL, pkey) > 0
                        && EVP_DigestVerify(ctx, sig, *sigLen, m.data, (size_t) m.len) == 1);
    if (!ok) {
        ERR_clear_error();
    }
    release(&m);
    EVP_MD_CTX_free(ctx);
    return ok;
}

/* The 64-byte Ed25519 signature of message; null on failure. */
JNIEXPORT jbyteArray JNICALL Java_org_lightwire_crypto_jca_ossl_Libcrypto_ed25519Sign(JNIEnv *env, jclass c,
        jlong key, jbyteArray message) {
    (void) c;
    unsigned char sig[ED25519_SIG];
    size_t len = sizeof sig;
    return ed25519(env, key, message, sig, &len, 1) && len == sizeof sig ? to_java(env, sig, len) : NULL;
}

/* Whether a 64-byte Ed25519 signature of message is good (RFC 8032: S below the group order). */
JNIEXPORT jboolean JNICALL Java_org_lightwire_crypto_jca_ossl_Libcrypto_ed25519Verify(JNIEnv *env, jclass c,
        jlong key, jbyteArray message, jbyteArray signature) {
    (void) c;
    bytes s = {0};
    size_t len = ED25519_SIG;
    int ok = acquire(env, signature, &s) && s.len == ED25519_SIG && ed25519(env, key, message, s.data, &len, 0);
    release(&s);
    return ok ? JNI_TRUE : JNI_FALSE;
}
