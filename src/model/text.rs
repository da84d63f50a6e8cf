//! Vietnamese text as it arrives: composed or decomposed Unicode (NFC or
//! NFD, as macOS, some input methods and text copied from PDFs produce),
//! and either of the two tone-mark placements writers use ("hoà" and
//! "hòa", "thuỷ" and "thủy", "quý" and "qúy").
//!
//! Text is stored composed ([`nfc`], on every write); search compares words
//! with their tone mark in one place ([`canonical_tones`]), so that either
//! placement finds the other.

use std::borrow::Cow;

use unicode_normalization::char::decompose_canonical;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// `text` in Unicode's composed form (NFC), borrowed when it already is.
pub fn nfc(text: &str) -> Cow<'_, str> {
    match is_nfc_quick(text.chars()) {
        IsNormalized::Yes => Cow::Borrowed(text),
        _ => Cow::Owned(text.nfc().collect()),
    }
}

/// The five Vietnamese tone marks, as combining characters: grave (huyền),
/// acute (sắc), tilde (ngã), hook above (hỏi) and dot below (nặng).
fn is_tone(c: char) -> bool {
    matches!(
        c,
        '\u{0300}' | '\u{0301}' | '\u{0303}' | '\u{0309}' | '\u{0323}'
    )
}

fn is_vowel(c: char) -> bool {
    matches!(
        c,
        'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'A' | 'E' | 'I' | 'O' | 'U' | 'Y'
    )
}

/// `text` (composed) with the tone mark of every word that has exactly one
/// moved onto the word's last vowel, so that the two placements writers use
/// become one spelling: "hòa" and "hoà" are both "hoà", "thủy" and "thuỷ"
/// both "thuỷ", "qúy" and "quý" both "quý". Vowel qualities (ă, â, ê, ô, ơ,
/// ư) stay where they are, and so does every word without a tone or with
/// more than one. The result is a key for comparing words (some words come
/// out spelled as nobody writes them, "loaị" for "loại"), not text to show.
pub fn canonical_tones(text: &str) -> Cow<'_, str> {
    if text.is_ascii() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut word: Vec<char> = Vec::new();
    let mut changed = false;
    for c in text.chars() {
        if c.is_alphabetic() {
            word.push(c);
            continue;
        }
        changed |= flush(&mut word, &mut out);
        out.push(c);
    }
    changed |= flush(&mut word, &mut out);
    if changed {
        Cow::Owned(out)
    } else {
        Cow::Borrowed(text)
    }
}

/// Writes `word` to `out` with its tone moved (see [`canonical_tones`]) and
/// empties it; true when the spelling changed.
fn flush(word: &mut Vec<char>, out: &mut String) -> bool {
    if word.is_empty() {
        return false;
    }
    let changed = match retoned(word) {
        Some(moved) => {
            out.push_str(&moved);
            true
        }
        None => {
            out.extend(word.iter());
            false
        }
    };
    word.clear();
    changed
}

/// Whether `c` carries a tone mark, and whether its base letter is a vowel.
fn marks(c: char) -> (bool, bool) {
    let (mut tone, mut vowel, mut first) = (false, false, true);
    decompose_canonical(c, |d| {
        if first {
            vowel = is_vowel(d);
            first = false;
        }
        tone |= is_tone(d);
    });
    (tone, vowel)
}

/// The word with its one tone on its last vowel, if that moves it.
fn retoned(word: &[char]) -> Option<String> {
    if word.iter().all(char::is_ascii) {
        return None;
    }
    // Most words have their tone on their last vowel already: found
    // without allocating.
    let mut toned = None;
    let mut last_vowel = None;
    for (i, c) in word.iter().enumerate() {
        let (tone, vowel) = marks(*c);
        if tone {
            if toned.is_some() {
                return None;
            }
            toned = Some(i);
        }
        if vowel {
            last_vowel = Some(i);
        }
    }
    if toned? == last_vowel? {
        return None;
    }
    let decomposed: Vec<char> = word.iter().copied().collect::<String>().nfd().collect();
    let mut tones = decomposed.iter().enumerate().filter(|(_, c)| is_tone(**c));
    let (at, tone) = tones.next().map(|(i, c)| (i, *c))?;
    if tones.next().is_some() {
        return None;
    }
    let mut bare: Vec<char> = decomposed;
    bare.remove(at);
    let last = bare.iter().rposition(|c| is_vowel(*c))?;
    // After the vowel's own marks (breve, circumflex, horn): NFC orders
    // combining marks by class anyway.
    let mut to = last + 1;
    while to < bare.len() && !bare[to].is_alphabetic() {
        to += 1;
    }
    if to == at {
        return None;
    }
    bare.insert(to, tone);
    let moved: String = bare.into_iter().collect::<String>().nfc().collect();
    let original: String = word.iter().collect();
    (moved != original).then_some(moved)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decomposed_text_is_composed_and_composed_text_borrowed() {
        let composed = "Khởi nghiệp Cần Thơ";
        let decomposed: String = composed.nfd().collect();
        assert_ne!(decomposed, composed);
        assert_eq!(nfc(&decomposed), composed);
        assert!(matches!(nfc(composed), Cow::Borrowed(_)));
    }

    #[test]
    fn both_tone_placements_become_one() {
        for (old, new) in [
            ("hòa", "hoà"),
            ("Hòa Bình", "Hoà Bình"),
            ("thủy sản", "thuỷ sản"),
            ("qúy", "quý"),
            ("hòe", "hoè"),
            ("khỏe", "khoẻ"),
            ("ủy ban", "uỷ ban"),
        ] {
            assert_eq!(canonical_tones(old), canonical_tones(new), "{old} / {new}");
        }
        // Decomposed input too, once composed.
        let decomposed: String = "thủy".nfd().collect();
        assert_eq!(canonical_tones(&nfc(&decomposed)), canonical_tones("thuỷ"));
    }

    #[test]
    fn different_words_stay_different() {
        for (a, b) in [
            ("mã", "ma"),
            ("mã", "mạ"),
            ("hoà", "hoa"),
            ("thuỷ", "thuý"),
            ("ơ", "ô"),
        ] {
            assert_ne!(canonical_tones(a), canonical_tones(b), "{a} / {b}");
        }
        // Words whose tone is already on the last vowel are unchanged.
        for word in ["nghiệp", "tuyển", "hoàng", "quý", "Cần Thơ", "startup"] {
            assert_eq!(canonical_tones(word), word);
        }
    }
}
