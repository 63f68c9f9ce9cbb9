//! Many minisign signatures checked at once, for `verify` over many bundles.
//!
//! A bundle's signature file holds two Ed25519 signatures: one of the manifest's BLAKE2b-512
//! hash, and the global one, of that signature and the trusted comment. ed25519-dalek's batch
//! verification checks many at once for less work than one by one.
//!
//! A batch only vouches for signatures; it never refuses one. Every signature a batch does not
//! prove (its batch failed, or it is not of the form for which a batch is exact) is checked one
//! by one by minisign-verify, as every signature was before, which names the bad one.
//!
//! Exactness: one-by-one verification (minisign, libsodium, minisign-verify) checks
//! `[s]B = R + [k]A` exactly; a batch checks a random combination of those equations. They
//! agree on every signature minisign and medsec make. They could differ only on a crafted
//! signature: a non-canonical `R` or `s`, an `R` of small order or a weak key are sent to
//! one-by-one verification here; an `R` with a small-order part added can be made only by the
//! holder of the secret key, and still proves that key signed those bytes.

use super::keys::PublicKey;
use blake2::{Blake2b512, Digest};
use ct_codecs::{Base64, Decoder};
use curve25519_dalek::scalar::Scalar;
use ed25519_dalek::Signature;
pub use ed25519_dalek::VerifyingKey;

/// Most claims per batch (two signatures each, four points of the batch's multiscalar
/// multiplication): enough that a batch costs well under one by one, few enough that one bad
/// signature sends few others to one-by-one verification. Batches of 48 claims or more (190
/// points) take curve25519-dalek's Pippenger method, cheaper per point than Straus's below it.
const BATCH: usize = 96;

/// The length of each batch for `n` claims: as many batches as [`BATCH`] needs, of even
/// length, so that no batch is left small (150 claims: two of 75, not 96 and 54).
fn batch_len(n: usize) -> usize {
    n.div_ceil(n.div_ceil(BATCH).max(1)).max(1)
}

/// One signature file's two signatures over one signed file, by one key, ready for a batch.
pub struct Claim {
    key: VerifyingKey,
    /// The BLAKE2b-512 hash of the signed file: what minisign's first signature signs.
    prehash: [u8; 64],
    signature: Signature,
    /// The first signature's bytes and the trusted comment: what the global signature signs.
    global_message: Vec<u8>,
    global: Signature,
}

/// A trusted key as a batch uses it: `None` for a key the batch is not exact for (a weak key,
/// or one with a small-order part), which is then checked one by one.
pub fn batch_key(key: &PublicKey) -> Option<VerifyingKey> {
    let bytes = Base64::decode_to_vec(&key.base64, None).ok()?;
    if bytes.get(..2)? != b"Ed" {
        return None;
    }
    let raw: [u8; 32] = bytes.get(10..42)?.try_into().ok()?;
    let key = VerifyingKey::from_bytes(&raw).ok()?;
    (!key.is_weak() && key.to_edwards().is_torsion_free()).then_some(key)
}

impl Claim {
    /// The claim of a signature file (`text`, as minisign writes it) over `signed`, by `key`:
    /// `None` unless it is minisign's prehashed Ed25519 signature in exactly minisign's four
    /// lines, with points and scalars encoded canonically.
    pub fn new(signed: &[u8], text: &str, key: &VerifyingKey) -> Option<Claim> {
        let mut lines = text.split('\n');
        let _untrusted = lines.next()?;
        let first = Base64::decode_to_vec(lines.next()?, None).ok()?;
        let comment = lines.next()?.strip_prefix("trusted comment: ")?;
        let global = Base64::decode_to_vec(lines.next()?, None).ok()?;
        if lines.next() != Some("") || lines.next().is_some() || text.contains('\r') {
            return None;
        }
        if first.len() != 74 || first.get(..2)? != b"ED" {
            return None;
        }
        let signature: [u8; 64] = first.get(10..)?.try_into().ok()?;
        let global: [u8; 64] = global.as_slice().try_into().ok()?;
        if !exact(&signature) || !exact(&global) {
            return None;
        }
        let mut global_message = Vec::with_capacity(64 + comment.len());
        global_message.extend_from_slice(&signature);
        global_message.extend_from_slice(comment.as_bytes());
        Some(Claim {
            key: *key,
            prehash: Blake2b512::digest(signed).into(),
            signature: Signature::from_bytes(&signature),
            global_message,
            global: Signature::from_bytes(&global),
        })
    }
}

/// Whether a signature is of the form for which a batch agrees with one-by-one verification:
/// `R` canonically encoded and not of small order, `s` reduced. Read from the bytes, without
/// decompressing `R` (the batch does that once): an `R` that is no point fails its batch,
/// whose claims are then checked one by one.
fn exact(signature: &[u8; 64]) -> bool {
    let (Some(r), Some(s)) = (signature.get(..32), signature.get(32..)) else {
        return false;
    };
    let (Ok(r), Ok(s)) = (<[u8; 32]>::try_from(r), <[u8; 32]>::try_from(s)) else {
        return false;
    };
    let canonical_s: bool = Scalar::from_canonical_bytes(s).is_some().into();
    canonical_s && canonical_y(&r) && !small_order(&r)
}

/// Whether a point's encoding has its `y` below the field's prime 2^255 - 19 (the sign bit of
/// `x` aside).
fn canonical_y(point: &[u8; 32]) -> bool {
    let Some((&last, rest)) = point.split_last() else {
        return false;
    };
    let Some((&first, middle)) = rest.split_first() else {
        return false;
    };
    !(last & 0x7f == 0x7f && middle.iter().all(|b| *b == 0xff) && first >= 0xed)
}

/// The `y` of the eight points of small order, as encoded (the sign bit of `x` cleared):
/// `0` (order 4), `1` (the identity), two of order 8 and `p - 1` (order 2); a test checks them
/// against curve25519-dalek's `EIGHT_TORSION`. libsodium refuses the same list.
const SMALL_ORDER_Y: [[u8; 32]; 5] = [
    [0; 32],
    [
        1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0,
    ],
    [
        0x26, 0xe8, 0x95, 0x8f, 0xc2, 0xb2, 0x27, 0xb0, 0x45, 0xc3, 0xf4, 0x89, 0xf2, 0xef, 0x98,
        0xf0, 0xd5, 0xdf, 0xac, 0x05, 0xd3, 0xc6, 0x33, 0x39, 0xb1, 0x38, 0x02, 0x88, 0x6d, 0x53,
        0xfc, 0x05,
    ],
    [
        0xc7, 0x17, 0x6a, 0x70, 0x3d, 0x4d, 0xd8, 0x4f, 0xba, 0x3c, 0x0b, 0x76, 0x0d, 0x10, 0x67,
        0x0f, 0x2a, 0x20, 0x53, 0xfa, 0x2c, 0x39, 0xcc, 0xc6, 0x4e, 0xc7, 0xfd, 0x77, 0x92, 0xac,
        0x03, 0x7a,
    ],
    [
        0xec, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
        0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
        0xff, 0x7f,
    ],
];

/// Whether a canonically encoded point is of small order.
fn small_order(point: &[u8; 32]) -> bool {
    let mut y = *point;
    if let Some(last) = y.last_mut() {
        *last &= 0x7f;
    }
    SMALL_ORDER_Y.contains(&y)
}

/// Which claims hold, by batches: `true` where a batch proved both signatures, `false` where
/// it did not (those are for one-by-one verification, which says what is wrong).
pub fn verify(claims: &[&Claim]) -> Vec<bool> {
    let mut out = Vec::with_capacity(claims.len());
    for chunk in claims.chunks(batch_len(claims.len())) {
        let held = verify_chunk(chunk);
        out.extend(std::iter::repeat_n(held, chunk.len()));
    }
    out
}

fn verify_chunk(claims: &[&Claim]) -> bool {
    let mut messages: Vec<&[u8]> = Vec::with_capacity(claims.len() * 2);
    let mut signatures = Vec::with_capacity(claims.len() * 2);
    let mut keys = Vec::with_capacity(claims.len() * 2);
    for c in claims {
        messages.push(&c.prehash);
        signatures.push(c.signature);
        keys.push(c.key);
        messages.push(&c.global_message);
        signatures.push(c.global);
        keys.push(c.key);
    }
    ed25519_dalek::verify_batch(&messages, &signatures, &keys).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Signer {
        pair: minisign::KeyPair,
        key: VerifyingKey,
    }

    fn signer() -> Signer {
        let pair = minisign::KeyPair::generate_unencrypted_keypair().unwrap();
        let public = PublicKey::from_base64(&pair.pk.to_base64()).unwrap();
        let key = batch_key(&public).unwrap();
        Signer { pair, key }
    }

    fn sign(s: &Signer, data: &[u8], comment: &str) -> String {
        minisign::sign(
            Some(&s.pair.pk),
            &s.pair.sk,
            data,
            Some(comment),
            Some("signature from medsec"),
        )
        .unwrap()
        .to_string()
    }

    #[test]
    fn minisign_signatures_hold_in_a_batch_and_a_changed_byte_fails_it() {
        let s = signer();
        // Enough claims for three batches (of 67, 67 and 66).
        let data: Vec<Vec<u8>> = (0..200)
            .map(|i| format!("manifest {i}\n").into_bytes())
            .collect();
        let texts: Vec<String> = data.iter().map(|d| sign(&s, d, "timestamp:1")).collect();
        let claims: Vec<Claim> = data
            .iter()
            .zip(&texts)
            .map(|(d, t)| Claim::new(d, t, &s.key).unwrap())
            .collect();
        let all: Vec<&Claim> = claims.iter().collect();
        assert!(verify(&all).iter().all(|ok| *ok));

        // Other bytes than signed: the batch holding it proves nothing; the others still hold.
        let wrong = Claim::new(b"manifest 0 changed\n", &texts[40], &s.key).unwrap();
        let mut mixed = all.clone();
        mixed[40] = &wrong;
        let held = verify(&mixed);
        let len = batch_len(all.len());
        assert_eq!(len, 67);
        let bad_batch = 40 / len;
        for (i, ok) in held.iter().enumerate() {
            assert_eq!(*ok, i / len != bad_batch, "claim {i}");
        }

        // A trusted comment changed after signing: the global signature fails.
        let changed = texts[3].replace("timestamp:1", "timestamp:2");
        let changed = Claim::new(&data[3], &changed, &s.key).unwrap();
        assert_eq!(verify(&[&changed]), vec![false]);

        // An R that is no point (its encoding canonical): taken into a batch, which fails.
        let line = texts[7].lines().nth(1).unwrap();
        let mut bin = Base64::decode_to_vec(line, None).unwrap();
        let y = (2u8..=255)
            .find(|y| {
                let mut r = [0u8; 32];
                r[0] = *y;
                curve25519_dalek::edwards::CompressedEdwardsY(r)
                    .decompress()
                    .is_none()
            })
            .unwrap();
        bin[10..42].fill(0);
        bin[10] = y;
        let not_a_point = texts[7].replace(line, &encode(&bin));
        let not_a_point = Claim::new(&data[7], &not_a_point, &s.key).unwrap();
        let mut mixed = all.clone();
        mixed[7] = &not_a_point;
        let held = verify(&mixed);
        for (i, ok) in held.iter().enumerate() {
            assert_eq!(*ok, i / len != 0, "claim {i}");
        }

        // Another key: fails.
        let other = signer();
        let by_other = Claim::new(&data[5], &texts[5], &other.key).unwrap();
        assert_eq!(verify(&[&by_other]), vec![false]);
    }

    /// The list of small-order encodings is curve25519-dalek's eight-torsion points, and
    /// every other point (a few multiples of the base point, canonical or not) passes the
    /// byte checks exactly when decompressing and compressing it again gives its bytes and it
    /// is not of small order, as the batch needs.
    #[test]
    fn small_order_and_canonical_points_are_known_from_their_bytes() {
        use curve25519_dalek::constants::{ED25519_BASEPOINT_POINT, EIGHT_TORSION};
        use curve25519_dalek::edwards::CompressedEdwardsY;
        for p in EIGHT_TORSION {
            let bytes = p.compress().to_bytes();
            assert!(small_order(&bytes), "{bytes:x?}");
            assert!(p.is_small_order());
        }
        let mut checked = 0;
        let mut candidates: Vec<[u8; 32]> = (1u64..40)
            .map(|k| {
                (ED25519_BASEPOINT_POINT * Scalar::from(k))
                    .compress()
                    .to_bytes()
            })
            .collect();
        for y in [0u8, 1, 2, 0xec, 0xed, 0xee, 0xff] {
            let mut p = [0xff; 32];
            p[0] = y;
            p[31] = 0x7f;
            candidates.push(p);
            p[31] = 0xff;
            candidates.push(p);
        }
        for (i, c) in SMALL_ORDER_Y.iter().enumerate() {
            let mut signed = *c;
            signed[31] |= 0x80;
            candidates.extend([*c, signed]);
            assert!(small_order(c) && small_order(&signed), "{i}");
        }
        for c in candidates {
            let compressed = CompressedEdwardsY(c);
            let Some(p) = compressed.decompress() else {
                continue;
            };
            checked += 1;
            let old = p.compress() == compressed && !p.is_small_order();
            assert_eq!(canonical_y(&c) && !small_order(&c), old, "{c:x?}");
        }
        assert!(checked > 40, "{checked}");
    }

    #[test]
    fn batches_are_of_even_length_and_at_most_batch() {
        assert_eq!(batch_len(0), 1);
        assert_eq!(batch_len(1), 1);
        assert_eq!(batch_len(BATCH), BATCH);
        assert_eq!(batch_len(BATCH + 1), BATCH.div_ceil(2) + 1);
        assert_eq!(batch_len(150), 75);
        for n in 1..1000 {
            let len = batch_len(n);
            assert!(len <= BATCH && n.div_ceil(len) == n.div_ceil(BATCH), "{n}");
        }
    }

    fn encode(bin: &[u8]) -> String {
        <Base64 as ct_codecs::Encoder>::encode_to_string(bin).unwrap()
    }

    #[test]
    fn what_a_batch_is_not_exact_for_is_left_to_one_by_one_verification() {
        let s = signer();
        let text = sign(&s, b"m\n", "c");
        let line = text.lines().nth(1).unwrap();
        let mut bin = Base64::decode_to_vec(line, None).unwrap();
        // s + l: the same signature with an unreduced scalar.
        let mut l = [0u8; 32];
        l[..16].copy_from_slice(&[
            0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7, 0xa2, 0xde, 0xf9,
            0xde, 0x14,
        ]);
        l[31] = 0x10;
        let mut carry = 0u16;
        for (b, l) in bin[42..74].iter_mut().zip(l) {
            let sum = u16::from(*b) + u16::from(l) + carry;
            *b = sum as u8;
            carry = sum >> 8;
        }
        let unreduced = text.replace(line, &encode(&bin));
        assert!(Claim::new(b"m\n", &unreduced, &s.key).is_none());
        // R of small order (the identity).
        let mut bin = Base64::decode_to_vec(line, None).unwrap();
        let mut identity = [0u8; 32];
        identity[0] = 1;
        bin[10..42].copy_from_slice(&identity);
        let small = text.replace(line, &encode(&bin));
        assert!(Claim::new(b"m\n", &small, &s.key).is_none());
        // Legacy (not prehashed), CRLF line ends, a fifth line: not for a batch.
        let mut bin = Base64::decode_to_vec(line, None).unwrap();
        bin[1] = b'd';
        let legacy = text.replace(line, &encode(&bin));
        assert!(Claim::new(b"m\n", &legacy, &s.key).is_none());
        assert!(Claim::new(b"m\n", &text.replace('\n', "\r\n"), &s.key).is_none());
        assert!(Claim::new(b"m\n", &format!("{text}more\n"), &s.key).is_none());
        assert!(Claim::new(b"m\n", &text, &s.key).is_some());
    }
}
