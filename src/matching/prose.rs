//! Preferences and skills stated in prose. Theses and bios say in
//! sentences what the structured fields leave out: "Chúng tôi ưu tiên
//! doanh nghiệp do phụ nữ làm chủ", "we favour ventures with a social
//! mission", "không đầu tư vào bất động sản", "tôi từng hỗ trợ nhiều doanh
//! nghiệp đăng ký bảo hộ sáng chế". [`Lexicon::read`] finds the startup
//! groups, sectors and mentorship topics such sentences name, in
//! Vietnamese or English, with or without diacritics, and whether each is
//! favoured or ruled out: a negation ("không", "chưa", "tránh", "ngoại
//! trừ", "not", "don't", "avoid", "except", ...) rules out what follows it
//! in its clause, up to "nhưng" / "but" or the end of the sentence.
//!
//! Groups and topics are the model's own closed vocabularies, so their
//! phrases are listed here; sectors are read by the names the deployment
//! gives them (Vietnamese, English and key), so a new sector is read as
//! soon as it exists.

use std::collections::HashMap;

use crate::model::text::nfc;
use crate::model::{StartupTag, Topic};

/// What a statement is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Subject {
    /// A group of startups (women-led, students, ...).
    Tag(StartupTag),
    /// A sector, by its index in the names the lexicon was built from.
    Sector(usize),
    /// A mentorship topic.
    Topic(Topic),
}

/// One thing a text states.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    pub subject: Subject,
    /// Favoured (or, for a topic, offered); false: ruled out.
    pub favoured: bool,
    /// The sentence that says it, as written (at most
    /// [`EVIDENCE_CHARS`] characters).
    pub evidence: String,
}

/// How much of a sentence a statement quotes.
pub const EVIDENCE_CHARS: usize = 200;

/// Phrases of the startup groups, folded (no diacritics, lower case).
const TAG_PHRASES: &[(StartupTag, &[&str])] = &[
    (
        StartupTag::WomenLed,
        &[
            "phu nu",
            "nu gioi",
            "nu doanh nhan",
            "nu sang lap",
            "nu lam chu",
            "nu chu doanh nghiep",
            "women",
            "woman",
            "female",
            "women led",
            "female founders",
        ],
    ),
    (
        StartupTag::Student,
        &["sinh vien", "hoc sinh", "student", "students", "campus"],
    ),
    (
        StartupTag::Youth,
        &[
            "thanh nien",
            "nguoi tre",
            "gioi tre",
            "ban tre",
            "youth",
            "young founders",
            "young entrepreneurs",
            "young people",
        ],
    ),
    (
        StartupTag::SocialImpact,
        &[
            "tac dong xa hoi",
            "khoi nghiep xa hoi",
            "doanh nghiep xa hoi",
            "su menh xa hoi",
            "gia tri xa hoi",
            "loi ich xa hoi",
            "van de xa hoi",
            "cong dong yeu the",
            "social impact",
            "social mission",
            "social enterprise",
            "social enterprises",
            "social good",
            "social purpose",
            "impact investing",
            "impact driven",
        ],
    ),
    (
        StartupTag::StEnterprise,
        &[
            "doanh nghiep khoa hoc va cong nghe",
            "doanh nghiep khoa hoc cong nghe",
            "doanh nghiep khcn",
            "science and technology enterprise",
            "science and technology enterprises",
            "deep tech",
            "deeptech",
        ],
    ),
];

/// Phrases of the mentorship topics, folded.
const TOPIC_PHRASES: &[(Topic, &[&str])] = &[
    (
        Topic::CreativeThinking,
        &[
            "tu duy sang tao",
            "design thinking",
            "creative thinking",
            "creativity",
        ],
    ),
    (
        Topic::IntellectualProperty,
        &[
            "so huu tri tue",
            "sang che",
            "bao ho",
            "nhan hieu",
            "intellectual property",
            "patent",
            "patents",
            "trademark",
            "trademarks",
        ],
    ),
    (
        Topic::BusinessManagement,
        &[
            "quan tri doanh nghiep",
            "quan ly doanh nghiep",
            "quan tri van hanh",
            "quan tri nhan su",
            "business management",
            "operations management",
            "leadership",
        ],
    ),
    (
        Topic::Marketing,
        &[
            "marketing",
            "tiep thi",
            "quang cao",
            "growth hacking",
            "advertising",
        ],
    ),
    (
        Topic::MarketResearch,
        &[
            "nghien cuu thi truong",
            "khao sat thi truong",
            "kiem dinh thi truong",
            "market research",
            "customer discovery",
            "customer interviews",
            "market validation",
        ],
    ),
    (
        Topic::BusinessModel,
        &[
            "mo hinh kinh doanh",
            "business model",
            "business models",
            "lean canvas",
            "unit economics",
        ],
    ),
    (
        Topic::Fundraising,
        &[
            "goi von",
            "huy dong von",
            "fundraising",
            "fundraise",
            "raise capital",
            "raising capital",
            "pitch deck",
            "investor readiness",
        ],
    ),
    (
        Topic::DigitalTransformation,
        &[
            "chuyen doi so",
            "so hoa",
            "digital transformation",
            "digitalisation",
            "digitalization",
        ],
    ),
    (
        Topic::Legal,
        &[
            "phap ly",
            "phap luat",
            "legal",
            "lawyer",
            "contracts",
            "compliance",
        ],
    ),
    (
        Topic::Tax,
        &[
            "ke toan",
            "tu van thue",
            "thue doanh nghiep",
            "chinh sach thue",
            "quyet toan thue",
            "tax",
            "taxes",
            "taxation",
            "accounting",
        ],
    ),
    (
        Topic::QualityStandards,
        &[
            "tieu chuan chat luong",
            "quan ly chat luong",
            "iso",
            "haccp",
            "vietgap",
            "globalgap",
            "quality standards",
            "quality management",
            "quality control",
            "quality assurance",
            "certification",
        ],
    ),
    (
        Topic::Ecommerce,
        &[
            "thuong mai dien tu",
            "ban hang online",
            "ban hang truc tuyen",
            "san thuong mai",
            "e commerce",
            "ecommerce",
            "online sales",
            "marketplaces",
        ],
    ),
    (
        Topic::Branding,
        &[
            "thuong hieu",
            "branding",
            "brand strategy",
            "brand building",
        ],
    ),
    (
        Topic::TechnologyTransfer,
        &[
            "chuyen giao cong nghe",
            "thuong mai hoa ket qua nghien cuu",
            "technology transfer",
            "tech transfer",
            "licensing",
            "spin off",
            "spin offs",
        ],
    ),
    (
        Topic::ProductDevelopment,
        &[
            "phat trien san pham",
            "thiet ke san pham",
            "san pham mau",
            "product development",
            "product management",
            "prototype",
            "prototyping",
            "mvp",
        ],
    ),
    (
        Topic::InternationalExpansion,
        &[
            "mo rong ra quoc te",
            "thi truong quoc te",
            "thi truong nuoc ngoai",
            "xuat khau",
            "international expansion",
            "exporting",
            "overseas markets",
            "global markets",
            "go global",
        ],
    ),
];

/// Words (folded) after which what follows in the clause is ruled out.
const NEGATIONS: &[&[&str]] = &[
    &["khong"],
    &["chua"],
    &["chang"],
    &["tranh"],
    &["ngoai", "tru"],
    &["loai", "tru"],
    &["tu", "choi"],
    &["not"],
    &["no"],
    &["never"],
    &["avoid"],
    &["avoids"],
    &["exclude"],
    &["excludes"],
    &["excluding"],
    &["except"],
    &["don", "t"],
    &["doesn", "t"],
    &["won", "t"],
    &["dont"],
    &["nor"],
    &["without"],
    &["stay", "away"],
    &["steer", "clear"],
];

/// Words a negation word is part of, not a negation: "không gian"
/// (space), "hàng không" (aviation), "không chỉ ... mà còn" (not only ...
/// but also), "not only"; without diacritics, "canh tranh" (competition),
/// "chang duong" (a journey).
fn not_a_negation(words: &[String], at: usize) -> bool {
    let next = words.get(at + 1).map(String::as_str);
    let before = at.checked_sub(1).map(|i| words[i].as_str());
    matches!(
        (words[at].as_str(), before, next),
        ("khong", _, Some("gian" | "chi" | "ngung" | "dung"))
            | ("khong", Some("hang"), _)
            | ("not", _, Some("only"))
            | ("no", _, Some("matter"))
            | ("chua", _, Some("bao"))
            | ("tranh", Some("canh" | "chien" | "dau" | "luan"), _)
            | ("chang", _, Some("duong" | "cuoi" | "dau"))
    )
}

/// Negation words as Vietnamese writes them with diacritics. Folded, other
/// words read the same ("cạnh tranh": competition, "chặng": a leg of a
/// journey, "chứa": contains, "nợ": debt), so a word written with
/// diacritics negates only when written as one of these.
const NEGATIONS_WRITTEN: &[&str] = &["không", "chưa", "chẳng", "tránh", "ngoại", "loại", "từ"];

/// Whether `word`, a negation once folded, was written as one: without
/// diacritics (nothing tells), or with a negation's own.
fn written_as_negation(word: &Written) -> bool {
    word.lower == word.folded || NEGATIONS_WRITTEN.contains(&word.lower.as_str())
}

/// Words (folded) that end a negation's reach: "nhưng", "but", "tuy
/// nhiên", "however", "mà" (as in "không ... mà ..."), "instead".
fn ends_clause(word: &str) -> bool {
    matches!(
        word,
        "nhung" | "but" | "however" | "tuy" | "instead" | "rather" | "ma" | "whereas"
    )
}

/// Text folded for matching: composed, diacritics removed (đ → d), lower
/// case.
pub fn fold(text: &str) -> String {
    deunicode::deunicode(&nfc(text)).to_lowercase()
}

fn words_of(folded: &str) -> Vec<String> {
    folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// The phrases a text is read for, by their first word.
#[derive(Debug, Default, Clone)]
pub struct Lexicon {
    by_first: HashMap<String, Vec<Phrase>>,
}

/// A phrase and what it names.
#[derive(Debug, Clone, PartialEq)]
struct Phrase {
    words: Vec<String>,
    subject: Subject,
    /// Read only where written in capitals: a sector named by a word of
    /// two or three letters ("AI", "IT") that is also an everyday word
    /// ("ai": who, "it").
    capitals: bool,
}

/// Sector names end with these words often enough that the rest alone
/// names the sector too ("Nông nghiệp công nghệ cao" is also "nông
/// nghiệp").
const GENERIC_ENDINGS: &[&[&str]] = &[
    &["cong", "nghe", "cao"],
    &["cong", "nghe"],
    &["so"],
    &["tech"],
    &["technology"],
    &["technologies"],
];

impl Lexicon {
    /// A lexicon of the groups and topics, and of `sectors` as
    /// `(key, Vietnamese name, English name)`.
    pub fn new(sectors: &[(String, String, String)]) -> Lexicon {
        let mut lexicon = Lexicon::default();
        for (tag, phrases) in TAG_PHRASES {
            for p in *phrases {
                lexicon.add(p, Subject::Tag(*tag));
            }
        }
        for (topic, phrases) in TOPIC_PHRASES {
            for p in *phrases {
                lexicon.add(p, Subject::Topic(*topic));
            }
        }
        for (n, (key, vi, en)) in sectors.iter().enumerate() {
            for name in [key.replace('-', " "), fold(vi), fold(en)] {
                let words = words_of(&name);
                if words.is_empty() {
                    continue;
                }
                lexicon.add_words(words.clone(), Subject::Sector(n));
                for ending in GENERIC_ENDINGS {
                    if words.len() > ending.len() + 1 && words.ends_with_str(ending) {
                        lexicon.add_words(
                            words[..words.len() - ending.len()].to_vec(),
                            Subject::Sector(n),
                        );
                    }
                }
            }
        }
        for list in lexicon.by_first.values_mut() {
            // Longest phrases first: "doanh nghiệp xã hội" before "xã hội".
            list.sort_by_key(|p| std::cmp::Reverse(p.words.len()));
            list.dedup();
        }
        lexicon
    }

    fn add(&mut self, phrase: &str, subject: Subject) {
        self.add_words(words_of(phrase), subject);
    }

    fn add_words(&mut self, words: Vec<String>, subject: Subject) {
        let capitals = matches!(subject, Subject::Sector(_))
            && matches!(words.as_slice(), [word] if word.len() <= 3);
        if let Some(first) = words.first() {
            self.by_first
                .entry(first.clone())
                .or_default()
                .push(Phrase {
                    words,
                    subject,
                    capitals,
                });
        }
    }

    /// What `text` states, each subject once (its first statement), in the
    /// order stated.
    pub fn read(&self, text: &str) -> Vec<Statement> {
        self.scan(text, false)
    }

    /// The mentorship topics a founder asks for in `text`: those named
    /// after a request ("cần hỗ trợ", "đang tìm", "need help with",
    /// "looking for", ...) in the same clause, not negated ("không cần hỗ
    /// trợ pháp lý" asks for nothing). A topic merely named ("nền tảng gọi
    /// vốn cộng đồng") describes the product, not a need.
    pub fn needs(&self, text: &str) -> Vec<Topic> {
        self.scan(text, true)
            .into_iter()
            .filter_map(|s| match s.subject {
                Subject::Topic(t) if s.favoured => Some(t),
                _ => None,
            })
            .collect()
    }

    /// [`Lexicon::read`]; `asking`: only what follows a request in its
    /// clause.
    fn scan(&self, text: &str, asking: bool) -> Vec<Statement> {
        let mut out: Vec<Statement> = Vec::new();
        for sentence in sentences(text) {
            let written = words_in(sentence);
            let words: Vec<String> = written.iter().map(|w| w.folded.clone()).collect();
            let mut negated = false;
            // Where the last negation ended, and whether anything has been
            // named since the last request.
            let mut negation_end = usize::MAX;
            let mut asked = false;
            let mut named = false;
            let mut at = 0;
            while at < words.len() {
                let word = &words[at];
                if ends_clause(word) {
                    negated = false;
                    asked = false;
                    at += 1;
                    continue;
                }
                if let Some(len) = negation_at(&words, &written, at) {
                    negated = true;
                    negation_end = at + len;
                    at += len;
                    continue;
                }
                // "ưu tiên", "we favour" after a negation of something else
                // ("không giới hạn lĩnh vực, ưu tiên ...") ends it, but not
                // right after it ("không ưu tiên ...").
                if let Some(len) = phrase_at(&words, at, FAVOURING) {
                    if at != negation_end {
                        negated = false;
                    }
                    at += len;
                    continue;
                }
                if asked && named && states_a_purpose(&words, at) {
                    asked = false;
                    at += 1;
                    continue;
                }
                if let Some(len) = phrase_at(&words, at, REQUESTS) {
                    asked = true;
                    named = false;
                    at += len;
                    continue;
                }
                let found: Vec<&Phrase> = self.by_first.get(word).map_or(vec![], |list| {
                    list.iter()
                        .filter(|p| {
                            words[at..].starts_with(&p.words)
                                && (!p.capitals || written[at].capitals)
                        })
                        .collect()
                });
                let Some(longest) = found.first().map(|p| p.words.len()) else {
                    at += 1;
                    continue;
                };
                // A phrase may name several things ("thương mại điện tử":
                // a sector and a topic): each is stated.
                for phrase in found.iter().take_while(|p| p.words.len() == longest) {
                    if (asked || !asking) && !out.iter().any(|s| s.subject == phrase.subject) {
                        out.push(Statement {
                            subject: phrase.subject,
                            favoured: !negated,
                            evidence: sentence.trim().chars().take(EVIDENCE_CHARS).collect(),
                        });
                    }
                }
                named = true;
                at += longest;
            }
        }
        out
    }
}

/// Words (folded) that state a preference: after them, a negation of
/// something else no longer reaches.
const FAVOURING: &[&[&str]] = &[
    &["uu", "tien"],
    &["tap", "trung"],
    &["chu", "trong"],
    &["dac", "biet"],
    &["quan", "tam"],
    &["huong", "toi"],
    &["favour"],
    &["favours"],
    &["favor"],
    &["favors"],
    &["prefer"],
    &["prefers"],
    &["preferably"],
    &["prioritise"],
    &["prioritize"],
    &["priority"],
    &["focus"],
    &["focuses"],
    &["focused"],
    &["especially"],
    &["welcome"],
    &["we", "back"],
    &["we", "invest", "in"],
];

/// A text's sentences: split at `. ! ? ;`, line ends and bullets, but not
/// at a point between digits ("4.0", "1.5 tỷ").
fn sentences(text: &str) -> impl Iterator<Item = &str> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut cuts = vec![0];
    for (n, (i, c)) in chars.iter().enumerate() {
        let between_digits = *c == '.'
            && n > 0
            && chars[n - 1].1.is_ascii_digit()
            && chars.get(n + 1).is_some_and(|(_, c)| c.is_ascii_digit());
        if matches!(c, '.' | '!' | '?' | ';' | '\n' | '•') && !between_digits {
            cuts.push(*i);
            cuts.push(i + c.len_utf8());
        }
    }
    cuts.push(text.len());
    cuts.chunks(2)
        .map(|pair| &text[pair[0]..pair[1]])
        .filter(|s| !s.trim().is_empty())
        .collect::<Vec<_>>()
        .into_iter()
}

/// A word of a sentence: folded for matching, as written (lower case), and
/// whether it was written in capitals.
struct Written {
    folded: String,
    lower: String,
    capitals: bool,
}

/// A sentence's words, each folded with what it was written as (a word
/// folding to several, as "ǆ" might, repeats it).
fn words_in(sentence: &str) -> Vec<Written> {
    let mut out = Vec::new();
    for raw in nfc(sentence)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let lower = raw.to_lowercase();
        let capitals = raw.chars().any(char::is_alphabetic) && !raw.chars().any(char::is_lowercase);
        for folded in words_of(&deunicode::deunicode(&lower).to_lowercase()) {
            out.push(Written {
                folded,
                lower: lower.clone(),
                capitals,
            });
        }
    }
    out
}

/// Words (folded) with which a founder asks for help: what follows in the
/// clause is wanted. Only phrases that ask for oneself: "cần", "need" or
/// "tìm kiếm" alone as often describe what a product does for its users.
const REQUESTS: &[&[&str]] = &[
    &["can", "ho", "tro"],
    &["can", "su", "ho", "tro"],
    &["can", "tu", "van"],
    &["can", "co", "van"],
    &["can", "mentor"],
    &["can", "chuyen", "gia"],
    &["can", "nguoi", "huong", "dan"],
    &["can", "duoc", "ho", "tro"],
    &["can", "duoc", "tu", "van"],
    &["can", "duoc", "huong", "dan"],
    &["mong", "muon", "duoc"],
    &["mong", "duoc"],
    &["mong", "nhan"],
    &["nho", "ho", "tro"],
    &["chung", "toi", "can"],
    &["chung", "toi", "dang", "tim"],
    &["we", "need"],
    &["we", "are", "looking", "for"],
    &["we", "re", "looking", "for"],
    &["we", "seek"],
    &["we", "are", "seeking"],
    &["we", "lack"],
    &["we", "struggle", "with"],
    &["need", "help"],
    &["need", "support"],
    &["need", "advice"],
    &["need", "guidance"],
    &["seeking", "advice"],
    &["seeking", "support"],
    &["seeking", "guidance"],
    &["seeking", "mentorship"],
    &["looking", "for", "mentors"],
    &["looking", "for", "a", "mentor"],
    &["looking", "for", "advice"],
    &["looking", "for", "support"],
    &["want", "help"],
    &["would", "like", "help"],
    &["would", "like", "support"],
    &["would", "like", "advice"],
];

/// Whether a request's reach ends at `at`, once it has named something:
/// what follows says what the help is for ("cần hỗ trợ pháp lý để mở rộng
/// ra thị trường quốc tế" asks for legal help, not for international
/// expansion; "we need help to raise capital" asks for fundraising). "đề" in "vấn đề", "chủ
/// đề" (issue, topic) folds to the same word and does not end it.
fn states_a_purpose(words: &[String], at: usize) -> bool {
    let before = at.checked_sub(1).map(|i| words[i].as_str());
    match words[at].as_str() {
        "de" => !matches!(before, Some("van" | "chu")),
        "nham" | "to" | "because" => true,
        _ => false,
    }
}

/// The length of the phrase of `phrases` starting at `at`, if one does.
fn phrase_at(words: &[String], at: usize, phrases: &[&[&str]]) -> Option<usize> {
    phrases
        .iter()
        .find(|p| words[at..].starts_with_str(p))
        .map(|p| p.len())
}

/// The length of the negation starting at `at`, if one does.
fn negation_at(words: &[String], written: &[Written], at: usize) -> Option<usize> {
    if not_a_negation(words, at) || !written_as_negation(&written[at]) {
        return None;
    }
    phrase_at(words, at, NEGATIONS)
}

trait StartsWithStr {
    fn starts_with_str(&self, words: &[&str]) -> bool;
    fn ends_with_str(&self, words: &[&str]) -> bool;
}

impl StartsWithStr for [String] {
    fn starts_with_str(&self, words: &[&str]) -> bool {
        self.len() >= words.len() && self.iter().zip(words).all(|(a, b)| a == b)
    }
    fn ends_with_str(&self, words: &[&str]) -> bool {
        self.len() >= words.len() && self[self.len() - words.len()..].starts_with_str(words)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lexicon() -> Lexicon {
        Lexicon::new(&[
            (
                "agritech".into(),
                "Nông nghiệp công nghệ cao".into(),
                "Agritech".into(),
            ),
            (
                "real-estate".into(),
                "Bất động sản".into(),
                "Real estate".into(),
            ),
            ("fintech".into(), "Tài chính số".into(), "Fintech".into()),
            ("ai".into(), "Trí tuệ nhân tạo".into(), "AI".into()),
            ("it".into(), "Công nghệ thông tin".into(), "IT".into()),
            (
                "ecommerce".into(),
                "Thương mại điện tử".into(),
                "E-commerce".into(),
            ),
        ])
    }

    fn said(text: &str) -> Vec<(Subject, bool)> {
        lexicon()
            .read(text)
            .into_iter()
            .map(|s| (s.subject, s.favoured))
            .collect()
    }

    #[test]
    fn statements_in_either_language_with_or_without_diacritics() {
        use StartupTag::*;
        let cases: &[(&str, &[(Subject, bool)])] = &[
            (
                "Chúng tôi ưu tiên doanh nghiệp do phụ nữ làm chủ.",
                &[(Subject::Tag(WomenLed), true)],
            ),
            (
                "Chung toi uu tien doanh nghiep do phu nu lam chu",
                &[(Subject::Tag(WomenLed), true)],
            ),
            (
                "We favour ventures with a social mission.",
                &[(Subject::Tag(SocialImpact), true)],
            ),
            (
                "Không đầu tư vào bất động sản.",
                &[(Subject::Sector(1), false)],
            ),
            (
                "We don't back real estate or gambling, but we love agritech.",
                &[(Subject::Sector(1), false), (Subject::Sector(0), true)],
            ),
            (
                "Tôi từng hỗ trợ nhiều doanh nghiệp đăng ký bảo hộ sáng chế",
                &[(Subject::Topic(Topic::IntellectualProperty), true)],
            ),
            (
                "Quỹ tập trung vào nông nghiệp và tài chính số",
                &[(Subject::Sector(0), true), (Subject::Sector(2), true)],
            ),
            (
                "ưu tiên các nhóm khởi nghiệp sinh viên; không đầu tư vào startup ngoài lĩnh vực",
                &[(Subject::Tag(Student), true)],
            ),
            (
                "Không chỉ nông nghiệp mà còn fintech",
                &[(Subject::Sector(0), true), (Subject::Sector(2), true)],
            ),
            (
                "Không gian làm việc chung cho sinh viên",
                &[(Subject::Tag(Student), true)],
            ),
            (
                "I help founders prepare for their first fundraise",
                &[(Subject::Topic(Topic::Fundraising), true)],
            ),
            (
                "We avoid deep tech and do not invest in companies without revenue",
                &[(Subject::Tag(StEnterprise), false)],
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(&said(text), expected, "{text}");
        }
    }

    #[test]
    fn needs_are_what_founders_ask_for() {
        use Topic::*;
        let cases: &[(&str, &[Topic])] = &[
            (
                "Chúng tôi cần hỗ trợ về pháp lý và gọi vốn.",
                &[Legal, Fundraising],
            ),
            (
                "Chung toi can ho tro ve phap ly va goi von",
                &[Legal, Fundraising],
            ),
            (
                "We need help with fundraising and patents.",
                &[Fundraising, IntellectualProperty],
            ),
            (
                "We are looking for advice on international expansion",
                &[InternationalExpansion],
            ),
            // Named, not asked for: what the product does.
            ("Nền tảng gọi vốn cộng đồng cho nông dân.", &[]),
            ("A marketplace that helps exporters file patents", &[]),
            // Not needed, or asked for only before "but".
            ("Chúng tôi không cần hỗ trợ pháp lý.", &[]),
            (
                "We need help with fundraising, but patents are handled",
                &[Fundraising],
            ),
            // What the help is for is not asked for.
            (
                "Chúng tôi cần hỗ trợ về vấn đề pháp lý để xuất khẩu",
                &[Legal],
            ),
            (
                "We need help with patents to reach overseas markets",
                &[IntellectualProperty],
            ),
            ("We need help to raise capital", &[Fundraising]),
            (
                "Chúng tôi cần hỗ trợ marketing số và gọi vốn",
                &[Marketing, Fundraising],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(&lexicon().needs(text), want, "{text}");
        }
    }

    /// Sentences that read wrongly before: a negation reached past what
    /// the sentence went on to favour, words that fold to a negation
    /// negated, everyday words named sectors, a phrase naming a sector and
    /// a topic named only the topic, and "4.0" split a sentence.
    #[test]
    fn what_is_not_a_negation_or_a_sector() {
        use StartupTag::*;
        let (agritech, real_estate, fintech, ai, ecommerce) = (
            Subject::Sector(0),
            Subject::Sector(1),
            Subject::Sector(2),
            Subject::Sector(3),
            Subject::Sector(5),
        );
        let cases: &[(&str, &[(Subject, bool)])] = &[
            (
                "Không giới hạn lĩnh vực, ưu tiên nông nghiệp",
                &[(agritech, true)],
            ),
            (
                "Khong yeu cau doanh thu, uu tien doanh nghiep do phu nu lam chu",
                &[(Subject::Tag(WomenLed), true)],
            ),
            ("Không ưu tiên bất động sản", &[(real_estate, false)]),
            (
                "Lợi thế cạnh tranh, ưu tiên doanh nghiệp do phụ nữ làm chủ",
                &[(Subject::Tag(WomenLed), true)],
            ),
            (
                "Loi the canh tranh cho phu nu khoi nghiep",
                &[(Subject::Tag(WomenLed), true)],
            ),
            ("Giao hàng chặng cuối cho nông nghiệp", &[(agritech, true)]),
            ("Nợ xấu thấp nhờ tài chính số", &[(fintech, true)]),
            ("Chúng tôi đầu tư vào AI", &[(ai, true)]),
            ("Bất kỳ ai cũng có thể nộp hồ sơ", &[]),
            ("We don't back crypto because it is volatile", &[]),
            (
                "Không đầu tư thương mại điện tử",
                &[
                    (Subject::Topic(Topic::Ecommerce), false),
                    (ecommerce, false),
                ],
            ),
            (
                "Công nghiệp 4.0 không phải bất động sản",
                &[(real_estate, false)],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(&said(text), want, "{text}");
        }
    }

    #[test]
    fn decomposed_text_and_either_tone_placement_read_the_same() {
        use unicode_normalization::UnicodeNormalization;
        let composed = "Chúng tôi không đầu tư vào bất động sản, ưu tiên khởi nghiệp xã hội";
        let decomposed: String = composed.nfd().collect();
        assert_eq!(said(composed), said(&decomposed));
        assert_eq!(
            said(composed),
            [
                (Subject::Sector(1), false),
                (Subject::Tag(StartupTag::SocialImpact), true)
            ]
        );
        assert_eq!(
            said("hỗ trợ thuế và hoà vốn"),
            said("hỗ trợ thuế và hòa vốn")
        );
    }

    #[test]
    fn evidence_quotes_the_sentence() {
        let read = lexicon().read("Quỹ đầu tư sớm. Chúng tôi ưu tiên phụ nữ khởi nghiệp! Khác.");
        assert_eq!(read.len(), 1);
        assert_eq!(read[0].evidence, "Chúng tôi ưu tiên phụ nữ khởi nghiệp");
    }
}
