//! Text analysis for Vietnamese and English.
//!
//! Every text is indexed twice: `vi_exact` keeps diacritics (lowercased), and
//! `vi_folded` folds them away (ASCII folding, which includes đ → d). A query
//! matches on the folded field, so "khoi nghiep" finds "khởi nghiệp" and the
//! reverse; when the query itself carries diacritics, a match on the exact
//! field scores higher, so "mã" ranks "mã" above "ma" and "mạ". English
//! text passes through both unchanged but for case.
//!
//! Text is composed (NFC) before it is split, so decomposed text (NFD) and
//! decomposed queries find the same words; the exact analyzer also puts
//! each word's tone mark in one place, so "hoà" and "hòa" are one word
//! (`model::text`).
//!
//! The analyzers are registered on every open of the index (tantivy keeps
//! only their names in the schema).

use tantivy::Index;
use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RemoveLongFilter, SimpleTokenStream, SimpleTokenizer,
    TextAnalyzer, Tokenizer,
};

use crate::model::text::{canonical_tones, nfc};

/// The analyzer that keeps diacritics.
pub const EXACT: &str = "vi_exact";
/// The analyzer that folds diacritics.
pub const FOLDED: &str = "vi_folded";

/// Tokens longer than this are dropped (no word is; base64 blobs are).
const MAX_TOKEN_BYTES: usize = 64;

/// Splits text into words as [`SimpleTokenizer`] does, once it is composed
/// (and, for the exact analyzer, its tone marks placed one way). Token
/// offsets are those of the composed text, which is how text is stored.
#[derive(Clone, Default)]
struct Words {
    tones: bool,
    text: String,
    inner: SimpleTokenizer,
}

impl Tokenizer for Words {
    type TokenStream<'a> = SimpleTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> SimpleTokenStream<'a> {
        let composed = nfc(text);
        let ready = if self.tones {
            match canonical_tones(&composed) {
                std::borrow::Cow::Borrowed(_) => composed,
                std::borrow::Cow::Owned(moved) => moved.into(),
            }
        } else {
            composed
        };
        match ready {
            std::borrow::Cow::Borrowed(_) => self.inner.token_stream(text),
            std::borrow::Cow::Owned(changed) => {
                self.text = changed;
                self.inner.token_stream(&self.text)
            }
        }
    }
}

/// The analyzer of `name`.
pub fn analyzer(name: &str) -> TextAnalyzer {
    let words = Words {
        tones: name == EXACT,
        ..Words::default()
    };
    let base = TextAnalyzer::builder(words)
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser);
    if name == FOLDED {
        base.filter(AsciiFoldingFilter).build()
    } else {
        base.build()
    }
}

/// Registers both analyzers on an index.
pub fn register(index: &Index) {
    for name in [EXACT, FOLDED] {
        index.tokenizers().register(name, analyzer(name));
    }
}

/// The tokens `text` becomes under the analyzer `name`.
pub fn tokens(name: &str, text: &str) -> Vec<String> {
    let mut analyzer = analyzer(name);
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    while stream.advance() {
        out.push(stream.token().text.clone());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_removes_vietnamese_diacritics_including_d_bar() {
        assert_eq!(
            tokens(FOLDED, "Khởi nghiệp Nông nghiệp ĐÀ NẴNG, Cần Thơ"),
            [
                "khoi", "nghiep", "nong", "nghiep", "da", "nang", "can", "tho"
            ]
        );
        assert_eq!(
            tokens(FOLDED, "ước mơ đổi mới sáng tạo"),
            ["uoc", "mo", "doi", "moi", "sang", "tao"]
        );
        // Every tone on every vowel folds to the bare vowel.
        assert_eq!(
            tokens(FOLDED, "à á ả ã ạ ă ằ ắ ẳ ẵ ặ â ầ ấ ẩ ẫ ậ"),
            vec!["a"; 17]
        );
        assert_eq!(
            tokens(FOLDED, "ư ừ ứ ử ữ ự ơ ờ ớ ở ỡ ợ"),
            ["u", "u", "u", "u", "u", "u", "o", "o", "o", "o", "o", "o"]
        );
    }

    #[test]
    fn exact_keeps_diacritics_apart() {
        assert_eq!(tokens(EXACT, "Mã ma Mạ"), ["mã", "ma", "mạ"]);
        assert_eq!(tokens(FOLDED, "Mã ma Mạ"), ["ma", "ma", "ma"]);
    }

    #[test]
    fn decomposed_text_and_either_tone_placement_give_the_same_words() {
        use unicode_normalization::UnicodeNormalization;
        let composed = "Hoà Bình thuỷ sản Cần Thơ";
        let decomposed: String = composed.nfd().collect();
        let old_style = "Hòa Bình thủy sản Cần Thơ";
        for analyzer in [EXACT, FOLDED] {
            let words = tokens(analyzer, composed);
            assert_eq!(tokens(analyzer, &decomposed), words, "{analyzer}");
            assert_eq!(tokens(analyzer, old_style), words, "{analyzer}");
            assert_eq!(words.len(), 6);
        }
        assert_eq!(
            tokens(FOLDED, &decomposed),
            ["hoa", "binh", "thuy", "san", "can", "tho"]
        );
    }

    #[test]
    fn english_only_changes_case() {
        assert_eq!(
            tokens(FOLDED, "E-commerce for SMEs"),
            ["e", "commerce", "for", "smes"]
        );
        assert_eq!(
            tokens(EXACT, "E-commerce for SMEs"),
            ["e", "commerce", "for", "smes"]
        );
    }

    #[test]
    fn very_long_tokens_are_dropped() {
        let blob = "x".repeat(200);
        assert_eq!(
            tokens(FOLDED, &format!("AI {blob} fintech")),
            ["ai", "fintech"]
        );
    }
}
