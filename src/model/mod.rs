//! The domain model: the entities of a startup ecosystem and the rules that
//! belong to them alone (validation of a draft, eligibility for support).
//!
//! The model is plain data. The store turns it into rows, the GraphQL layer
//! into objects, and the data-file format (see [`crate::datafile`]) into lines.
//! The fixed vocabularies (stages, tags, topics, kinds) are Rust enums that also
//! derive `async_graphql::Enum`, so that one list of values, with one set of
//! descriptions, is the contract for the API, the data files and the database.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

mod check;
mod drafts;
pub mod text;

pub use check::*;
pub use drafts::*;

/// A fixed vocabulary: every value, its wire name, and a bit for storing sets.
pub trait Vocabulary: Copy + Eq + 'static {
    /// Every value, in declaration order.
    const ALL: &'static [Self];
    /// The value's name as written in GraphQL, data files and the database.
    fn as_str(self) -> &'static str;
    /// The position of the value in [`Vocabulary::ALL`].
    fn index(self) -> u32;
}

/// Encodes a set of vocabulary values as a bit mask (how the store keeps them).
pub fn mask_of<T: Vocabulary>(values: &[T]) -> i64 {
    values.iter().fold(0, |mask, v| mask | (1_i64 << v.index()))
}

/// Decodes a bit mask written by [`mask_of`]; unknown bits are ignored.
pub fn from_mask<T: Vocabulary>(mask: i64) -> Vec<T> {
    T::ALL
        .iter()
        .copied()
        .filter(|v| mask & (1_i64 << v.index()) != 0)
        .collect()
}

/// Parses a vocabulary value from its wire name.
pub fn parse_vocabulary<T: Vocabulary>(text: &str) -> Option<T> {
    T::ALL.iter().copied().find(|v| v.as_str() == text)
}

macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal,)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, async_graphql::Enum)]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $text)] #[graphql(name = $text)] $variant,)+
        }

        impl Vocabulary for $name {
            const ALL: &'static [Self] = &[$($name::$variant),+];
            fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
            fn index(self) -> u32 {
                self as u32
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $name {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, String> {
                parse_vocabulary(s).ok_or_else(|| {
                    let all: Vec<&str> = Self::ALL.iter().map(|v| v.as_str()).collect();
                    format!("unknown value `{s}`, expected one of {}", all.join(", "))
                })
            }
        }
    };
}

// After the macro: programmes declare vocabularies of their own.
mod programme;
pub use programme::*;
mod plan;
pub use plan::*;

vocabulary! {
    /// The kind of a support organisation (tổ chức hỗ trợ khởi nghiệp).
    OrganizationKind {
        /// Business incubator (cơ sở ươm tạo).
        Incubator = "INCUBATOR",
        /// Accelerator or business promotion organisation (tổ chức thúc đẩy kinh doanh).
        Accelerator = "ACCELERATOR",
        /// Co-working space (không gian làm việc chung).
        Coworking = "COWORKING",
        /// Startup club (câu lạc bộ khởi nghiệp).
        StartupClub = "STARTUP_CLUB",
        /// University startup or innovation centre.
        UniversityCenter = "UNIVERSITY_CENTER",
        /// Provincial or city startup support centre.
        SupportCenter = "SUPPORT_CENTER",
        /// Technology-transfer office (TTO).
        TechTransferOffice = "TECH_TRANSFER_OFFICE",
        /// Government agency, such as a Department of Science and Technology.
        GovernmentAgency = "GOVERNMENT_AGENCY",
    }
}

vocabulary! {
    /// The kind of an investor (nhà đầu tư).
    InvestorKind {
        /// Angel investor (nhà đầu tư thiên thần).
        Angel = "ANGEL",
        /// Venture capital fund (quỹ đầu tư mạo hiểm).
        VcFund = "VC_FUND",
        /// Corporate investor or corporate venture arm.
        Corporate = "CORPORATE",
        /// Public fund, such as the National Technology Innovation Fund.
        PublicFund = "PUBLIC_FUND",
        /// Accelerator that invests in its cohorts.
        Accelerator = "ACCELERATOR",
    }
}

vocabulary! {
    /// The kind of an ecosystem event.
    EventKind {
        /// Festival such as Techfest.
        Festival = "FESTIVAL",
        /// Competition or award (e.g. Mekong Startup Runway, I-Star).
        Competition = "COMPETITION",
        /// Pitching session or pitching practice (trải nghiệm gọi vốn).
        Pitching = "PITCHING",
        /// Workshop.
        Workshop = "WORKSHOP",
        /// Training course.
        Training = "TRAINING",
        /// Networking session (e.g. Cà phê công nghệ).
        Networking = "NETWORKING",
        /// Conference or dialogue.
        Conference = "CONFERENCE",
        /// Fair or exhibition (e.g. Techmart).
        Fair = "FAIR",
        /// Study tour (hành trình khởi nghiệp).
        StudyTour = "STUDY_TOUR",
    }
}

vocabulary! {
    /// A startup's stage of development; also the stage an investment round financed.
    Stage {
        /// An idea being incubated (ươm tạo ý tưởng).
        Idea = "IDEA",
        /// A minimum viable product exists.
        Mvp = "MVP",
        /// Seed stage: first customers, first outside money.
        Seed = "SEED",
        /// Series A: scaling a proven model.
        SeriesA = "SERIES_A",
        /// Growth: expansion, M&A or public offering.
        Growth = "GROWTH",
    }
}

vocabulary! {
    /// A group the plans single out for support.
    StartupTag {
        /// Founded by pupils or students (học sinh, sinh viên).
        Student = "STUDENT",
        /// Led by women (phụ nữ khởi nghiệp).
        WomenLed = "WOMEN_LED",
        /// Founded by young people.
        Youth = "YOUTH",
        /// A social-impact startup (khởi nghiệp xã hội).
        SocialImpact = "SOCIAL_IMPACT",
        /// A certified science and technology enterprise (doanh nghiệp khoa học và công nghệ).
        StEnterprise = "ST_ENTERPRISE",
    }
}

vocabulary! {
    /// A mentorship topic: what a startup needs and what a mentor offers.
    Topic {
        /// Creative thinking (tư duy sáng tạo).
        CreativeThinking = "CREATIVE_THINKING",
        /// Exploiting intellectual property (sở hữu trí tuệ).
        IntellectualProperty = "INTELLECTUAL_PROPERTY",
        /// Business management (quản trị doanh nghiệp).
        BusinessManagement = "BUSINESS_MANAGEMENT",
        /// Marketing.
        Marketing = "MARKETING",
        /// Market research and testing (nghiên cứu thị trường).
        MarketResearch = "MARKET_RESEARCH",
        /// Business model (mô hình kinh doanh).
        BusinessModel = "BUSINESS_MODEL",
        /// Fundraising (kỹ năng gọi vốn).
        Fundraising = "FUNDRAISING",
        /// Digital transformation (chuyển đổi số).
        DigitalTransformation = "DIGITAL_TRANSFORMATION",
        /// Legal procedures (thủ tục pháp lý).
        Legal = "LEGAL",
        /// Tax (thuế).
        Tax = "TAX",
        /// Quality and productivity standards (tiêu chuẩn chất lượng).
        QualityStandards = "QUALITY_STANDARDS",
        /// E-commerce (thương mại điện tử).
        Ecommerce = "ECOMMERCE",
        /// Branding (thương hiệu).
        Branding = "BRANDING",
        /// Technology transfer (chuyển giao công nghệ).
        TechnologyTransfer = "TECHNOLOGY_TRANSFER",
        /// Product development (phát triển sản phẩm).
        ProductDevelopment = "PRODUCT_DEVELOPMENT",
        /// International expansion (mở rộng ra quốc tế).
        InternationalExpansion = "INTERNATIONAL_EXPANSION",
    }
}

vocabulary! {
    /// A currency for money amounts.
    Currency {
        /// Vietnamese đồng (no minor unit).
        Vnd = "VND",
        /// United States dollar.
        Usd = "USD",
    }
}

/// An amount of money in whole units of its currency.
///
/// Amounts are integers: VND has no minor unit, and the plans' figures in USD
/// are whole dollars. In data files and GraphQL the amount is a decimal string,
/// because VND amounts exceed 32-bit (and JavaScript-safe) integers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Money {
    /// Whole units, never negative.
    #[serde(with = "amount_as_string")]
    pub amount: i64,
    /// The currency.
    pub currency: Currency,
}

impl Money {
    /// The amount converted to VND at the fixed planning rate, for comparisons
    /// across currencies (1 USD ≈ 25,000 VND, as the domain notes state).
    pub fn in_vnd(&self) -> i128 {
        match self.currency {
            Currency::Vnd => self.amount as i128,
            Currency::Usd => self.amount as i128 * USD_TO_VND as i128,
        }
    }
}

/// The planning exchange rate used to compare USD with VND amounts.
pub const USD_TO_VND: i64 = 25_000;

/// Serializes an amount as a decimal string and accepts a string or an integer.
pub mod amount_as_string {
    use serde::{Deserialize, Deserializer, Serializer, de};

    pub fn serialize<S: Serializer>(amount: &i64, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(amount)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Int(i64),
            Text(String),
        }
        match Raw::deserialize(d)? {
            Raw::Int(n) => Ok(n),
            Raw::Text(s) => super::parse_amount(&s).map_err(de::Error::custom),
        }
    }
}

/// [`amount_as_string`] for an optional amount (absent or null: none).
pub mod option_amount_as_string {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(amount: &Option<i64>, s: S) -> Result<S::Ok, S::Error> {
        match amount {
            Some(a) => s.collect_str(a),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
        #[derive(Deserialize)]
        struct Wrap(#[serde(with = "super::amount_as_string")] i64);
        Ok(Option::<Wrap>::deserialize(d)?.map(|w| w.0))
    }
}

/// Parses a non-negative whole amount written in decimal digits.
pub fn parse_amount(text: &str) -> Result<i64, String> {
    let text = text.trim();
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!(
            "`{text}` is not a whole amount: write decimal digits only, like \"5000000000\""
        ));
    }
    text.parse::<i64>()
        .map_err(|_| format!("`{text}` is too large for an amount"))
}

/// A sector of the economy (lĩnh vực), e.g. agritech.
#[derive(Debug, Clone, PartialEq)]
pub struct Sector {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub name_en: String,
}

/// A province or centrally-run city (tỉnh / thành phố).
#[derive(Debug, Clone, PartialEq)]
pub struct Province {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub region: String,
}

/// Contact details, private to the profile's owner and the operator.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Contact {
    pub email: Option<String>,
    pub phone: Option<String>,
}

/// A support organisation.
#[derive(Debug, Clone, PartialEq)]
pub struct Organization {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub kind: OrganizationKind,
    pub province_id: Option<i64>,
    pub description: String,
    pub website: Option<String>,
    pub contact: Contact,
    /// The user who may change it (null: curated by the operator).
    pub owner_id: Option<i64>,
    /// When it was founded.
    pub established_on: Option<NaiveDate>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A startup project or company.
#[derive(Debug, Clone, PartialEq)]
pub struct Startup {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub tagline: String,
    pub description: String,
    pub stage: Stage,
    pub province_id: Option<i64>,
    pub organization_id: Option<i64>,
    pub founded_on: Option<NaiveDate>,
    pub team_size: Option<i32>,
    pub tags: Vec<StartupTag>,
    pub needs: Vec<Topic>,
    pub seeking: Option<Money>,
    pub website: Option<String>,
    pub contact: Contact,
    pub sector_ids: Vec<i64>,
    /// The user who may change it (null: curated by the operator).
    pub owner_id: Option<i64>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// How long a startup may have operated and still be supported: the plans
/// support startups "operating no more than 5 years since the first business
/// registration certificate".
pub const SUPPORT_WINDOW_YEARS: i32 = 5;

/// The earliest founding date that is still eligible for support on `as_of`.
pub fn earliest_eligible_founding(as_of: NaiveDate) -> NaiveDate {
    let year = as_of.year() - SUPPORT_WINDOW_YEARS;
    // 29 February has no twin five years earlier: use 28 February. Dates at
    // the edge of the calendar have no earlier twin at all.
    as_of
        .with_year(year)
        .or_else(|| NaiveDate::from_ymd_opt(year, as_of.month(), 28))
        .unwrap_or(NaiveDate::MIN)
}

/// The years a date or time may fall in, everywhere: the plans' world, and
/// a range both databases store and sort the same way.
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=9999;

impl Startup {
    /// Whether the plans' support rule holds on `as_of`: no founding date
    /// (a project not yet registered) or founded at most five years earlier.
    pub fn is_eligible_for_support(&self, as_of: NaiveDate) -> bool {
        match self.founded_on {
            None => true,
            Some(founded) => founded <= as_of && founded >= earliest_eligible_founding(as_of),
        }
    }
}

/// An investor: angel, fund, corporate, public fund or accelerator.
#[derive(Debug, Clone, PartialEq)]
pub struct Investor {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub kind: InvestorKind,
    pub thesis: String,
    pub stages: Vec<Stage>,
    pub ticket_min: Option<Money>,
    pub ticket_max: Option<Money>,
    pub active: bool,
    pub website: Option<String>,
    pub contact: Contact,
    pub sector_ids: Vec<i64>,
    /// Provinces the investor invests in; empty means nationwide.
    pub province_ids: Vec<i64>,
    /// The user who may change it (null: curated by the operator).
    pub owner_id: Option<i64>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A mentor, coach or expert.
#[derive(Debug, Clone, PartialEq)]
pub struct Mentor {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub headline: String,
    pub bio: String,
    pub expertise: Vec<Topic>,
    /// ISO 639-1 codes, such as `vi` and `en`.
    pub languages: Vec<String>,
    pub province_id: Option<i64>,
    pub capacity: i32,
    pub website: Option<String>,
    pub contact: Contact,
    pub sector_ids: Vec<i64>,
    /// The user who may change it (null: curated by the operator).
    pub owner_id: Option<i64>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// An event or programme session.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub id: i64,
    pub slug: String,
    pub title: String,
    pub kind: EventKind,
    pub description: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: Option<DateTime<Utc>>,
    pub province_id: Option<i64>,
    pub organizer_id: Option<i64>,
    pub website: Option<String>,
    pub sector_ids: Vec<i64>,
    pub scope: EventScope,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

vocabulary! {
    /// What a user is: each account has exactly one role.
    Role {
        /// The operator (a province's Department of Science and Technology):
        /// curates data, may change everything.
        Admin = "ADMIN",
        /// A founder: owns startup profiles.
        Startup = "STARTUP",
        /// Owns one investor profile; sees what startups are raising.
        Investor = "INVESTOR",
        /// Owns one mentor profile.
        Mentor = "MENTOR",
    }
}

vocabulary! {
    /// Where an introduction stands.
    IntroductionStatus {
        /// Waiting for the recipient.
        Pending = "PENDING",
        /// The recipient accepted: both sides see each other's contact details.
        Accepted = "ACCEPTED",
        /// The recipient declined; the same pair may ask again after 90 days.
        Declined = "DECLINED",
        /// The startup took the request back.
        Withdrawn = "WITHDRAWN",
    }
}

vocabulary! {
    /// A step in an introduction's audit trail.
    IntroductionAction {
        /// The startup asked.
        Requested = "REQUESTED",
        /// The recipient accepted.
        Accepted = "ACCEPTED",
        /// The recipient declined.
        Declined = "DECLINED",
        /// The startup withdrew the request.
        Withdrawn = "WITHDRAWN",
    }
}

vocabulary! {
    /// A user's verdict on a recommendation.
    MatchVerdict {
        /// A good recommendation: similar ones rank higher.
        Relevant = "RELEVANT",
        /// Not a fit: the pair is dismissed from the list, similar ones rank lower.
        NotRelevant = "NOT_RELEVANT",
        /// The user got in touch: a good recommendation, kept in the list.
        Contacted = "CONTACTED",
    }
}

impl MatchVerdict {
    /// Whether it speaks for the recommendation.
    pub fn is_positive(self) -> bool {
        self != MatchVerdict::NotRelevant
    }
}

vocabulary! {
    /// Whose list a verdict is about.
    MatchSide {
        /// The startup's: it judged an investor or a mentor recommended to it.
        Startup = "STARTUP",
        /// The investor's or mentor's: they judged a startup recommended to them.
        Counterpart = "COUNTERPART",
    }
}

/// A profile that takes part in an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Participant {
    Startup(i64),
    Investor(i64),
    Mentor(i64),
}

/// A verdict on one recommended pair, as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct MatchFeedback {
    pub startup_id: i64,
    pub counterpart: Recipient,
    pub side: MatchSide,
    pub verdict: MatchVerdict,
    pub user_id: Option<i64>,
}

/// Who an introduction is addressed to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Recipient {
    Investor(i64),
    Mentor(i64),
}

impl From<Recipient> for Participant {
    fn from(r: Recipient) -> Participant {
        match r {
            Recipient::Investor(id) => Participant::Investor(id),
            Recipient::Mentor(id) => Participant::Mentor(id),
        }
    }
}

/// A startup's request to meet an investor or a mentor (double opt-in).
#[derive(Debug, Clone, PartialEq)]
pub struct Introduction {
    pub id: i64,
    pub startup_id: i64,
    pub recipient: Recipient,
    pub message: String,
    pub status: IntroductionStatus,
    pub created_at: DateTime<Utc>,
    pub decided_at: Option<DateTime<Utc>>,
}

/// One step of an introduction, as the audit trail keeps it.
#[derive(Debug, Clone, PartialEq)]
pub struct IntroductionLogEntry {
    pub id: i64,
    pub introduction_id: i64,
    pub startup_id: i64,
    pub recipient: Recipient,
    pub actor_id: Option<i64>,
    pub action: IntroductionAction,
    pub at: DateTime<Utc>,
}

/// The longest introduction message, in characters.
pub const MAX_INTRODUCTION_MESSAGE_CHARS: usize = 2000;

/// A person who signs in.
#[derive(Debug, Clone, PartialEq)]
pub struct User {
    pub id: i64,
    /// Trimmed and lowercased.
    pub email: String,
    pub role: Role,
    pub name: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// Money an investor put into a startup in one round.
#[derive(Debug, Clone, PartialEq)]
pub struct Investment {
    pub id: i64,
    pub investor_id: i64,
    pub startup_id: i64,
    pub amount: Money,
    pub round: Stage,
    pub date: NaiveDate,
    /// Seen only by the two parties and the operator.
    pub confidential: bool,
}

/// The Vietnamese time zone offset (Asia/Ho_Chi_Minh has no daylight saving).
pub fn vietnam_offset() -> chrono::FixedOffset {
    chrono::FixedOffset::east_opt(7 * 3600).expect("BUG: +07:00 is a valid offset")
}

/// Makes a human-readable slug: ASCII, lowercase, words joined by `-`.
/// Vietnamese diacritics are folded (`Đà Nẵng` → `da-nang`).
pub fn slugify(text: &str) -> String {
    let folded = deunicode::deunicode(text).to_lowercase();
    let mut slug = String::with_capacity(folded.len());
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    slug.truncate(MAX_SLUG_LEN);
    while slug.ends_with('-') {
        slug.pop();
    }
    slug
}

/// Folds a name for sorting: diacritics removed, lowercase. Sorting by this
/// key puts "Đà Nẵng" among the Ds in both databases, whatever their collation.
pub fn sort_key(text: &str) -> String {
    deunicode::deunicode(text).to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_round_trip_every_subset_of_a_vocabulary() {
        let some = vec![
            Topic::Legal,
            Topic::Fundraising,
            Topic::InternationalExpansion,
        ];
        let mask = mask_of(&some);
        let mut back: Vec<Topic> = from_mask(mask);
        back.sort();
        let mut want = some.clone();
        want.sort();
        assert_eq!(back, want);
        assert_eq!(from_mask::<Stage>(0), Vec::<Stage>::new());
    }

    #[test]
    fn wire_names_match_graphql_names() {
        assert_eq!(Stage::SeriesA.as_str(), "SERIES_A");
        assert_eq!(
            "ST_ENTERPRISE".parse::<StartupTag>(),
            Ok(StartupTag::StEnterprise)
        );
        assert!("series_a".parse::<Stage>().is_err());
        let json = serde_json::to_string(&InvestorKind::VcFund).unwrap();
        assert_eq!(json, "\"VC_FUND\"");
    }

    #[test]
    fn slugify_folds_vietnamese() {
        assert_eq!(
            slugify("Techfest Hải Phòng 2025"),
            "techfest-hai-phong-2025"
        );
        assert_eq!(slugify("Đà Nẵng — Đổi mới!"), "da-nang-doi-moi");
        assert_eq!(slugify("  "), "");
    }

    #[test]
    fn eligibility_is_five_years_from_founding() {
        let mut s = Startup {
            id: 1,
            slug: "a".into(),
            name: "A".into(),
            tagline: String::new(),
            description: String::new(),
            stage: Stage::Seed,
            province_id: None,
            organization_id: None,
            founded_on: NaiveDate::from_ymd_opt(2020, 6, 1),
            team_size: None,
            tags: vec![],
            needs: vec![],
            seeking: None,
            website: None,
            contact: Contact::default(),
            sector_ids: vec![],
            owner_id: None,
            created_at: Utc::now(),
            updated_at: Utc::now(),
        };
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert!(s.is_eligible_for_support(d(2025, 6, 1)));
        assert!(!s.is_eligible_for_support(d(2025, 6, 2)));
        assert!(!s.is_eligible_for_support(d(2019, 1, 1)), "not yet founded");
        s.founded_on = Some(d(2020, 2, 29));
        assert!(s.is_eligible_for_support(d(2025, 2, 28)));
        assert_eq!(earliest_eligible_founding(d(2024, 2, 29)), d(2019, 2, 28));
        s.founded_on = None;
        assert!(s.is_eligible_for_support(d(2025, 6, 1)));
    }

    #[test]
    fn amounts_parse_strictly() {
        assert_eq!(parse_amount("5000000000"), Ok(5_000_000_000));
        assert!(parse_amount("-5").is_err());
        assert!(parse_amount("1e9").is_err());
        assert!(parse_amount("99999999999999999999").is_err());
        let m: Money = serde_json::from_str(r#"{"amount":"25","currency":"USD"}"#).unwrap();
        assert_eq!(m.in_vnd(), 625_000);
        let m: Money = serde_json::from_str(r#"{"amount":25,"currency":"VND"}"#).unwrap();
        assert_eq!(m.amount, 25);
    }
}
